import type { ParagraphBlock } from '@lyncdr/documents';
import { toSpans, type Span } from '../../inline';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import { flowRows } from '../flow';
import { theme } from '../theme';

/** A paragraph; `note`, `warning` and `erratum` tones are set in a tinted box with a coloured bar and a label. */
export function drawParagraph(c: Canvas, block: ParagraphBlock): void {
  const size = theme.body;
  const lh = lineHeight(size);
  const tone = block.tone ?? 'normal';
  const spans: Span[] = toSpans(block.text);
  if (tone === 'normal') {
    const lines = c.layout(spans, c.width, size, 'words');
    flowRows(c, lines.map((line) => ({ height: lh, draw: (y) => drawLine(c, line, c.left, y, c.width) })));
    c.y += theme.gap;
    return;
  }
  const style = theme.color[tone];
  const label = c.labels[tone];
  const padX = 9;
  const inner = c.width - 2 * padX;
  const lines = c.layout([{ text: `${label}${c.labels.colon}`, style: 'bold' }, ...spans], inner, size, 'words');
  flowRows(
    c,
    lines.map((line) => ({ height: lh, draw: (y) => drawLine(c, line, c.left + padX, y, inner) })),
    { fill: style.fill, bar: style.bar, x: c.left, width: c.width, padY: 5 },
  );
  c.y += theme.gap;
}
