import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFontBytes } from './fonts';
import { shareTrailingSpace, type EmbeddedFontRuns } from './space-runs';
import { speedUpSubset, type SubsetEncoderState, type TtfSubsetInternals } from './subset-encoder';

interface Shaper {
  layout(text: string): { glyphs: { id: number }[] };
  createSubset(): TtfSubsetInternals & { includeGlyph(id: number): number };
}

function embedded(face: 'regular' | 'bold' | 'italic' | 'mono'): EmbeddedFontRuns & { font: Shaper } {
  const doc = new PDFDocument({ font: '' } as PDFKit.PDFDocumentOptions);
  doc.registerFont(face, loadFontBytes()[face]);
  doc.font(face);
  return (doc as unknown as { _font: EmbeddedFontRuns & { font: Shaper } })._font;
}

function subsetOf(font: Shaper, text: string): TtfSubsetInternals {
  const subset = font.createSubset();
  for (const g of font.layout(text).glyphs) subset.includeGlyph(g.id);
  return subset;
}

describe('fast subset encoding', () => {
  it('gives the bytes fontkit gives, for every face', () => {
    for (const face of ['regular', 'bold', 'italic', 'mono'] as const) {
      const font = embedded(face).font;
      const state: SubsetEncoderState = {};
      const first = subsetOf(font, 'Backup Service');
      speedUpSubset(first, state);
      first.encode();
      expect(state.template).toBeTruthy();
      const text = 'Restaurer le magasin « CMS » — étape 3 ⇄ fichier \\\\fs01\\share; Ŷ ǅ fi';
      const fast = subsetOf(font, text);
      speedUpSubset(fast, state);
      const slow = subsetOf(font, text);
      expect(Buffer.from(fast.encode()).equals(Buffer.from(slow.encode()))).toBe(true);
    }
  });
});

describe('runs of words with their trailing space', () => {
  it('are the runs fontkit shapes', () => {
    const words = ['Restore ', 'Get-CsBackupServiceStatus ', 'T ', 'AV ', 'f ', 'pool01.contoso.example ', '« ', 'déjà ', '⇄ ', 'Ŷ '];
    for (const face of ['regular', 'bold', 'italic', 'mono'] as const) {
      const shared = embedded(face);
      shareTrailingSpace(shared);
      const plain = embedded(face);
      for (const w of words) {
        const a = shared.layoutRun(w);
        const b = plain.layoutRun(w);
        expect(a.glyphs.map((g) => g.id)).toEqual(b.glyphs.map((g) => g.id));
        expect(a.positions.map((p) => ({ ...p }))).toEqual(b.positions.map((p) => ({ ...p })));
        expect(a.advanceWidth).toBe(b.advanceWidth);
      }
    }
  });
});
