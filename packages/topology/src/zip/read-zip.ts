import { LyncdrError } from '@lyncdr/errors';
import { inflateSync } from 'fflate';
import { crc32 } from './crc32';

export interface ZipLimits {
  /** Most entries a zip may hold. */
  maxEntries: number;
  /** Most uncompressed bytes over all entries (declared sizes, checked before anything is inflated). */
  maxTotalBytes: number;
  /** Most uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Highest uncompressed/compressed ratio accepted for an entry over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxRatio: 1000,
};

/** A little-endian u64 as a number (exact up to 2^53, far beyond any size the limits accept). */
const u64 = (dv: DataView, at: number): number => dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 2 ** 32;

/** Where the data of the ZIP64 extra field (id 1) of an extra block is, and its length; null without one. */
function zip64Extra(dv: DataView, from: number, length: number): { at: number; length: number } | null {
  for (let q = from; q + 4 <= from + length; ) {
    const id = dv.getUint16(q, true);
    const len = dv.getUint16(q + 2, true);
    if (q + 4 + len > from + length) return null;
    if (id === 0x0001) return { at: q + 4, length: len };
    q += 4 + len;
  }
  return null;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * Reads a zip in memory (pure): the central directory is read and checked first — entry count, declared sizes and
 * ratios against the limits (E_ZIP_LIMIT), names that climb out of the folder or are absolute (E_ZIP_PATH) —
 * and only then are entries inflated (fflate), each checked against its declared size and CRC-32 (E_ZIP_CORRUPT).
 */
export function readZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (what: string): LyncdrError =>
    new LyncdrError(
      'E_ZIP_CORRUPT',
      `${what}; the zip is damaged — export it again (Export-CsConfiguration -FileName …)`,
      { location: { file } },
    );
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end-of-central-directory record (truncated zip?)');
  let count = dv.getUint16(eocd + 10, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  const located = eocd >= 20 && dv.getUint32(eocd - 20, true) === 0x07064b50;
  if (cdOffset === 0xffffffff && !located) throw corrupt('the ZIP64 end-of-central-directory locator is missing');
  if ((count === 0xffff || cdOffset === 0xffffffff) && located) {
    // ZIP64 (APPNOTE 4.3.14–4.3.15): the locator just before the record points to the ZIP64 end record.
    const at = u64(dv, eocd - 20 + 8);
    if (at + 56 > bytes.length || dv.getUint32(at, true) !== 0x06064b50) throw corrupt('the ZIP64 end-of-central-directory record is damaged');
    count = u64(dv, at + 32);
    cdOffset = u64(dv, at + 48);
  }
  if (count > limits.maxEntries) {
    throw new LyncdrError(
      'E_ZIP_LIMIT',
      `the zip holds ${count} entries, over the limit of ${limits.maxEntries}; this is not a configuration export (zip bomb?)`,
      { location: { file } },
    );
  }
  const heads: {
    name: string;
    method: number;
    crc: number;
    csize: number;
    usize: number;
    local: number;
    flags: number;
  }[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50)
      throw corrupt(`central directory entry ${i + 1} is unreadable`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    let csize = dv.getUint32(p + 20, true);
    let usize = dv.getUint32(p + 24, true);
    const nlen = dv.getUint16(p + 28, true);
    const elen = dv.getUint16(p + 30, true);
    const clen = dv.getUint16(p + 32, true);
    let local = dv.getUint32(p + 42, true);
    if (p + 46 + nlen + elen > bytes.length) throw corrupt(`central directory entry ${i + 1} is unreadable`);
    if (usize === 0xffffffff || csize === 0xffffffff || local === 0xffffffff) {
      // ZIP64 extra field (id 1): the 0xFFFFFFFF values, in the order uncompressed, compressed, offset (APPNOTE 4.5.3).
      const x = zip64Extra(dv, p + 46 + nlen, elen);
      if (!x) throw corrupt(`central directory entry ${i + 1} lacks its ZIP64 sizes`);
      let k = 0;
      const take = (): number => {
        const v = k + 8 <= x.length ? u64(dv, x.at + k) : Number.NaN;
        k += 8;
        return v;
      };
      if (usize === 0xffffffff) usize = take();
      if (csize === 0xffffffff) csize = take();
      if (local === 0xffffffff) local = take();
      if (![usize, csize, local].every(Number.isFinite)) throw corrupt(`central directory entry ${i + 1} has a short ZIP64 field`);
    }
    const name = new TextDecoder((flags & 0x800) !== 0 ? 'utf-8' : 'latin1').decode(
      bytes.subarray(p + 46, p + 46 + nlen),
    );
    checkName(name, file);
    if (usize > limits.maxEntryBytes) {
      throw new LyncdrError(
        'E_ZIP_LIMIT',
        `entry ${name} declares ${usize} bytes uncompressed, over the ${limits.maxEntryBytes}-byte limit per entry (zip bomb?)`,
        { location: { file, where: name } },
      );
    }
    if (usize > 1024 * 1024 && usize / Math.max(1, csize) > limits.maxRatio) {
      throw new LyncdrError(
        'E_ZIP_LIMIT',
        `entry ${name} expands ${Math.round(usize / Math.max(1, csize))}× (over ${limits.maxRatio}×): refused as a zip bomb`,
        { location: { file, where: name } },
      );
    }
    total += usize;
    if (total > limits.maxTotalBytes) {
      throw new LyncdrError(
        'E_ZIP_LIMIT',
        `the entries declare more than ${limits.maxTotalBytes} bytes uncompressed in all (zip bomb?); refused before inflating`,
        { location: { file } },
      );
    }
    heads.push({ name, method, crc, csize, usize, local, flags });
    p += 46 + nlen + elen + clen;
  }
  return heads
    .filter((h) => !h.name.endsWith('/'))
    .map((h) => {
      if ((h.flags & 1) !== 0)
        throw new LyncdrError(
          'E_ZIP_UNSUPPORTED',
          `entry ${h.name} is encrypted; export the configuration without a password`,
          { location: { file, where: h.name } },
        );
      if (h.local + 30 > bytes.length || dv.getUint32(h.local, true) !== 0x04034b50)
        throw corrupt(`the local header of ${h.name} is missing`);
      const start = h.local + 30 + dv.getUint16(h.local + 26, true) + dv.getUint16(h.local + 28, true);
      if (start + h.csize > bytes.length)
        throw corrupt(`entry ${h.name} runs past the end of the file (truncated zip?)`);
      const raw = bytes.subarray(start, start + h.csize);
      let data: Uint8Array;
      if (h.method === 0) data = raw;
      else if (h.method === 8) {
        // The output buffer has the declared size, so a lying header cannot make the inflater allocate more.
        try {
          data = inflateSync(raw, { out: new Uint8Array(h.usize) });
        } catch (e) {
          throw corrupt(`entry ${h.name} does not inflate (${(e as Error).message})`);
        }
      } else {
        throw new LyncdrError(
          'E_ZIP_UNSUPPORTED',
          `entry ${h.name} uses compression method ${h.method}; only stored and deflated entries are read`,
          { location: { file, where: h.name } },
        );
      }
      if (data.length !== h.usize || crc32(data) !== h.crc)
        throw corrupt(`entry ${h.name} fails its size or CRC-32 check`);
      return { name: h.name, data };
    });
}

/** Refuses absolute names, drive letters and `..` segments (path traversal). */
function checkName(name: string, file: string): void {
  const parts = name.split(/[\\/]/);
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || parts.includes('..') || name.includes('\0')) {
    throw new LyncdrError(
      'E_ZIP_PATH',
      `entry name "${name}" points outside the archive folder (path traversal); refused — this is not a configuration export`,
      { location: { file, where: name } },
    );
  }
}
