import { tagCodeOf, type ByteView } from './bytes';
import { BackupHeaderError, SqlFindingCode } from './errors';

/**
 * The MTF common block header (DBLK, 52 bytes): type tag, attributes, offset of the first stream, OS-specific data
 * address, string type and a checksum that is the XOR of the 25 words before it (MTF 1.0; see
 * reference/sql-backup-format.md and the MTF spec structs named in fixtures/PROVENANCE.md).
 */
export interface DescriptorBlock {
  offset: number;
  type: string;
  attributes: number;
  firstEvent: number;
  osData: { size: number; offset: number };
  stringType: number;
}

export const DBLK_SIZE = 0x34;
export const STREAM_HEADER_SIZE = 22;
/** Descriptor blocks start on 512-byte boundaries of the file. */
export const BLOCK_ALIGN = 512;

export const KNOWN_BLOCKS = new Set(['TAPE', 'SSET', 'VOLB', 'DIRB', 'FILE', 'CFIL', 'ESPB', 'ESET', 'EOTM', 'SFMB', 'MSCI', 'MSDA', 'MSTL', 'MSLS', 'TSMP', 'TFDD']);

function xorWords(v: ByteView, off: number, words: number): number {
  let x = 0;
  for (let i = 0; i < words; i++) x ^= v.u16(off + i * 2, 'checksum word');
  return x;
}

/** XOR of `words` little-endian words at `off`, all known to lie inside `b`. */
function xorInside(b: Uint8Array, off: number, words: number): number {
  // Two words at a time, folded at the end; an odd last word on its own.
  let x = 0;
  const end = off + (words & ~1) * 2;
  for (let o = off; o < end; o += 4) x ^= b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
  x = (x & 0xffff) ^ (x >>> 16);
  if (words & 1) x ^= b[end]! | (b[end + 1]! << 8);
  return x;
}

const inside = (v: ByteView, off: number, n: number) => Number.isInteger(off) && off >= 0 && off + n <= v.length;

const TAG_NAMES = new Map<number, string>([...KNOWN_BLOCKS, 'RAID', 'SPAD', 'MQCI', 'SCIN'].map((t) => [tagCodeOf(t), t]));

/** The four-letter tag at `off` as text (`ByteView.tag`), without a new string for the known ones. */
export function tagText(v: ByteView, off: number): string {
  return TAG_NAMES.get(v.tagCode(off)) ?? v.tag(off);
}

/** Reads and checks one descriptor block header at `off`; a bad checksum means a damaged header. */
export function readDescriptorBlock(v: ByteView, off: number): DescriptorBlock {
  if (!inside(v, off, DBLK_SIZE)) return readDescriptorBlockChecked(v, off);
  const b = v.bytes;
  if (xorInside(b, off, 25) !== (b[off + 0x32]! | (b[off + 0x33]! << 8))) return readDescriptorBlockChecked(v, off);
  return {
    offset: off,
    type: tagText(v, off),
    attributes: v.u32(off + 0x04),
    firstEvent: b[off + 0x08]! | (b[off + 0x09]! << 8),
    osData: { size: b[off + 0x2c]! | (b[off + 0x2d]! << 8), offset: b[off + 0x2e]! | (b[off + 0x2f]! << 8) },
    stringType: b[off + 0x30]!,
  };
}

/** The first-stream offset of the descriptor block at `off`, checked as `readDescriptorBlock` does. */
export function blockFirstEvent(v: ByteView, off: number): number {
  const b = v.bytes;
  if (!inside(v, off, DBLK_SIZE) || xorInside(b, off, 25) !== (b[off + 0x32]! | (b[off + 0x33]! << 8))) return readDescriptorBlockChecked(v, off).firstEvent;
  return b[off + 0x08]! | (b[off + 0x09]! << 8);
}

