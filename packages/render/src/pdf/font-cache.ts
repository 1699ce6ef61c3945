import { fontKeys, loadFontBytes, type FontBytes, type FontKey } from './fonts';
import { shareTrailingSpace, type EmbeddedFontRuns } from './space-runs';

/**
 * The parts of pdfkit's and fontkit's internals the cache touches (pdfkit has no public API to share a parsed font);
 * package.json pins both versions exactly and font-cache.test.ts checks the pin.
 */
interface EmbeddedFontInternals {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  constructor: new (doc: unknown, font: unknown, id: string) => EmbeddedFontInternals;
}
interface PdfkitFontInternals {
  _font: EmbeddedFontInternals;
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
}

/**
 * Parses each TTF once per process and lets every document embed it. pdfkit would re-parse the four fonts (about
 * 2 MB) for every document, which dominates the time of a short runbook; the parsed font is read-only and each
 * document still builds its own subset. The shaping results (pdfkit's per-word layout cache: glyph ids and advances,
 * independent of the document) are shared too, so a word shaped once is not shaped again.
 */
export interface FontCache {
  install(doc: PDFKit.PDFDocument): void;
  bytes(): FontBytes;
}

/** Distinct words kept per face before the shared layout cache starts over (bounds memory on odd inputs). */
const MAX_CACHED_WORDS = 20_000;

export function createFontCache(load: () => FontBytes = loadFontBytes): FontCache {
  let bytes: FontBytes | null = null;
  let installs = 0;
  let parsed: { ctor: EmbeddedFontInternals['constructor']; fonts: Map<FontKey, unknown>; layouts: Map<FontKey, Record<string, unknown>> } | null = null;
  const get = (): FontBytes => (bytes ??= load());
  return {
    bytes: get,
    install(doc) {
      const b = get();
      for (const key of fontKeys) doc.registerFont(key, b[key]);
      const internals = doc as unknown as PdfkitFontInternals;
      if (!parsed) {
        const fonts = new Map<FontKey, unknown>();
        const layouts = new Map<FontKey, Record<string, unknown>>();
        let ctor: EmbeddedFontInternals['constructor'] | null = null;
        for (const key of fontKeys) {
          doc.font(key);
          shareTrailingSpace(internals._font as unknown as EmbeddedFontRuns);
          fonts.set(key, memoizeGlyphDecoding(internals._font.font as FontkitFont));
          layouts.set(key, (internals._font.layoutCache ??= Object.create(null) as Record<string, unknown>));
          ctor = internals._font.constructor;
        }
        parsed = { ctor: ctor!, fonts, layouts };
        return;
      }
      for (const key of fontKeys) {
        const id = `F${++internals._fontCount}`;
        const font = new parsed.ctor(doc, parsed.fonts.get(key), id);
        let layout = parsed.layouts.get(key)!;
        if (installs % 32 === 0 && Object.keys(layout).length > MAX_CACHED_WORDS) {
          layout = Object.create(null) as Record<string, unknown>;
          parsed.layouts.set(key, layout);
        }
        font.layoutCache = layout;
        shareTrailingSpace(font as unknown as EmbeddedFontRuns);
        internals._fontFamilies[key] = font;
      }
      installs++;
    },
  };
}

interface FontkitGlyph {
  _decode(): unknown;
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
}

/**
 * Each document's subset decodes the outline of every glyph it embeds (fontkit TTFSubset → glyph._decode()); the
 * glyph objects are cached by the shared font, so remembering the decoded outline on them saves that work for every
 * later document. DejaVu has no variation axes, so a decoded outline never changes.
 */
function memoizeGlyphDecoding(font: FontkitFont): FontkitFont {
  const seen = new WeakSet<FontkitGlyph>();
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !seen.has(glyph)) {
      seen.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | null = null;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
  return font;
}
