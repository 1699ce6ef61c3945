import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printJsonStreamed, streamJsonObject } from './json-out';

const printed = (value: unknown) => {
  const chunks: string[] = [];
  printJsonStreamed({ stdout: (t) => void chunks.push(t) }, value);
  return chunks;
};

describe('printJsonStreamed', () => {
  it('prints exactly what JSON.stringify(value, null, 2) prints, for any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(printed(v).join('')).toBe(JSON.stringify(v, null, 2) + '\n');
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out undefined members as JSON.stringify does', () => {
    const v = { a: undefined, b: [1, undefined, { c: undefined, d: 'x\ny' }], e: {}, f: [] };
    expect(printed(v).join('')).toBe(JSON.stringify(v, null, 2) + '\n');
  });

  it('writes a large document in chunks, none of them the whole document', () => {
    const v = { findings: Array.from({ length: 20_000 }, (_, i) => ({ code: 'FS_MISSING', path: `/share/f${i}.dat`, message: `f${i}.dat is not in the backup` })), ok: false };
    const chunks = printed(v);
    expect(chunks.join('')).toBe(JSON.stringify(v, null, 2) + '\n');
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
  });

  it('streams an object member by member, an array element by element, with the same bytes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), fc.string().filter((k) => !/^\d+$/.test(k) && k !== '__proto__'), (members, items, key) => {
        let text = '';
        const w = streamJsonObject({ stdout: (t) => void (text += t) });
        const a = w.array(key);
        for (const i of items) a.push(i);
        a.close();
        // (Integer-like keys come first in any JS object, so the expected object is built without them.)
        const rest = Object.entries(members).filter(([k]) => k !== key && k !== '__proto__' && !/^\d+$/.test(k));
        for (const [k, v] of rest) w.member(k, v);
        w.end();
        const expected: Record<string, unknown> = { [key]: items };
        for (const [k, v] of rest) expected[k] = v;
        expect(text).toBe(JSON.stringify(expected, null, 2) + '\n');
      }),
      { numRuns: 300 },
    );
  });
});
