import { BackupHeaderError, SqlFindingCode } from './errors';

/** Bounds-checked little-endian reads on a byte buffer; every read past the end is a corrupt-header error. */
export class ByteView {
  constructor(readonly bytes: Uint8Array, readonly base = 0) {
  }

  get length(): number {
    return this.bytes.length;
  }

  need(off: number, n: number, what: string): void {
    // (off | 0) === off: an integer below 2^31 (any larger offset is past the end of a buffer anyway).
    if ((off | 0) !== off || off < 0 || off + n > this.bytes.length) {
      throw new BackupHeaderError(
        SqlFindingCode.corrupt,
        `${what} at byte 0x${(this.base + off).toString(16)} lies outside the ${this.bytes.length} header bytes read; the header is damaged`,
        this.base + off,
      );
    }
  }

  u8(off: number, what = 'byte'): number {
    this.need(off, 1, what);
    return this.bytes[off]!;
  }

  u16(off: number, what = 'u16'): number {
    this.need(off, 2, what);
    return le16(this.bytes, off);
  }

  u32(off: number, what = 'u32'): number {
    this.need(off, 4, what);
    return le32(this.bytes, off);
  }

  u64(off: number, what = 'u64'): bigint {
    this.need(off, 8, what);
    return (BigInt(le32(this.bytes, off + 4)) << 32n) | BigInt(le32(this.bytes, off));
  }

  /** The u64 as a double (rounded like Number(bigint) above 2^53). */
  u64Number(off: number, what = 'u64'): number {
    this.need(off, 8, what);
    return le32(this.bytes, off + 4) * 4294967296 + le32(this.bytes, off);
  }

  /** The four bytes at `off` as a little-endian int (compare with `tagCode('TAPE')`); -1 past the end. */
  tagCode(off: number): number {
    if (off < 0 || off + 4 > this.bytes.length) return -1;
    const b = this.bytes;
    return b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24);
  }

  slice(off: number, n: number, what = 'field'): Uint8Array {
    this.need(off, n, what);
    return this.bytes.subarray(off, off + n);
  }

  tag(off: number): string {
    if (off < 0 || off + 4 > this.bytes.length) return '';
    return String.fromCharCode(this.bytes[off]!, this.bytes[off + 1]!, this.bytes[off + 2]!, this.bytes[off + 3]!);
  }

  /** GUID in the Windows byte order (first three groups little-endian), as lower-case text. */
  guid(off: number, what = 'GUID'): string {
    this.need(off, 16, what);
    const b = this.bytes;
    for (let i = 0; i < 16; i++) {
      const x = b[off + GUID_ORDER[i]!]!;
      const at = GUID_AT[i]!;
      GUID_TEXT[at] = HEX_DIGITS[x >> 4]!;
      GUID_TEXT[at + 1] = HEX_DIGITS[x & 15]!;
    }
    return GUID_TEXT.toString('latin1', 0, 36);
  }

  utf16(off: number, byteLength: number, what = 'string'): string {
    if (byteLength % 2 !== 0) {
      throw new BackupHeaderError(SqlFindingCode.corrupt, `${what} has an odd byte length ${byteLength}; the header is damaged`, this.base + off);
    }
    this.need(off, byteLength, what);
    const b = this.bytes;
    const text = b instanceof Buffer ? b.toString('utf16le', off, off + byteLength) : Buffer.from(b.buffer, b.byteOffset + off, byteLength).toString('utf16le');
    const nul = text.indexOf('\0');
    return nul < 0 ? text : text.slice(0, nul);
  }
}

/** Byte order of a GUID's text: the first three groups are little-endian. */
const GUID_ORDER = Uint8Array.from([3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]);
const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Where the two digits of each byte go in the text (the dashes stay in place). */
const GUID_AT = Uint8Array.from([0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]);
const GUID_TEXT = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');

/** `tagCode` of a four-letter tag. */
export const tagCodeOf = (t: string): number => t.charCodeAt(0) | (t.charCodeAt(1) << 8) | (t.charCodeAt(2) << 16) | (t.charCodeAt(3) << 24);

const le16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const le32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export const NULL_GUID = '00000000-0000-0000-0000-000000000000';
