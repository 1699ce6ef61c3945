import type { HeadingBlock } from '@lyncdr/documents';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import { layoutText } from '../layout-text';
import { theme } from '../theme';

/** A heading, kept on the same page as at least a few lines of what follows it. */
export function drawHeading(c: Canvas, block: HeadingBlock): void {
  const size = theme.heading[block.level];
  const lh = lineHeight(size);
  const lines = layoutText([{ text: block.text, style: 'bold' }], c.width, size, 'words', c.measure);
  const before = block.level === 1 ? 6 : 4;
  const height = before + lines.length * lh + (block.level === 1 ? 6 : 3);
  c.ensure(height + 4 * lineHeight(theme.body));
  if (c.y > c.top + 0.5) c.y += before;
  for (const line of lines) {
    drawLine(c, line, c.left, c.y, c.width, 'left', theme.color.accent);
    c.y += lh;
  }
  if (block.level === 1) {
    c.doc.save().lineWidth(1).strokeColor(theme.color.accent).moveTo(c.left, c.y + 1).lineTo(c.left + c.width, c.y + 1).stroke().restore();
    c.y += 6;
  } else {
    c.y += 3;
  }
}
