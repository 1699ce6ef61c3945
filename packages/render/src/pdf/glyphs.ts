import { LyncdrError } from '@lyncdr/errors';
import type { Document } from '@lyncdr/documents';
import { documentTexts, type Face } from '../walk-text';

/** What a font can draw (fontkit's `hasGlyphForCodePoint`). */
export interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

const IGNORED = new Set([0x0a, 0x0d, 0x09]);

/**
 * Throws E_RENDER_GLYPH for the first character the fonts cannot draw, naming it and where it is, instead of letting
 * the PDF silently show a blank or a box.
 */
/** What each font can draw, remembered per font object (the fonts are shared by every document). */
const known = new WeakMap<GlyphSource, Map<number, boolean>>();

function canDraw(font: GlyphSource, cp: number): boolean {
  let map = known.get(font);
  if (!map) {
    map = new Map();
    known.set(font, map);
  }
  let ok = map.get(cp);
  if (ok === undefined) {
    ok = font.hasGlyphForCodePoint(cp);
    map.set(cp, ok);
  }
  return ok;
}

const FACE_NAMES: Record<Face, string> = { regular: 'DejaVu Sans', bold: 'DejaVu Sans Bold', italic: 'DejaVu Sans Oblique', mono: 'DejaVu Sans Mono' };

export function checkGlyphs(doc: Document, fonts: Record<Face, GlyphSource>): void {
  for (const site of documentTexts(doc)) {
    const font = fonts[site.face];
    for (const ch of site.text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x7f && cp >= 0x20) continue; // printable ASCII: every face draws it
      if (IGNORED.has(cp)) continue;
      const ok = canDraw(font, cp);
      if (!ok) {
        const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        throw new LyncdrError(
          'E_RENDER_GLYPH',
          `character "${ch}" (${code}) in ${site.where} cannot be drawn by the PDF font (${FACE_NAMES[site.face]}); ` +
            `replace it in the input, or render to --format md or html`,
          { location: { where: site.where } },
        );
      }
    }
  }
}
