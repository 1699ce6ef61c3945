import type { ChecklistBlock, ListBlock } from '@lyncdr/documents';
import { toSpans } from '../../inline';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import { flowRows, type FlowRow } from '../flow';
import { theme } from '../theme';
import { drawCheckbox } from './checkbox';

/** A bulleted or numbered list with hanging indents. */
export function drawList(c: Canvas, block: ListBlock): void {
  const size = theme.body;
  const lh = lineHeight(size);
  const indent = block.ordered ? 20 : 14;
  const rows: FlowRow[] = [];
  block.items.forEach((item, i) => {
    const lines = c.layout(toSpans(item), c.width - indent, size, 'words');
    const marker = block.ordered ? `${i + 1}.` : '•';
    lines.forEach((line, k) =>
      rows.push({
        height: lh + (k === lines.length - 1 ? 2 : 0),
        draw: (y) => {
          if (k === 0) c.put(marker, c.left + 2, y, 'regular', size);
          drawLine(c, line, c.left + indent, y, c.width - indent);
        },
      }),
    );
  });
  flowRows(c, rows);
  c.y += theme.gap;
}

/** A checklist: a drawn box per item (ticked when `checked`), the text beside it. */
export function drawChecklist(c: Canvas, block: ChecklistBlock): void {
  const size = theme.body;
  const lh = lineHeight(size);
  const indent = 18;
  const rows: FlowRow[] = [];
  for (const item of block.items) {
    const lines = c.layout(toSpans(item.text), c.width - indent, size, 'words');
    lines.forEach((line, k) =>
      rows.push({
        height: lh + (k === lines.length - 1 ? 3 : 0),
        draw: (y) => {
          if (k === 0) drawCheckbox(c, c.left + 2, y + 1, size, item.checked === true);
          drawLine(c, line, c.left + indent, y, c.width - indent);
        },
      }),
    );
  }
  flowRows(c, rows);
  c.y += theme.gap;
}
