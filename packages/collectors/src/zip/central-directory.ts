import type { FileHandle } from 'node:fs/promises';

export interface ZipEntry {
  name: string;
  /** Raw name bytes decoded as UTF-8 (flag bit 11) or CP437-ish latin1. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {
  constructor(readonly code: 'ZIP_NOT_ZIP' | 'ZIP_TRUNCATED' | 'ZIP_CORRUPT' | 'ZIP_LIMIT', message: string) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CDH = 0x02014b50;
const MAX_TAIL = 22 + 0xffff + 20;

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(buf, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/**
 * Reads the central directory only (from the end of the file), so a multi-gigabyte export is never loaded whole.
 * Handles ZIP64. Throws ZipFormatError when the file is not a zip or its directory is damaged.
 */
export async function readCentralDirectory(fh: FileHandle, fileSize: number, limits: { maxEntries: number }): Promise<ZipEntry[]> {
  if (fileSize < 22) throw new ZipFormatError(fileSize === 0 ? 'ZIP_TRUNCATED' : 'ZIP_NOT_ZIP', `the file is ${fileSize} bytes, too small to be a zip`);
  const tailLen = Math.min(fileSize, MAX_TAIL);
  const tail = await readAt(fh, fileSize - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const head = await readAt(fh, 0, 4);
    const looksZip = head.length === 4 && head.readUInt32LE(0) === 0x04034b50;
    throw new ZipFormatError(looksZip ? 'ZIP_TRUNCATED' : 'ZIP_NOT_ZIP', looksZip ? 'the end-of-central-directory record is missing: the zip is truncated' : 'no end-of-central-directory record: this is not a zip file');
  }
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && at >= 20 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR) {
    const off64 = Number(tail.readBigUInt64LE(at - 20 + 8));
    const rec = await readAt(fh, off64, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== EOCD64) throw new ZipFormatError('ZIP_CORRUPT', 'the ZIP64 end-of-central-directory record is damaged');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (count > limits.maxEntries) throw new ZipFormatError('ZIP_LIMIT', `the zip lists ${count} entries, over the ${limits.maxEntries}-entry limit`);
  if (cdOffset + cdSize > fileSize) throw new ZipFormatError('ZIP_TRUNCATED', `the central directory (offset ${cdOffset}, ${cdSize} bytes) lies beyond the end of the ${fileSize}-byte file: the zip is truncated`);
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw new ZipFormatError('ZIP_CORRUPT', `central directory entry ${i + 1} of ${count} is damaged`);
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const nameBuf = cd.subarray(p + 46, p + 46 + nameLen);
    const e: ZipEntry = {
      name: nameBuf.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: cd.readUInt16LE(p + 10),
      flags,
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    applyZip64(e, cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function applyZip64(e: ZipEntry, extra: Buffer): void {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const take = () => {
        const v = r + 8 <= q + 4 + len ? Number(extra.readBigUInt64LE(r)) : NaN;
        r += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = take();
      if (e.compressedSize === 0xffffffff) e.compressedSize = take();
      if (e.localOffset === 0xffffffff) e.localOffset = take();
      return;
    }
    q += 4 + len;
  }
}

export { readAt };
