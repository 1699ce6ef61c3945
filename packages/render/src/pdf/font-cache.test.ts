import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../testing/sample-document';
import { createFontCache } from './font-cache';
import { renderPdf } from './render-pdf';

describe('shared font cache', () => {
  it('gives the same bytes with a fresh cache and with one warmed by other documents', async () => {
    const doc = sampleDocument({ rows: 6 });
    const fresh = await renderPdf(doc, 'a4', { fonts: createFontCache() });
    const warm = createFontCache();
    await renderPdf(sampleDocument({ rows: 30, lang: 'fr' }), 'letter', { fonts: warm });
    await renderPdf(sampleDocument({ rows: 2, orientation: 'landscape' }), 'a4', { fonts: warm });
    const again = await renderPdf(doc, 'a4', { fonts: warm });
    expect(Buffer.from(again).equals(Buffer.from(fresh))).toBe(true);
  });

  it('reads the font files once for many documents', async () => {
    let loads = 0;
    const real = createFontCache();
    const cache = createFontCache(() => {
      loads++;
      return real.bytes();
    });
    for (let i = 0; i < 3; i++) await renderPdf(sampleDocument({ rows: 1 }), 'a4', { fonts: cache });
    expect(loads).toBe(1);
  });
});