function readDescriptorBlockChecked(v: ByteView, off: number): DescriptorBlock {
  const type = v.tag(off);
  const stored = v.u16(off + 0x32, `${type || 'block'} checksum`);
  if (xorWords(v, off, 25) !== stored) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `the ${type || 'MTF'} block header checksum does not match; the header is damaged`, v.base + off);
  }
  return {
    offset: off,
    type,
    attributes: v.u32(off + 0x04),
    firstEvent: v.u16(off + 0x08, `${type} first-stream offset`),
    osData: { size: v.u16(off + 0x2c), offset: v.u16(off + 0x2e) },
    stringType: v.u8(off + 0x30),
  };
}

export interface StreamHeader {
  offset: number;
  id: string;
  /** Length of the stream data (a double: exact below 2^53, rounded like Number(bigint) above). */
  length: number;
  dataOffset: number;
}

/** Reads a 22-byte MTF stream header (id, attributes, u64 length, algorithms, checksum of the 10 words before). */
export function readStreamHeader(v: ByteView, off: number): StreamHeader {
  checkStreamHeader(v, off);
  return { offset: off, id: tagText(v, off), length: v.u64Number(off + 8), dataOffset: off + STREAM_HEADER_SIZE };
}

/** Checks the stream header at `off` (bounds and checksum) as `readStreamHeader` does, without reading it. */
export function checkStreamHeader(v: ByteView, off: number): void {
  const b = v.bytes;
  if (inside(v, off, STREAM_HEADER_SIZE) && xorInside(b, off, 10) === (b[off + 20]! | (b[off + 21]! << 8))) return;
  const id = v.tag(off);
  const stored = v.u16(off + 20, `${id || 'stream'} checksum`);
  if (xorWords(v, off, 10) !== stored) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `the ${id || 'MTF'} stream header checksum does not match; the header is damaged`, v.base + off);
  }
}

/** Writes the DBLK checksum (used by the synthetic writer). */
export function blockChecksum(bytes: Uint8Array, off: number, words: number): number {
  let x = 0;
  for (let i = 0; i < words; i++) x ^= bytes[off + i * 2]! | (bytes[off + i * 2 + 1]! << 8);
  return x;
}

const TAG_CODES = new Map<number, string>([...KNOWN_BLOCKS].map((t) => [tagCodeOf(t), t]));

function tagAt(v: ByteView, off: number): string | undefined {
  const b = v.bytes;
  return TAG_CODES.get(b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24));
}

/**
 * Offsets of the 512-byte-aligned descriptor blocks found in `v` (absolute file offsets are `v.base + off`), in file
 * order. With `until`, the scan stops at the first block of that type.
 */
export function findBlocks(v: ByteView, from = 0, until?: (types: Set<string>) => boolean): { offset: number; type: string }[] {
  const out: { offset: number; type: string }[] = [];
  const seen = new Set<string>();
  const first = Math.ceil((v.base + from) / BLOCK_ALIGN) * BLOCK_ALIGN - v.base;
  for (let off = first; off + DBLK_SIZE <= v.length; off += BLOCK_ALIGN) {
    const t = tagAt(v, off);
    if (t === undefined) continue;
    out.push({ offset: off, type: t });
    seen.add(t);
    if (until?.(seen)) break;
  }
  return out;
}

/**
 * The end of a backup, scanning back from the end of `v`: the last MSLS block (the trailing header copy), if an ESET
 * block (end of set) follows it. Null when the file does not end like a finished backup.
 */
export function findTrailer(v: ByteView): number | null {
  const last = Math.floor((v.base + v.length - DBLK_SIZE) / BLOCK_ALIGN) * BLOCK_ALIGN - v.base;
  let eset = false;
  for (let off = last; off >= 0; off -= BLOCK_ALIGN) {
    const t = v.tagCode(off);
    if (t === ESET) eset = true;
    else if (t === MSLS) return eset ? off : null;
  }
  return null;
}

const ESET = tagCodeOf('ESET');
const MSLS = tagCodeOf('MSLS');
