import type { HeadingBlock } from '@lyncdr/documents';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import { theme } from '../theme';

/**
 * A heading, kept on the same page as what follows it: `keep` is the height of the start of the next block that
 * must fit with it (a whole step, or a few lines).
 */
export function drawHeading(c: Canvas, block: HeadingBlock, keep: number = 4 * lineHeight(theme.body)): void {
  const size = theme.heading[block.level];
  const lh = lineHeight(size);
  const lines = c.layout([{ text: block.text, style: 'bold' }], c.width, size, 'words');
  const before = block.level === 1 ? 6 : 4;
  const height = before + lines.length * lh + (block.level === 1 ? 6 : 3);
  c.ensure(Math.min(height + keep, c.bottom - c.top));
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
