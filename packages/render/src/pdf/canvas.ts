import type { RenderLabels } from '../labels';
import type { Span } from '../inline';
import type { FontKey } from './fonts';
import { layoutText, type Line, type Wrap } from './layout-text';
import { theme } from './theme';

/** The drawing state shared by the block painters: the pdfkit document, the body box and the cursor. */
export interface Canvas {
  doc: PDFKit.PDFDocument;
  labels: RenderLabels;
  /** Left edge and width of the body box. */
  left: number;
  width: number;
  /** Top and bottom of the body box on every page. */
  top: number;
  bottom: number;
  /** Current vertical position. */
  y: number;
  /** Lines of `spans` broken to `width` (cached: a step is measured before it is drawn). */
  layout(spans: Span[], width: number, size: number, wrap: Wrap): Line[];
  /** Width of `text` in `font` at `size` (cached). */
  measure(text: string, font: FontKey, size: number): number;
  /** Starts a new page and puts the cursor at the top of the body box. */
  newPage(): void;
  /** Starts a new page when less than `height` is left (and the cursor is not already at the top). */
  ensure(height: number): void;
  /** Space left on this page. */
  remaining(): number;
  /** Forgets the font and colour in use (after switching to another buffered page). */
  resetState(): void;
  /** Draws one line of text at (x, y) without any wrapping. */
  put(text: string, x: number, y: number, font: FontKey, size: number, color?: string): void;
}

export function createCanvas(doc: PDFKit.PDFDocument, labels: RenderLabels): Canvas {
  const widths = new Map<FontKey, Map<number, Map<string, number>>>();
  const pageW = doc.page.width;
  const pageH = doc.page.height;
  let current: { font: FontKey; size: number } | null = null;
  let fill: string | null = null;
  const use = (font: FontKey, size: number): void => {
    if (current?.font === font && current.size === size) return;
    doc.font(font).fontSize(size);
    current = { font, size };
  };
  const layouts = new Map<string, Line[]>();
  const canvas: Canvas = {
    doc,
    labels,
    left: theme.margin,
    width: pageW - 2 * theme.margin,
    top: theme.margin + theme.headerBand,
    bottom: pageH - theme.margin - theme.footerBand,
    y: theme.margin + theme.headerBand,
    layout(spans, width, size, wrap) {
      let key = `${width}|${size}|${wrap}`;
      for (const sp of spans) key += `\u0001${sp.style}\u0002${sp.text}`;
      let lines = layouts.get(key);
      if (!lines) {
        lines = layoutText(spans, width, size, wrap, canvas.measure);
        layouts.set(key, lines);
      }
      return lines;
    },
    measure(text, font, size) {
      let sizes = widths.get(font);
      if (!sizes) {
        sizes = new Map();
        widths.set(font, sizes);
      }
      let table = sizes.get(size);
      if (!table) {
        table = new Map();
        sizes.set(size, table);
      }
      let w = table.get(text);
      if (w === undefined) {
        use(font, size);
        w = doc.widthOfString(text);
        table.set(text, w);
      }
      return w;
    },
    newPage() {
      doc.addPage();
      current = null;
      fill = null;
      canvas.y = canvas.top;
    },
    ensure(height) {
      if (canvas.y + height > canvas.bottom && canvas.y > canvas.top + 0.5) canvas.newPage();
    },
    resetState() {
      current = null;
      fill = null;
    },
    remaining() {
      return canvas.bottom - canvas.y;
    },
    put(text, x, y, font, size, color = theme.color.text) {
      if (text === '') return;
      use(font, size);
      if (fill !== color) {
        doc.fillColor(color);
        fill = color;
      }
      doc.text(text, x, y, { lineBreak: false });
    },
  };
  return canvas;
}

export function lineHeight(size: number): number {
  return size * theme.lineFactor;
}
