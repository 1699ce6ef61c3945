import { BackupHeaderError, SqlFindingCode } from './errors';

/** Bounds-checked little-endian reads on a byte buffer; every read past the end is a corrupt-header error. */
export class ByteView {
  constructor(readonly bytes: Uint8Array, readonly base = 0) {
  }

  get length(): number {
    return this.bytes.length;
  }

  need(off: number, n: number, what: string): void {
    if (!Number.isInteger(off) || off < 0 || off + n > this.bytes.length) {
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
    return `${hex(le32(b, off), 8)}-${hex(le16(b, off + 4), 4)}-${hex(le16(b, off + 6), 4)}-${hex(be16(b, off + 8), 4)}-${hex(be16(b, off + 10), 4)}${hex(be32(b, off + 12), 8)}`;
  }

  utf16(off: number, byteLength: number, what = 'string'): string {
    if (byteLength % 2 !== 0) {
      throw new BackupHeaderError(SqlFindingCode.corrupt, `${what} has an odd byte length ${byteLength}; the header is damaged`, this.base + off);
    }
    this.need(off, byteLength, what);
    const b = this.bytes;
    const text = Buffer.from(b.buffer, b.byteOffset + off, byteLength).toString('utf16le');
    const nul = text.indexOf('\0');
    return nul < 0 ? text : text.slice(0, nul);
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const le16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const le32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const be16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const be32 = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

export const NULL_GUID = '00000000-0000-0000-0000-000000000000';
