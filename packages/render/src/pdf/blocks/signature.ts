import type { SignatureBlock } from '@lyncdr/documents';
import { lineHeight, type Canvas } from '../canvas';
import { theme } from '../theme';

/** Per role: ruled lines for name, signature and date, each role kept on one page. */
export function drawSignature(c: Canvas, block: SignatureBlock): void {
  const size = theme.body;
  const rowH = lineHeight(size) + 26;
  const fields = [c.labels.name, c.labels.signature, c.labels.date];
  const shares = [0.38, 0.38, 0.24];
  for (const role of block.roles) {
    c.ensure(rowH);
    c.put(fitText(c, role, c.width), c.left, c.y, 'bold', size);
    const base = c.y + rowH - 6;
    let x = c.left;
    fields.forEach((label, i) => {
      const w = c.width * shares[i]! - 10;
      c.put(label, x, base - size - 3, 'regular', theme.small, theme.color.muted);
      c.doc.save().lineWidth(0.6).strokeColor(theme.color.rule).moveTo(x, base).lineTo(x + w, base).stroke().restore();
      x += c.width * shares[i]!;
    });
    c.y += rowH + 4;
  }
  c.y += theme.gap;
}

/** Truncates with an ellipsis so one line fits `width` in bold body text. */
export function fitText(c: Canvas, text: string, width: number, font: 'bold' | 'regular' = 'bold', size: number = theme.body): string {
  if (c.measure(text, font, size) <= width) return text;
  // Longest prefix that fits with the ellipsis (binary search: each probe is a new string to shape).
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (c.measure(chars.slice(0, mid).join('') + '…', font, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, Math.max(lo, 1)).join('') + '…';
}
