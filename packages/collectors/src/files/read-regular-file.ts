import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { LyncdrError } from '@lyncdr/errors';

export interface ReadRegularFileOptions {
  /** What the file is, for messages ("topology", "overlay", "agent config"). */
  what: string;
  /** The path as the user gave it, for messages. */
  shown: string;
  /** Largest size read; a longer file is refused with E_INPUT_TOO_LARGE. */
  maxBytes: number;
}

const CHUNK = 1024 * 1024;

/**
 * Reads a whole input file, refusing anything that is not a regular file (E_INPUT) and anything longer than
 * `maxBytes` (E_INPUT_TOO_LARGE). The file is opened non-blocking, so a FIFO with no writer cannot hang the open, and
 * its type is checked on the open handle; the limit is enforced while reading, not only from the size `stat` gives
 * (0 for devices such as /dev/zero, and a file may grow while it is read).
 */
export function readRegularFileSync(full: string, o: ReadRegularFileOptions): Buffer {
  const fail = (message: string, cause?: unknown, code: 'E_INPUT' | 'E_INPUT_TOO_LARGE' = 'E_INPUT') => new LyncdrError(code, message, cause === undefined ? {} : { cause });
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw fail(`${o.what} ${o.shown} is a folder; give the path of a file`, e);
    throw fail(`cannot read ${o.what} ${o.shown}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}; check the path`, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw fail(`${o.what} ${o.shown} is a folder; give the path of a file`);
    if (!st.isFile()) throw fail(`${o.what} ${o.shown} is not a regular file (a device, pipe or socket); give the path of a file`);
    const tooLarge = () => fail(`${o.what} ${o.shown} is over the ${o.maxBytes}-byte limit; is this the right file?`, undefined, 'E_INPUT_TOO_LARGE');
    if (st.size > o.maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte more than the limit tells a file of exactly the limit from a longer one.
      const want = Math.min(CHUNK, o.maxBytes + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > o.maxBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof LyncdrError) throw e;
    throw fail(`cannot read ${o.what} ${o.shown}: ${(e as Error).message}; check the file`, e);
  } finally {
    closeSync(fd);
  }
}

/** The same as `readRegularFileSync`, for async callers (inputs are read whole either way). */
export async function readRegularFile(full: string, o: ReadRegularFileOptions): Promise<Buffer> {
  return readRegularFileSync(full, o);
}
