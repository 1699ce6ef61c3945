/* Geometry of the overview picture (pure): arrows as polylines, and labels placed where no arrow crosses them. */

/** The SVG path of a polyline. */
export const pathOf = (points) => points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/** Whether segment a–b meets the rectangle (x, y, w, h). */
export function segmentHitsRect(a, b, r) {
  const inside = (p) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
  if (inside(a) || inside(b)) return true;
  // Liang–Barsky clipping: the segment meets the rectangle when some part of it survives the four edges.
  const dx = b.x - a.x, dy = b.y - a.y;
  let t0 = 0, t1 = 1;
  for (const [p, q] of [[-dx, a.x - r.x], [dx, r.x + r.w - a.x], [-dy, a.y - r.y], [dy, r.y + r.h - a.y]]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

export const rectsMeet = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The box a text takes, estimated without a browser (the page may be hidden when drawn): `size` px font, `0.62 em` per
 * character (wider than the system fonts' average, so the estimate covers the drawn text), anchored start, middle or
 * end at x, baseline at y.
 */
export function textBox(text, x, y, size, anchor = 'start', bold = false) {
  const w = String(text).length * size * (bold ? 0.66 : 0.62);
  const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { x: left, y: y - size, w, h: size * 1.3 };
}

/** The box grown by `m` on every side. */
export const grow = (r, m) => ({ x: r.x - m, y: r.y - m, w: r.w + 2 * m, h: r.h + 2 * m });

/**
 * Places each label at its first candidate position whose box meets no arrow, no obstacle (the pools' boxes) and no
 * label placed before it; a label with no free candidate takes its first one and is reported in `crossed`.
 * `labels`: `[{ text, size, bold, candidates: [{ x, y, anchor }] }]`; `arrows`: polylines (arrays of points).
 */
export function placeLabels(labels, arrows, obstacles, margin = 3) {
  const segments = arrows.flatMap((pts) => pts.slice(1).map((b, i) => [pts[i], b]));
  const taken = [...obstacles];
  const placed = [], crossed = [];
  for (const l of labels) {
    const free = (c) => {
      const box = grow(textBox(l.text, c.x, c.y, l.size, c.anchor, l.bold), margin);
      return !segments.some(([a, b]) => segmentHitsRect(a, b, box)) && !taken.some((r) => rectsMeet(r, box));
    };
    const c = l.candidates.find(free);
    if (!c) crossed.push(l.text);
    const at = c ?? l.candidates[0];
    taken.push(textBox(l.text, at.x, at.y, l.size, at.anchor, l.bold));
    placed.push({ ...l, ...at });
  }
  return { placed, crossed };
}
