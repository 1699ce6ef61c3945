import { describe, expect, it } from 'vitest';
import { ByteView } from './bytes';
import { cmpLsnText, compareLsn, readLsn } from './lsn';

/** The 10 LSN bytes (u32 VLF, u32 block, u16 slot) as the header stores them. */
function lsnBytes(vlf: number, block: number, slot: number): ByteView {
  const b = new Uint8Array(10);
  const d = new DataView(b.buffer);
  d.setUint32(0, vlf, true);
  d.setUint32(4, block, true);
  d.setUint16(8, slot, true);
  return new ByteView(b);
}

describe('LSN texts', () => {
  it('cmpLsnText orders every text readLsn writes as BigInt does, below and above 2^53', () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pick = () => [rnd(3) === 0 ? rnd(12) : rnd(2 ** 31), rnd(3) === 0 ? rnd(1000) : rnd(2 ** 31), rnd(65536)] as const;
    const texts: string[] = [];
    for (let i = 0; i < 2000; i++) texts.push(readLsn(lsnBytes(...pick()), 0));
    texts.push('0', readLsn(lsnBytes(9, 0, 0), 0), readLsn(lsnBytes(8, 4294967295, 65535), 0));
    for (let i = 0; i < 5000; i++) {
      const a = texts[rnd(texts.length)]!;
      const b = texts[rnd(texts.length)]!;
      expect(Math.sign(cmpLsnText(a, b)), `${a} vs ${b}`).toBe(compareLsn(a, b));
    }
  });
});
