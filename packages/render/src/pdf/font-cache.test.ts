import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../testing/sample-document';
import { createFontCache } from './font-cache';
import { renderPdf } from './render-pdf';

/** The version in the package.json above a resolved entry file. */
function versionAt(entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`no package.json above ${entry}`);
}

describe('shared font cache', () => {
  it('runs on the exact pdfkit and fontkit versions package.json pins (it reaches into their internals)', () => {
    const pinned = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    const pdfkit = createRequire(import.meta.url).resolve('pdfkit');
    expect(versionAt(pdfkit)).toBe(pinned.pdfkit);
    // The fontkit that pdfkit itself loads, which is the one whose objects the cache patches.
    expect(versionAt(createRequire(pdfkit).resolve('fontkit'))).toBe(pinned.fontkit);
  });

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
