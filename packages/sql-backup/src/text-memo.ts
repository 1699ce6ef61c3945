import type { ByteView } from './bytes';
import { intern } from './intern';

/**
 * UTF-16 header texts that repeat from file to file (software, user, database and server names), one memo per field:
 * when the bytes are those of the last file, the same string is returned without decoding it again.
 */
export class TextMemo {
  private bytes = new Uint8Array(0);
  private text = '';

  utf16(v: ByteView, off: number, byteLength: number, what: string): string {
    const last = this.bytes;
    if (last.length === byteLength && byteLength > 0) {
      v.need(off, byteLength, what);
      const b = v.bytes;
      let i = 0;
      while (i < byteLength && b[off + i] === last[i]) i++;
      if (i === byteLength) return this.text;
    }
    const text = intern(v.utf16(off, byteLength, what));
    this.bytes = Uint8Array.prototype.slice.call(v.bytes, off, off + byteLength);
    this.text = text;
    return text;
  }
}
