import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue, truncateUtf8 } from './text';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('truncateUtf8', () => {
  it('keeps text that fits and cuts text that does not, with an ellipsis, within the byte budget', () => {
    expect(truncateUtf8('short', 123)).toBe('short');
    expect(truncateUtf8('a'.repeat(123), 123)).toBe('a'.repeat(123));
    expect(truncateUtf8('a'.repeat(124), 123)).toBe('a'.repeat(120) + '…');
    expect(truncateUtf8('é'.repeat(100), 123)).toBe('é'.repeat(60) + '…');
  });

  it('never splits a surrogate pair or a multi-byte character', () => {
    const cut = truncateUtf8('😀'.repeat(100), 123);
    expect(cut).toBe('😀'.repeat(30) + '…');
    expect(cut).not.toContain('\uFFFD');
  });

  it('holds for any text and budget: result is a prefix (plus …) that fits', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 3, max: 400 }), (s, max) => {
      const out = truncateUtf8(s, max);
      expect(bytes(out)).toBeLessThanOrEqual(max);
      if (bytes(s) <= max) expect(out).toBe(s);
      else {
        expect(out.endsWith('…')).toBe(true);
        expect(s.startsWith(out.slice(0, -1))).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('reads only the head of a huge text (linear: 5 MB is as quick as 1 kB)', () => {
    const huge = 'V'.repeat(5 * 1024 * 1024);
    // Counts work, not time: a cut that walked the whole text would be correct too, so check the result's size and that
    // the call does not scale, by running it many times on the huge text within one generous bound.
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) expect(truncateUtf8(huge, 123)).toHaveLength(121);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('describeValue', () => {
  it('shows short values and bounds long ones', () => {
    expect(describeValue(9)).toBe('9');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue('V'.repeat(900_000)).length).toBeLessThan(50);
  });
});
