/**
 * A faster `encode()` for fontkit's TrueType subsets, giving the same bytes. fontkit re-encodes every table of each
 * subset field by field (restructure), including the tables a subset copies unchanged (head, cvt, prep, fpgm). The
 * first subset of a font is encoded by fontkit itself; its output is the template: unchanged tables are copied from
 * it, hhea and maxp are patched with the glyph count, and glyf, loca and hmtx are written directly.
 */

interface HmtxMetric {
  advance: number;
  bearing: number;
}

export interface TtfSubsetInternals {
  font: { loca: { version: number }; _variationProcessor?: unknown };
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: HmtxMetric[]; bearings: number[] };
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface Template {
  header: Uint8Array;
  tags: string[];
  entryHeads: Uint8Array[];
  tables: Map<string, Uint8Array>;
}

const BUILT = new Set(['glyf', 'loca', 'hmtx']);
const PATCHED: Record<string, number> = { hhea: 34, maxp: 4 };
const KNOWN = new Set(['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm']);

function readTemplate(out: Uint8Array, glyphCount: number): Template | null {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const numTables = view.getUint16(4);
  const tags: string[] = [];
  const entryHeads: Uint8Array[] = [];
  const tables = new Map<string, Uint8Array>();
  let expected = 12 + 16 * numTables;
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(out[at]!, out[at + 1]!, out[at + 2]!, out[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (!KNOWN.has(tag) || tables.has(tag) || offset !== expected) return null;
    expected += length;
    tags.push(tag);
    entryHeads.push(out.slice(at, at + 8));
    tables.set(tag, out.slice(offset, offset + length));
  }
  if (expected !== out.length || [...BUILT].some((tag) => !tables.has(tag))) return null;
  for (const [tag, at] of Object.entries(PATCHED)) {
    const table = tables.get(tag);
    if (!table || table.length < at + 2 || ((table[at]! << 8) | table[at + 1]!) !== glyphCount) return null;
  }
  return { header: out.slice(0, 12), tags, entryHeads, tables };
}

function collectGlyphs(s: TtfSubsetInternals): void {
  s.glyf = [];
  s.offset = 0;
  s.loca = { offsets: [], version: s.font.loca.version };
  s.hmtx = { metrics: [], bearings: [] };
  let i = 0;
  while (i < s.glyphs.length) s._addGlyph(s.glyphs[i++]!);
  s.loca.offsets.push(s.offset);
}

function buildTable(tag: string, s: TtfSubsetInternals, template: Template): Uint8Array {
  if (tag === 'glyf') {
    const out = new Uint8Array(s.offset);
    let at = 0;
    for (const g of s.glyf) {
      out.set(g, at);
      at += g.length;
    }
    return out;
  }
  if (tag === 'loca') {
    const short = s.loca.version === 0;
    const out = new Uint8Array(s.loca.offsets.length * (short ? 2 : 4));
    const view = new DataView(out.buffer);
    s.loca.offsets.forEach((o, i) => (short ? view.setUint16(2 * i, o >>> 1) : view.setUint32(4 * i, o)));
    return out;
  }
  if (tag === 'hmtx') {
    const out = new Uint8Array(s.hmtx.metrics.length * 4);
    const view = new DataView(out.buffer);
    s.hmtx.metrics.forEach((m, i) => {
      view.setUint16(4 * i, m.advance);
      view.setInt16(4 * i + 2, m.bearing);
    });
    return out;
  }
  const table = template.tables.get(tag)!;
  const at = PATCHED[tag];
  if (at === undefined) return table;
  const copy = table.slice();
  new DataView(copy.buffer).setUint16(at, s.glyf.length);
  return copy;
}

function encodeWith(s: TtfSubsetInternals, template: Template): Uint8Array {
  collectGlyphs(s);
  const bodies = template.tags.map((tag) => buildTable(tag, s, template));
  const dirSize = 12 + 16 * bodies.length;
  const total = bodies.reduce((n, b) => n + b.length, dirSize);
  const out = Buffer.alloc(total);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.set(template.header, 0);
  let offset = dirSize;
  bodies.forEach((body, i) => {
    const at = 12 + 16 * i;
    out.set(template.entryHeads[i]!, at);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, body.length);
    out.set(body, offset);
    offset += body.length;
  });
  return out;
}

/**
 * Makes `subset.encode()` fast for the subsets of one font. `state` is shared by all subsets of that font: the first
 * encode (by fontkit) fills it with the template, or marks it unusable, in which case fontkit keeps encoding.
 */
export interface SubsetEncoderState {
  template?: Template | null;
}

export function speedUpSubset(subset: TtfSubsetInternals, state: SubsetEncoderState): void {
  if (subset.font._variationProcessor || typeof subset._addGlyph !== 'function') return;
  const original = subset.encode.bind(subset);
  subset.encode = () => {
    if (state.template) return encodeWith(subset, state.template);
    const out = original();
    if (state.template === undefined) state.template = readTemplate(out, subset.glyf.length);
    return out;
  };
}
