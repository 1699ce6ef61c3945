import { BackupHeaderError, SqlFindingCode } from './errors';

/** Bounds-checked little-endian reads on a byte buffer; every read past the end is a corrupt-header error. */
export class ByteView {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly base = 0) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
    return this.view.getUint8(off);
  }

  u16(off: number, what = 'u16'): number {
    this.need(off, 2, what);
    return this.view.getUint16(off, true);
  }

  u32(off: number, what = 'u32'): number {
    this.need(off, 4, what);
    return this.view.getUint32(off, true);
  }

  u64(off: number, what = 'u64'): bigint {
    this.need(off, 8, what);
    return this.view.getBigUint64(off, true);
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
    const parts = GUID_PARTS;
    for (let i = 0; i < 16; i++) parts[GUID_SLOT[i]!] = HEX[b[off + GUID_ORDER[i]!]!]!;
    return parts.join('');
  }

  utf16(off: number, byteLength: number, what = 'string'): string {
    if (byteLength % 2 !== 0) {
      throw new BackupHeaderError(SqlFindingCode.corrupt, `${what} has an odd byte length ${byteLength}; the header is damaged`, this.base + off);
    }
    this.need(off, byteLength, what);
    const b = this.bytes;
    const codes = new Array<number>(byteLength / 2);
    let n = 0;
    for (; n < codes.length; n++) {
      const c = b[off + n * 2]! | (b[off + n * 2 + 1]! << 8);
      if (c === 0) break;
      codes[n] = c;
    }
    codes.length = n;
    return String.fromCharCode.apply(null, codes);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const GUID_ORDER = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
/** Where each byte's two hex digits go in the 20-part GUID text (dashes at parts 4, 7, 10, 13). */
const GUID_SLOT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19];
const GUID_PARTS: string[] = Array.from({ length: 20 }, (_, i) => (i === 4 || i === 7 || i === 10 || i === 13 ? '-' : ''));

export const NULL_GUID = '00000000-0000-0000-0000-000000000000';
