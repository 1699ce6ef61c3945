/**
 * How often each goal must be drilled (lyncdr.yaml `drills:`, days per goal kind) against the runs finished: one status
 * item per goal kind (`drill:<goal>`), ok while the newest completed run of that goal is within its cadence, late when
 * it is older or there is none — an overdue drill is a finding like a late backup, with its alerts. A real run counts:
 * the failover was exercised.
 */
import type { StatusEntry } from '@lyncdr/protocol';
import type { RunKind } from './types';

export interface FinishedRun {
  /** The goal's kind (`failover`, `cms-failover`…). */
  goal: string;
  kind: RunKind;
  finishedAt: string;
}

const DAY = 86_400;

export function evaluateDrillCadence(cadence: Readonly<Record<string, number>>, runs: readonly FinishedRun[], now: Date): StatusEntry[] {
  const nowS = now.getTime() / 1000;
  return Object.entries(cadence).sort(([a], [b]) => a.localeCompare(b)).map(([goal, days]) => {
    const newest = runs.filter((r) => r.goal === goal).map((r) => r.finishedAt).sort().pop() ?? null;
    const periodSeconds = days * DAY;
    const base = { itemId: `drill:${goal}`, lastGood: newest, periodSeconds };
    if (newest === null) {
      return { ...base, status: 'late', ageSeconds: null, reason: `never drilled; the cadence is every ${days} days`, reasonCode: 'drill.never', reasonParams: { goal, days } };
    }
    const ageSeconds = Math.max(0, Math.round(nowS - Date.parse(newest) / 1000));
    const overdue = ageSeconds > periodSeconds;
    return {
      ...base,
      status: overdue ? 'late' : 'ok',
      ageSeconds,
      reason: overdue ? `last drilled ${Math.floor(ageSeconds / DAY)} days ago; the cadence is every ${days} days` : `drilled ${Math.floor(ageSeconds / DAY)} days ago (every ${days} days)`,
      reasonCode: overdue ? 'drill.overdue' : 'drill.ok',
      reasonParams: { goal, days, ageSeconds },
    };
  });
}
