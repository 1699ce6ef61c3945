import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFontBytes } from './fonts';
import { shareTrailingSpace, type EmbeddedFontRuns } from './space-runs';

function embedded(face: 'regular' | 'bold' | 'italic' | 'mono'): EmbeddedFontRuns {
  const doc = new PDFDocument({ font: '' } as PDFKit.PDFDocumentOptions);
  doc.registerFont(face, loadFontBytes()[face]);
  doc.font(face);
  return (doc as unknown as { _font: EmbeddedFontRuns })._font;
}

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
