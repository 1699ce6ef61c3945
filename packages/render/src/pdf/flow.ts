import type { Canvas } from './canvas';

export interface FlowRow {
  height: number;
  draw(y: number): void;
}

export interface FlowBox {
  fill: string;
  /** Colour of a bar on the left edge, if any. */
  bar?: string;
  x: number;
  width: number;
  padY: number;
}

/**
 * Draws rows top to bottom, moving to a new page when the next row does not fit; when a box is given, each page's
 * part of the rows gets its own background (so a long code block or note continues cleanly on the next page).
 */
export function flowRows(c: Canvas, rows: FlowRow[], box?: FlowBox): void {
  const pad = box?.padY ?? 0;
  let i = 0;
  while (i < rows.length) {
    if (c.remaining() < rows[i]!.height + 2 * pad) c.ensure(rows[i]!.height + 2 * pad);
    const start = i;
    let h = 2 * pad;
    while (i < rows.length && (i === start || c.y + h + rows[i]!.height <= c.bottom)) {
      h += rows[i]!.height;
      i++;
    }
    if (box) {
      c.doc.save().rect(box.x, c.y, box.width, h).fill(box.fill);
      if (box.bar) c.doc.rect(box.x, c.y, 2.5, h).fill(box.bar);
      c.doc.restore();
    }
    let y = c.y + pad;
    for (let k = start; k < i; k++) {
      rows[k]!.draw(y);
      y += rows[k]!.height;
    }
    c.y += h;
    if (i < rows.length) c.newPage();
  }
}
