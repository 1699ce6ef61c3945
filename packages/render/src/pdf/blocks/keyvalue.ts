import type { KeyValueBlock } from '@lyncdr/documents';
import { toSpans } from '../../inline';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import { flowRows, type FlowRow } from '../flow';
import { theme } from '../theme';

/** Label / value pairs in two aligned columns; values wrap at FQDN and path characters. */
export function drawKeyValue(c: Canvas, block: KeyValueBlock): void {
  const size = theme.body;
  const lh = lineHeight(size);
  const keyW = Math.min(170, c.width * 0.32);
  const valW = c.width - keyW - 8;
  const rows: FlowRow[] = [];
  for (const [key, value] of block.pairs) {
    const k = c.layout([{ text: key, style: 'bold' }], keyW, size, 'words');
    const v = c.layout(toSpans(value), valW, size, 'anywhere');
    const n = Math.max(k.length, v.length);
    for (let i = 0; i < n; i++) {
      rows.push({
        height: lh + (i === n - 1 ? 2 : 0),
        draw: (y) => {
          if (k[i]) drawLine(c, k[i]!, c.left, y, keyW, 'left', theme.color.muted);
          if (v[i]) drawLine(c, v[i]!, c.left + keyW + 8, y, valW);
        },
      });
    }
  }
  flowRows(c, rows);
  c.y += theme.gap;
}
