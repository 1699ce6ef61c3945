import { deflateSync } from 'fflate';
import { crc32 } from '../zip/crc32';

/** One entry of a test archive: stored, or deflated with `deflate: true`. */
export interface Zip64Entry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
}

/**
 * Writes a ZIP64 archive in memory, as tools that always use ZIP64 headers do (some .NET writers, `zip -fz`): every
 * size and offset in the local and central headers is 0xFFFFFFFF with the real value in a ZIP64 extra field (id 1),
 * and the end-of-central-directory record points to a ZIP64 record through its locator (APPNOTE 4.3.14–4.3.15,
 * 4.5.3). Test data only: the archives stay small.
 */
export function writeZip64(entries: Zip64Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    offset += b.length;
  };
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const crc = crc32(e.data);
    const method = e.deflate ? 8 : 0;
    const local = new DataView(new ArrayBuffer(30 + name.length + 20));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 45, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint16(12, 0x21, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, 0xffffffff, true);
    local.setUint32(22, 0xffffffff, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 20, true);
    new Uint8Array(local.buffer).set(name, 30);
    local.setUint16(30 + name.length, 0x0001, true);
    local.setUint16(32 + name.length, 16, true);
    local.setBigUint64(34 + name.length, BigInt(e.data.length), true);
    local.setBigUint64(42 + name.length, BigInt(body.length), true);
    const at = offset;
    push(new Uint8Array(local.buffer));
    push(body);
    const cd = new DataView(new ArrayBuffer(46 + name.length + 28));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 45, true);
    cd.setUint16(6, 45, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint16(10, method, true);
    cd.setUint16(14, 0x21, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, 0xffffffff, true);
    cd.setUint32(24, 0xffffffff, true);
    cd.setUint16(28, name.length, true);
    cd.setUint16(30, 28, true);
    cd.setUint32(42, 0xffffffff, true);
    new Uint8Array(cd.buffer).set(name, 46);
    cd.setUint16(46 + name.length, 0x0001, true);
    cd.setUint16(48 + name.length, 24, true);
    cd.setBigUint64(50 + name.length, BigInt(e.data.length), true);
    cd.setBigUint64(58 + name.length, BigInt(body.length), true);
    cd.setBigUint64(66 + name.length, BigInt(at), true);
    central.push(new Uint8Array(cd.buffer));
  }
  const cdOffset = offset;
  for (const c of central) push(c);
  const cdSize = offset - cdOffset;
  const rec64At = offset;
  const rec = new DataView(new ArrayBuffer(56 + 20 + 22));
  rec.setUint32(0, 0x06064b50, true);
  rec.setBigUint64(4, 44n, true);
  rec.setUint16(12, 45, true);
  rec.setUint16(14, 45, true);
  rec.setBigUint64(24, BigInt(entries.length), true);
  rec.setBigUint64(32, BigInt(entries.length), true);
  rec.setBigUint64(40, BigInt(cdSize), true);
  rec.setBigUint64(48, BigInt(cdOffset), true);
  rec.setUint32(56, 0x07064b50, true);
  rec.setBigUint64(64, BigInt(rec64At), true);
  rec.setUint32(72, 1, true);
  rec.setUint32(76, 0x06054b50, true);
  rec.setUint16(84, 0xffff, true);
  rec.setUint16(86, 0xffff, true);
  rec.setUint32(88, 0xffffffff, true);
  rec.setUint32(92, 0xffffffff, true);
  push(new Uint8Array(rec.buffer));
  const out = new Uint8Array(offset);
  let p = 0;
  for (const b of parts) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}
