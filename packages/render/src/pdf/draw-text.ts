import type { Canvas } from './canvas';
import type { Line, Piece } from './layout-text';
import { theme } from './theme';

export type Align = 'left' | 'right' | 'center';

/** Joins neighbouring pieces of the same face, size and kind into one run, so a line is drawn in few text calls. */
function runs(line: Line): Piece[] {
  const pieces = line.pieces;
  if (pieces.length < 2) return pieces;
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    const first = pieces[i]!;
    let j = i + 1;
    if (!first.blank) {
      while (j < pieces.length && !pieces[j]!.blank && pieces[j]!.font === first.font && pieces[j]!.size === first.size) j++;
    }
    if (j === i + 1) {
      out.push(first);
    } else {
      let text = first.text;
      for (let k = i + 1; k < j; k++) text += (pieces[k]!.spaceBefore ? ' ' : '') + pieces[k]!.text;
      const last = pieces[j - 1]!;
      out.push({ text, font: first.font, size: first.size, blank: false, spaceBefore: first.spaceBefore, x: first.x, width: last.x + last.width - first.x });
    }
    i = j;
  }
  return out;
}

/** Draws one laid-out line at (x, y) in a box of `width`; blank spans are faint text on a ruled line. */
export function drawLine(c: Canvas, line: Line, x: number, y: number, width: number, align: Align = 'left', color: string = theme.color.text): void {
  const shift = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
  for (const p of runs(line)) {
    const px = x + Math.max(0, shift) + p.x;
    if (p.blank) {
      c.put(p.text, px, y, p.font, p.size, theme.color.faint);
      const base = y + p.size * 1.12;
      c.doc.save().lineWidth(0.5).strokeColor(theme.color.rule).moveTo(px, base).lineTo(px + p.width, base).stroke().restore();
    } else {
      c.put(p.text, px, y, p.font, p.size, color);
    }
  }
}
