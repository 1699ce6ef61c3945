import type { DocumentMeta } from '@lyncdr/documents';
import type { Canvas } from './canvas';
import { fitText } from './blocks/signature';
import { theme } from './theme';

/**
 * The running header (title; deployment, generated date, input revision) and the footer (short topology fingerprint and
 * deployment; "page x of y").
 */
export function drawChrome(c: Canvas, meta: DocumentMeta, page: number, pages: number): void {
  const L = c.labels;
  const size = theme.small;
  const top = theme.margin;
  const right = [meta.deployment, `${L.generated} ${meta.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, meta.inputRevision ? `${L.revision} ${meta.inputRevision}` : null]
    .filter((s): s is string => Boolean(s))
    .join('  ·  ');
  // The right part (deployment, date, revision) matters most for the binder: it gets up to 70 % of the line and the
  // title (printed in full on page 1) is shortened when both do not fit.
  const rightText = fitText(c, right, c.width * 0.7, 'regular', size);
  const rightW = c.measure(rightText, 'regular', size);
  c.put(fitText(c, meta.title, c.width - rightW - 16, 'bold', size), c.left, top, 'bold', size, theme.color.muted);
  c.put(rightText, c.left + c.width - rightW, top, 'regular', size, theme.color.muted);
  const ruleY = top + size * 1.5;
  c.doc.save().lineWidth(0.5).strokeColor(theme.color.lightRule).moveTo(c.left, ruleY).lineTo(c.left + c.width, ruleY).stroke().restore();

  const footY = c.doc.page.height - theme.margin - size * 1.2;
  c.doc.save().lineWidth(0.5).strokeColor(theme.color.lightRule).moveTo(c.left, footY - 4).lineTo(c.left + c.width, footY - 4).stroke().restore();
  const pageText = L.page(page, pages);
  c.put(pageText, c.left + c.width - c.measure(pageText, 'regular', size), footY, 'regular', size, theme.color.muted);
  // Left of the footer: the short topology fingerprint, so a printed page can be compared with `lyncdr topology show`
  // on the live deployment by eye, then the deployment (first, the fingerprint is never shortened by a long name).
  const fingerprint = meta.fingerprint ? `${L.fingerprint} ${meta.fingerprint.slice(0, 16)}` : null;
  const left = [fingerprint, meta.deployment ? `lyncdr — ${meta.deployment}` : null].filter((s): s is string => Boolean(s)).join('  ·  ');
  if (left) c.put(fitText(c, left, c.width * 0.6, 'regular', size), c.left, footY, 'regular', size, theme.color.faint);
}
