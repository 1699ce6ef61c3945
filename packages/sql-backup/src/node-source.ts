import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ByteSource, SyncByteSource } from './byte-source';

/**
 * A synchronous source over a local or mounted file: a handful of small positioned system calls per file. For
 * header-sized reads the thread-pool round trips of the asynchronous API cost more than the reads themselves (5× on a
 * warm cache), so the scanner uses this and yields to the event loop between files.
 */
export function openFileSourceSync(path: string): SyncByteSource {
  const fd = openSync(path, 'r');
  let size: number | undefined;
  let closed = false;
  return {
    size() {
      size ??= fstatSync(fd).size;
      return size;
    },
    read(offset, length, into) {
      const buf = into && into.length >= length ? into : new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buf, got, length - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return buf.subarray(0, got);
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

/**
 * An asynchronous source over a file (thread-pool reads): slower per file on a warm cache, but several can wait on a
 * slow disk or a network share at once (`scanFiles(files, { openSource: openFileSource, concurrency })`).
 */
export async function openFileSource(path: string): Promise<ByteSource> {
  const fh = await open(path, 'r');
  let size: number | undefined;
  return {
    async size() {
      size ??= (await fh.stat()).size;
      return size;
    },
    async read(offset, length, into) {
      const buf = into && into.length >= length ? into : new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await fh.read(buf, got, length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buf.subarray(0, got);
    },
    close: () => fh.close(),
  };
}
