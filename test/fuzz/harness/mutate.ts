import fc from 'fast-check';

/**
 * Structured mutations of valid documents: byte flips and sets, integer fields overwritten with edge values,
 * truncation, cuts, splices (inside one document and between documents), huge repeats, deep nesting, unicode and
 * invalid UTF-8 inserts. A case is a seed document with 1–8 mutations; some cases are raw random bytes.
 */
export interface Dictionary {
  /** Tokens of the format, inserted whole (`<`, `]]>`, `"v":`, `- `, …). */
  tokens: string[];
  /** Open/close pairs repeated to build deep nesting (`<a>`/`</a>`, `[`/`]`). */
  nesting: [string, string][];
  /** Largest mutated document (default MAX_CASE_BYTES). */
  maxBytes?: number;
}

/** Largest mutated document (a huge repeat stops here). */
export const MAX_CASE_BYTES = 1024 * 1024;

type Mutation = (b: Uint8Array, seeds: readonly Uint8Array[], max: number) => Uint8Array;

const enc = new TextEncoder();
const at = (pos: number, len: number) => (len === 0 ? 0 : pos % len);
const insert = (b: Uint8Array, pos: number, add: Uint8Array, max: number): Uint8Array => {
  const p = at(pos, b.length + 1);
  const room = Math.max(0, max - b.length);
  const piece = add.length > room ? add.subarray(0, room) : add;
  const out = new Uint8Array(b.length + piece.length);
  out.set(b.subarray(0, p));
  out.set(piece, p);
  out.set(b.subarray(p), p + piece.length);
  return out;
};
const repeat = (piece: Uint8Array, times: number, max: number): Uint8Array => {
  const n = Math.min(times, Math.floor(max / Math.max(1, piece.length)));
  const out = new Uint8Array(piece.length * n);
  for (let i = 0; i < n; i++) out.set(piece, i * piece.length);
  return out;
};

const EDGE_WORDS = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const INVALID_UTF8 = [[0xff], [0xc0, 0x80], [0xe0, 0xa4], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xef, 0xbb, 0xbf], [0xfe, 0xff], [0]];

/** Mostly small counts; one time in five hundred a huge one (megabyte repeats, 100 000-deep nesting). */
const huge = (small: fc.Arbitrary<number>, big: fc.Arbitrary<number>): fc.Arbitrary<number> =>
  fc.oneof({ weight: 499, arbitrary: small }, { weight: 1, arbitrary: big });

function mutationArb(dict: Dictionary): fc.Arbitrary<Mutation> {
  const pos = fc.nat();
  const tokens = dict.tokens.map((t) => enc.encode(t));
  return fc.oneof(
    fc.record({ pos, bit: fc.integer({ min: 0, max: 7 }) }).map(({ pos, bit }): Mutation => (b) => {
      if (!b.length) return b;
      const out = b.slice();
      out[at(pos, b.length)]! ^= 1 << bit;
      return out;
    }),
    fc.record({ pos, value: fc.oneof(fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x20, 0x0a, 0x3c, 0x22), fc.integer({ min: 0, max: 255 })) }).map(({ pos, value }): Mutation => (b) => {
      if (!b.length) return b;
      const out = b.slice();
      out[at(pos, b.length)] = value;
      return out;
    }),
    fc.record({ pos, word: fc.constantFrom(...EDGE_WORDS), width: fc.constantFrom(2, 4, 8) }).map(({ pos, word, width }): Mutation => (b) => {
      if (b.length < width) return b;
      const out = b.slice();
      const p = at(pos, b.length - width + 1);
      for (let i = 0; i < width; i++) out[p + i] = i < 4 ? (word >>> (8 * i)) & 0xff : word === 0 ? 0 : 0xff;
      return out;
    }),
    pos.map((p): Mutation => (b) => b.subarray(0, at(p, b.length + 1))),
    fc.record({ pos, len: fc.integer({ min: 1, max: 4096 }) }).map(({ pos, len }): Mutation => (b) => {
      const p = at(pos, b.length + 1);
      const end = Math.min(b.length, p + len);
      const out = new Uint8Array(b.length - (end - p));
      out.set(b.subarray(0, p));
      out.set(b.subarray(end), p);
      return out;
    }),
    fc.record({ from: pos, len: fc.integer({ min: 1, max: 8192 }), to: pos, other: fc.nat() }).map(({ from, len, to, other }): Mutation => (b, seeds, max) => {
      const src = other % 3 === 0 && seeds.length ? seeds[other % seeds.length]! : b;
      const f = at(from, src.length + 1);
      return insert(b, to, src.subarray(f, Math.min(src.length, f + len)), max);
    }),
    fc.record({ from: pos, len: fc.integer({ min: 1, max: 64 }), times: huge(fc.integer({ min: 2, max: 100 }), fc.integer({ min: 1000, max: 200_000 })), to: pos }).map(({ from, len, times, to }): Mutation => (b, _s, max) => {
      const f = at(from, b.length + 1);
      const piece = b.subarray(f, Math.min(b.length, f + len));
      return piece.length ? insert(b, to, repeat(piece, times, max), max) : b;
    }),
    fc.record({ pos, token: fc.constantFrom(...tokens), times: huge(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 100, max: 50_000 })) }).map(({ pos, token, times }): Mutation => (b, _s, max) => insert(b, pos, repeat(token, times, max), max)),
    fc.record({ pos, pair: fc.constantFrom(...dict.nesting), depth: huge(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1000, max: 100_000 })), closed: fc.boolean() }).map(
      ({ pos, pair, depth, closed }): Mutation =>
        (b, _s, max) => insert(b, pos, enc.encode(pair[0].repeat(depth) + (closed ? pair[1].repeat(depth) : '')), max),
    ),
    fc.record({ pos, text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme-composite', maxLength: 40 })) }).map(({ pos, text }): Mutation => (b, _s, max) => insert(b, pos, enc.encode(text), max)),
    fc.record({ pos, seq: fc.constantFrom(...INVALID_UTF8) }).map(({ pos, seq }): Mutation => (b, _s, max) => insert(b, pos, Uint8Array.from(seq), max)),
  );
}

/** Mutated seed documents (most cases), and raw random bytes (a few). */
export function mutatedDocument(seeds: readonly Uint8Array[], dict: Dictionary): fc.Arbitrary<Uint8Array> {
  const muts = fc.array(mutationArb(dict), { minLength: 1, maxLength: 8 });
  return fc.oneof(
    { weight: 18, arbitrary: fc.record({ seed: fc.nat({ max: seeds.length - 1 }), muts }).map(({ seed, muts }) => muts.reduce((b, m) => m(b, seeds, dict.maxBytes ?? MAX_CASE_BYTES), seeds[seed]!)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }) },
    { weight: 1, arbitrary: fc.nat({ max: seeds.length - 1 }).map((i) => seeds[i]!) },
  );
}
