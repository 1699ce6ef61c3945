import { LyncdrError } from '@lyncdr/errors';
import type { Document } from '@lyncdr/documents';
import { documentTexts } from '../walk-text';

/** What a font can draw (fontkit's `hasGlyphForCodePoint`). */
export interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

const IGNORED = new Set([0x0a, 0x0d, 0x09]);

/**
 * Throws E_RENDER_GLYPH for the first character the fonts cannot draw, naming it and where it is, instead of letting
 * the PDF silently show a blank or a box.
 */
export function checkGlyphs(doc: Document, fonts: { text: GlyphSource; mono: GlyphSource }): void {
  const cache = new Map<string, boolean>();
  for (const site of documentTexts(doc)) {
    const font = site.mono ? fonts.mono : fonts.text;
    for (const ch of site.text) {
      const cp = ch.codePointAt(0)!;
      if (IGNORED.has(cp)) continue;
      const key = `${site.mono ? 'm' : 't'}${cp}`;
      let ok = cache.get(key);
      if (ok === undefined) {
        ok = font.hasGlyphForCodePoint(cp);
        cache.set(key, ok);
      }
      if (!ok) {
        const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        throw new LyncdrError(
          'E_RENDER_GLYPH',
          `character "${ch}" (${code}) in ${site.where} cannot be drawn by the PDF fonts (DejaVu ${site.mono ? 'Sans Mono' : 'Sans'}); ` +
            `replace it in the input, or render to --format md or html`,
          { location: { where: site.where } },
        );
      }
    }
  }
}
