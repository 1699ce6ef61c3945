import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

/** The bitwise definition, one bit at a time: the reference the table-driven version must match. */
function reference(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => ((i + seed) * 2654435761) >>> 24);

describe('crc32', () => {
  it('gives the check value of CRC-32/ISO-HDLC and 0 for no bytes', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('matches the bitwise definition for every length around the 8-byte steps, at any offset', () => {
    const buf = bytes(300);
    for (let n = 0; n <= 40; n++) {
      for (const at of [0, 1, 3]) expect(crc32(buf.subarray(at, at + n)), `${n}@${at}`).toBe(reference(buf.subarray(at, at + n)));
    }
    expect(crc32(buf)).toBe(reference(buf));
  });

  it('continues over chunks: crc32(b, crc32(a)) is the CRC of a then b', () => {
    const buf = bytes(10_000, 7);
    for (const cut of [0, 1, 7, 8, 4095, 9999, 10_000]) {
      expect(crc32(buf.subarray(cut), crc32(buf.subarray(0, cut))), String(cut)).toBe(crc32(buf));
    }
  });
});
