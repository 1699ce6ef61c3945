import { readSync } from 'node:fs';
import { BackupHeaderError, SqlFindingCode } from './errors';
import type { BackupHeader } from './header-types';
import { parseBackupHeader } from './parse-header';
import { HEAD_BYTES, MAX_HEAD_BYTES, MAX_TAIL_BYTES, MIN_FILE_BYTES, TAIL_BYTES } from './read-header';

/** One buffer a synchronous scanner reuses for every file: the head read, then the tail read after it. */
export interface FdScratch {
  bytes: Buffer;
  /** Views of `bytes`: the whole head part, the whole tail part. */
  head: Buffer;
  tail: Buffer;
}

export function createFdScratch(): FdScratch {
  const bytes = Buffer.allocUnsafe(HEAD_BYTES + TAIL_BYTES);
  return { bytes, head: bytes.subarray(0, HEAD_BYTES), tail: bytes.subarray(HEAD_BYTES) };
}

function readAt(fd: number, into: Uint8Array, at: number, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, into, at + got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * `readBackupHeaderSync` on an open descriptor, with the reads going straight into `scratch` (no per-file buffers):
 * the same plan — first HEAD_BYTES (up to MAX_HEAD_BYTES when the blocks are further in), last TAIL_BYTES (up to
 * MAX_TAIL_BYTES) — and the same results.
 */
export function readHeaderFromFd(fd: number, size: number, scratch: FdScratch): BackupHeader {
  const buf = scratch.bytes;
  if (size < MIN_FILE_BYTES) {
    const got = readAt(fd, buf, 0, 4, 0);
    const isTape = got === 4 && buf[0] === 0x54 && buf[1] === 0x41 && buf[2] === 0x50 && buf[3] === 0x45;
    throw new BackupHeaderError(
      isTape ? SqlFindingCode.truncated : SqlFindingCode.notBackup,
      isTape ? `only ${size} bytes: the file is truncated before the backup header` : `only ${size} bytes and no MTF TAPE block: not a SQL Server native backup`,
    );
  }
  const headLength = readAt(fd, buf, 0, Math.min(size, HEAD_BYTES), 0);
  let head: Uint8Array = headLength === HEAD_BYTES ? scratch.head : buf.subarray(0, headLength);
  const tailRead = (n: number, into: Uint8Array | null) => {
    const base = Math.max(0, size - n);
    if (head.length >= size) return { bytes: head.subarray(base), base };
    const from = Math.max(base, head.length);
    const rest = into ?? new Uint8Array(size - from);
    const got = readAt(fd, rest, 0, size - from, from);
    if (from === base) return { bytes: got === rest.length ? rest : rest.subarray(0, got), base };
    const bytes = new Uint8Array(size - base);
    bytes.set(head.subarray(base), 0);
    bytes.set(rest.subarray(0, got), from - base);
    return { bytes, base };
  };
  let tail = tailRead(TAIL_BYTES, scratch.tail);
  let header: BackupHeader;
  try {
    header = parseBackupHeader(head, tail);
  } catch (e) {
    if (!(e instanceof BackupHeaderError) || e.code !== SqlFindingCode.corrupt || size <= HEAD_BYTES) throw e;
    const more = new Uint8Array(Math.min(size, MAX_HEAD_BYTES));
    head = more.subarray(0, readAt(fd, more, 0, more.length, 0));
    header = parseBackupHeader(head, tail);
  }
  if (!header.complete && size > TAIL_BYTES) {
    tail = tailRead(MAX_TAIL_BYTES, null);
    header = parseBackupHeader(head, tail);
  }
  return header;
}
