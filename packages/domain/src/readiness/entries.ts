/**
 * Readiness as status items, judged and alerted like the backup items (`readiness:<goal>:<arg>`): ready → ok,
 * at-risk → late, blocked → failed, with the first blocker as the reason.
 */
import type { StatusEntry } from '@lyncdr/protocol';
import { formatDuration } from '../policy/words';
import { readinessItemId } from './evaluate';
import { BLOCKING_CODES, type GoalReadiness, type ReadinessReport } from './types';

const STATUS = { ready: 'ok', 'at-risk': 'late', blocked: 'failed' } as const;

function reasonOf(g: GoalReadiness): string {
  // A blocker that stops the goal first (the sort is stable).
  const [first, ...rest] = [...g.blockers].sort((a, b) => Number(BLOCKING_CODES.has(b.code)) - Number(BLOCKING_CODES.has(a.code)));
  if (!first) {
    const rpo = g.rpoSeconds === null ? 'unknown' : formatDuration(g.rpoSeconds * 1000);
    const rto = g.rtoMinutes === null ? 'unknown' : formatDuration(g.rtoMinutes * 60_000);
    return `RPO exposure ${rpo}, estimated RTO ${rto}`;
  }
  return rest.length ? `${first.message} (+${rest.length} more)` : first.message;
}

export function readinessEntries(report: ReadinessReport): StatusEntry[] {
  return report.goals.map((g) => ({
    itemId: readinessItemId(g),
    status: STATUS[g.status],
    reason: `${g.status}: ${reasonOf(g)}`,
    lastGood: null,
    ageSeconds: null,
    periodSeconds: null,
  }));
}
