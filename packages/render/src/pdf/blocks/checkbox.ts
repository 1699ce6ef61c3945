import type { Canvas } from '../canvas';
import { theme } from '../theme';

/** A square box of side `size` at (x, y), with a tick when checked. */
export function drawCheckbox(c: Canvas, x: number, y: number, size: number, checked: boolean): void {
  const d = c.doc;
  d.save().lineWidth(0.8).strokeColor(theme.color.text).rect(x, y, size, size).stroke();
  if (checked) {
    d.lineWidth(1.2)
      .moveTo(x + size * 0.2, y + size * 0.55)
      .lineTo(x + size * 0.42, y + size * 0.8)
      .lineTo(x + size * 0.82, y + size * 0.2)
      .stroke();
  }
  d.restore();
}
