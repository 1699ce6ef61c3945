import type { ReadPlan } from './byte-source';
import { ZipError } from './zip-error';

/** One entry as the central directory describes it (sizes and offset from the ZIP64 extra field where needed). */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflate; others are refused when read. */
  method: number;
  /** General purpose flags: bit 0 encrypted, bit 11 UTF-8 name. */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes), its longest comment and the ZIP64 locator before it. */
const MAX_TAIL = 22 + 0xffff + 20;
/** How much of the central directory is read at once (one entry is at most 46 + 3 × 65535 bytes). */
const DIRECTORY_CHUNK = 1024 * 1024;

export const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
export const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
/** A little-endian u64 as a number (exact up to 2^53, far beyond any size a limit accepts). */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * Reads the central directory of a zip of `size` bytes, from its end (APPNOTE 4.3.12–4.3.16), ZIP64 included: the
 * end record, the ZIP64 record through its locator, then the directory in bounded pieces. Never reads entry data, so
 * a multi-gigabyte zip costs the size of its directory. Refuses more than `maxEntries` entries before reading them.
 * Throws ZipError: not-zip, truncated, damaged, too-many-entries.
 */
export function* readCentralDirectory(size: number, opts: { file: string; maxEntries: number }): ReadPlan<ZipDirectoryEntry[]> {
  const { file } = opts;
  const fail = (problem: 'not-zip' | 'truncated' | 'damaged', message: string) => new ZipError(problem, message, { file });
  const tailAt = Math.max(0, size - MAX_TAIL);
  const tail = yield { offset: tailAt, length: size - tailAt };
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    if (size === 0) throw fail('truncated', 'the file is empty (0 bytes): the zip is truncated');
    const head = yield { offset: 0, length: 4 };
    if (head.length === 4 && u32(head, 0) === LOCAL_HEADER) throw fail('truncated', 'no end-of-central-directory record: the zip is truncated');
    throw fail('not-zip', 'no end-of-central-directory record: this is not a zip file');
  }
  let count = u16(tail, at + 10);
  let cdSize = u32(tail, at + 12);
  let cdOffset = u32(tail, at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const located = at >= 20 && u32(tail, at - 20) === EOCD64_LOCATOR;
    if (located) {
      // ZIP64 (APPNOTE 4.3.14–4.3.15): the locator just before the end record points to the ZIP64 end record.
      const recordAt = u64(tail, at - 20 + 8);
      const record = recordAt + 56 <= size ? yield { offset: recordAt, length: 56 } : new Uint8Array(0);
      if (record.length < 56 || u32(record, 0) !== EOCD64) throw fail('damaged', 'the ZIP64 end-of-central-directory record is damaged');
      count = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
    } else if (cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw fail('damaged', 'the ZIP64 end-of-central-directory locator is missing');
    }
  }
  if (count > opts.maxEntries) {
    throw new ZipError('too-many-entries', `the zip holds ${count} entries, over the limit of ${opts.maxEntries} (zip bomb?)`, { file });
  }
  const end = cdOffset + cdSize;
  if (end > size) {
    throw fail('truncated', `the central directory (offset ${cdOffset}, ${cdSize} bytes) lies beyond the end of the ${size}-byte file: the zip is truncated`);
  }
  let window: Uint8Array = new Uint8Array(0);
  let windowAt = cdOffset;
  /** Makes bytes [p, p + n) of the directory readable in `window`; false when they run past its end. */
  function* need(p: number, n: number): Generator<{ offset: number; length: number }, boolean, Uint8Array> {
    if (p + n > end) return false;
    if (p >= windowAt && p + n <= windowAt + window.length) return true;
    window = yield { offset: p, length: Math.min(end - p, Math.max(n, DIRECTORY_CHUNK)) };
    windowAt = p;
    return window.length >= n;
  }
  const entries: ZipDirectoryEntry[] = [];
  let p = cdOffset;
  for (let i = 1; i <= count; i++) {
    const damaged = (what: string) => fail('damaged', `central directory entry ${i} ${what}`);
    if (!(yield* need(p, 46)) || u32(window, p - windowAt) !== CENTRAL_HEADER) throw damaged('is damaged');
    let h = p - windowAt;
    const nameLength = u16(window, h + 28);
    const extraLength = u16(window, h + 30);
    const length = 46 + nameLength + extraLength + u16(window, h + 32);
    if (!(yield* need(p, length))) throw damaged('runs past the end of the directory');
    h = p - windowAt;
    const flags = u16(window, h + 8);
    const e: ZipDirectoryEntry = {
      name: ((flags & 0x800) !== 0 ? utf8 : latin1).decode(window.subarray(h + 46, h + 46 + nameLength)),
      method: u16(window, h + 10),
      flags,
      crc32: u32(window, h + 16),
      compressedSize: u32(window, h + 20),
      size: u32(window, h + 24),
      localOffset: u32(window, h + 42),
    };
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
      const problem = applyZip64(e, window.subarray(h + 46 + nameLength, h + 46 + nameLength + extraLength));
      if (problem) throw damaged(problem);
    }
    entries.push(e);
    p += length;
  }
  return entries;
}

/**
 * Replaces the 0xFFFFFFFF values with those of the ZIP64 extra field (id 1), in the order uncompressed, compressed,
 * offset (APPNOTE 4.5.3). Returns what is wrong, or null.
 */
function applyZip64(e: ZipDirectoryEntry, extra: Uint8Array): string | null {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = u16(extra, q);
    const length = u16(extra, q + 2);
    if (q + 4 + length > extra.length) break;
    if (id === 0x0001) {
      let k = q + 4;
      const take = (): number => {
        const v = k + 8 <= q + 4 + length ? u64(extra, k) : Number.NaN;
        k += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = take();
      if (e.compressedSize === 0xffffffff) e.compressedSize = take();
      if (e.localOffset === 0xffffffff) e.localOffset = take();
      return [e.size, e.compressedSize, e.localOffset].every(Number.isFinite) ? null : 'has a short ZIP64 field';
    }
    q += 4 + length;
  }
  return 'lacks its ZIP64 sizes';
}
