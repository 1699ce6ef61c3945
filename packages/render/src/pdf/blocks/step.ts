import type { StepBlock } from '@lyncdr/documents';
import { toSpans, type Span } from '../../inline';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import { flowRows, type FlowRow } from '../flow';
import type { Line } from '../layout-text';
import { theme } from '../theme';
import { drawCode, layoutCode } from './code';

const INDENT = 26;

/**
 * A numbered procedure step: the number in a badge, the title, where to run it and how long it takes, the body,
 * the exact commands, how to verify, and Started / Finished / Initials boxes when `timing`.
 */
function layoutHead(c: Canvas, step: StepBlock): { title: Line[]; meta: Line[]; titleH: number } {
  const L = c.labels;
  const size = theme.body;
  const w = c.width - INDENT;
  const title = c.layout([{ text: step.title, style: 'bold' }], w, size + 1, 'words');
  const metaSpans: Span[] = [];
  if (step.on) metaSpans.push({ text: `${L.runOn}${L.colon}`, style: 'plain' }, { text: step.on, style: 'code' });
  if (step.durationMinutes != null) metaSpans.push({ text: `${metaSpans.length ? '   ·   ' : ''}${L.duration(step.durationMinutes)}`, style: 'plain' });
  if (step.manual) metaSpans.push({ text: `${metaSpans.length ? '   ·   ' : ''}${L.manual}`, style: 'italic' });
  const meta = metaSpans.length ? c.layout(metaSpans, w, theme.small + 0.5, 'anywhere') : [];
  return { title, meta, titleH: title.length * lineHeight(size + 1) + meta.length * lineHeight(theme.small + 0.5) };
}

/** Height of the whole step as drawn (used to keep it, and a heading before it, on one page). */
export function stepHeight(c: Canvas, step: StepBlock): number {
  const L = c.labels;
  const size = theme.body;
  const w = c.width - INDENT;
  const textH = (spans: Span[], s: number = size): number => c.layout(spans, w, s, 'words').length * lineHeight(s) + 4;
  return (
    2 +
    layoutHead(c, step).titleH +
    3 +
    (step.body !== undefined ? textH(toSpans(step.body)) : 0) +
    (step.commands.length > 0 ? layoutCode(c, { type: 'code', language: 'powershell', lines: step.commands }, w).height : 0) +
    (step.verify !== undefined ? textH([{ text: `${L.verify}${L.colon}`, style: 'bold' }, ...toSpans(step.verify)]) : 0) +
    (step.ref ? textH([{ text: `${L.reference}${L.colon}${step.ref}`, style: 'italic' }], theme.small) : 0) +
    (step.timing ? TIMING_H + 4 : 0) +
    theme.gap
  );
}

export function drawStep(c: Canvas, step: StepBlock): void {
  const L = c.labels;
  const size = theme.body;
  const lh = lineHeight(size);
  const x = c.left + INDENT;
  const w = c.width - INDENT;
  const { title, meta, titleH } = layoutHead(c, step);
  // Keep the whole step on one page when it fits on one; otherwise at least the title with its first lines.
  const total = stepHeight(c, step);
  c.ensure(Math.min(total, c.bottom - c.top));
  c.ensure(titleH + 3 * lh + 8);
  c.y += 2;
  const badge = 18;
  c.doc.save().roundedRect(c.left, c.y - 1, badge, badge - 2, 3).fill(theme.color.accent).restore();
  const num = String(step.n);
  const numSize = num.length > 2 ? 7 : 9;
  c.put(num, c.left + (badge - c.measure(num, 'bold', numSize)) / 2, c.y + (badge - 2 - numSize * 1.15) / 2, 'bold', numSize, '#ffffff');
  for (const line of title) {
    drawLine(c, line, x, c.y, w, 'left', theme.color.accent);
    c.y += lineHeight(size + 1);
  }
  for (const line of meta) {
    drawLine(c, line, x, c.y, w, 'left', theme.color.muted);
    c.y += lineHeight(theme.small + 0.5);
  }
  c.y += 3;
  if (step.body !== undefined) flowText(c, toSpans(step.body), x, w);
  if (step.commands.length > 0) drawCode(c, { type: 'code', language: 'powershell', lines: step.commands }, x, w);
  if (step.verify !== undefined) flowText(c, [{ text: `${L.verify}${L.colon}`, style: 'bold' }, ...toSpans(step.verify)], x, w);
  if (step.ref) flowText(c, [{ text: `${L.reference}${L.colon}${step.ref}`, style: 'italic' }], x, w, theme.small, theme.color.muted);
  if (step.timing) drawTiming(c, x, w);
  c.y += theme.gap;
}

function flowText(c: Canvas, spans: Span[], x: number, w: number, size: number = theme.body, color: string = theme.color.text): void {
  const lh = lineHeight(size);
  const lines = c.layout(spans, w, size, 'words');
  const rows: FlowRow[] = lines.map((line) => ({ height: lh, draw: (y) => drawLine(c, line, x, y, w, 'left', color) }));
  flowRows(c, rows);
  c.y += 4;
}

const TIMING_H = 18;

function drawTiming(c: Canvas, x: number, w: number): void {
  const L = c.labels;
  const h = TIMING_H;
  c.ensure(h + 4);
  const fields = [L.started, L.finished, L.initials];
  const cell = w / 3;
  fields.forEach((label, i) => {
    const cx = x + i * cell;
    c.put(label, cx + 3, c.y + (h - theme.small * 1.15) / 2, 'regular', theme.small, theme.color.muted);
    const bx = cx + 6 + c.measure(label, 'regular', theme.small);
    c.doc.save().lineWidth(0.6).strokeColor(theme.color.rule).rect(bx, c.y + 1, cell - (bx - cx) - 8, h - 2).stroke().restore();
  });
  c.y += h + 4;
}
