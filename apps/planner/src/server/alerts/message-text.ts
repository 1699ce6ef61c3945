import type { AlertChange, AlertMessage, ChannelMessage, SummaryMessage } from './channel';

/**
 * The words of an alert and of the daily summary, in English, shared by the e-mail, Teams and ntfy channels:
 * a title (the e-mail subject) and lines (the body). The reason of a change is the evaluator's English reason.
 */

const who = (deployment: string | null) => (deployment ? `lyncdr ${deployment}` : 'lyncdr');

/** `2026-11-22 10:00 UTC` */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `ok → late`; a first alert on an item has no old status: `(new) → failed`. */
export function move(c: Pick<AlertChange, 'from' | 'to'>): string {
  return `${c.from ?? '(new)'} → ${c.to}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function alertTitle(m: AlertMessage): string {
  const [only] = m.changes;
  if (m.changes.length === 1 && only) {
    return only.to === 'ok' ? `${who(m.deployment)}: ${only.itemId} is ok again (was ${only.from})` : `${who(m.deployment)}: ${only.itemId} is ${only.to} (was ${only.from ?? 'not seen'})`;
  }
  const by = (['failed', 'late', 'unknown', 'ok'] as const)
    .map((s) => [s, m.changes.filter((c) => c.to === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (s === 'ok' ? `${n} ok again` : `${n} ${s}`));
  return `${who(m.deployment)}: ${plural(m.changes.length, 'status change', 'status changes')} (${by.join(', ')})`;
}

/** One change in words: the item, the move, the reason, the last good time when known. */
export function changeLines(c: AlertChange): string[] {
  return [`${c.itemId}: ${move(c)}`, `  ${c.reason}`, ...(c.lastGood ? [`  last good: ${formatUtc(c.lastGood)}`] : [])];
}

export function alertLines(m: AlertMessage): string[] {
  return [
    `Deployment: ${m.deployment ?? '(none)'}`,
    `Time: ${formatUtc(m.at)}`,
    '',
    `${plural(m.changes.length, 'status change', 'status changes')}:`,
    ...m.changes.flatMap((c) => ['', ...changeLines(c)]),
  ];
}

const total = (m: SummaryMessage) => m.counts.ok + m.counts.late + m.counts.failed + m.counts.unknown;

export function summaryTitle(m: SummaryMessage): string {
  const n = m.attention.length;
  return n === 0
    ? `${who(m.deployment)}: daily summary, all ${plural(total(m), 'item', 'items')} ok`
    : `${who(m.deployment)}: daily summary, ${plural(n, 'item needs', 'items need')} attention`;
}

export function summaryLines(m: SummaryMessage): string[] {
  return [
    `Deployment: ${m.deployment ?? '(none)'}`,
    `Time: ${formatUtc(m.at)}`,
    '',
    `ok ${m.counts.ok}, late ${m.counts.late}, failed ${m.counts.failed}, unknown ${m.counts.unknown}`,
    ...(m.attention.length ? ['', 'Needs attention:'] : []),
    ...m.attention.flatMap((a) => ['', `${a.itemId}: ${a.status}`, `  ${a.reason}`]),
  ];
}

export const titleOf = (m: ChannelMessage) => (m.kind === 'lyncdr.alert' ? alertTitle(m) : summaryTitle(m));
export const linesOf = (m: ChannelMessage) => (m.kind === 'lyncdr.alert' ? alertLines(m) : summaryLines(m));
