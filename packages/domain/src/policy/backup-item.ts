import type { StatusEntry } from '@lyncdr/protocol';
import type { Evidence, PolicyDefaults, PolicyRule } from './model';
import type { ReasonCode, ReasonParams } from './reasons';
import { findingsInWords, findingsParams, formatDuration, hours, newestGoodTime } from './words';

const HOUR = 3_600_000;

function median(xs: number[]): number | null {
  if (xs.length < 3) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? null;
}

/**
 * Judges one backed-up item from its newest evidence (healthchecks-style: period + grace), then the run duration
 * against its bounds (rule, else 3× / ÷10 of the median of recent runs), then the artifact checks' findings.
 */
export function evaluateBackupItem(
  item: { id: string; frequency: { periodHours: number } },
  evidence: Evidence[],
  rule: PolicyRule,
  defaults: PolicyDefaults,
  now: Date,
): StatusEntry {
  const periodHours = rule.periodHours ?? item.frequency.periodHours;
  const graceHours = rule.graceHours ?? Math.max(defaults.minGraceHours, periodHours * defaults.graceFraction);
  const base = { itemId: item.id, periodSeconds: periodHours * 3600 };
  if (!evidence.length) {
    return { ...base, status: 'unknown', reason: 'no agent has reported on this item yet', reasonCode: 'item.noReport', reasonParams: {}, lastGood: null, ageSeconds: null };
  }
  const newest = [...evidence].sort((a, b) => b.observedAt.localeCompare(a.observedAt))[0] as Evidence;
  const { lastGood, ageMs, future } = newestGoodTime(
    evidence.flatMap((e) => [e.lastGoodEver, e.observation.ok ? (e.observation.lastGood ?? null) : null]), now, defaults.clockSkewMinutes * 60_000);
  const entry = (status: StatusEntry['status'], reason: string, reasonCode: ReasonCode, reasonParams: ReasonParams): StatusEntry => ({
    ...base, status, reason, reasonCode, reasonParams, lastGood, ageSeconds: ageMs === null ? null : Math.max(0, Math.round(ageMs / 1000)),
  });
  const obs = newest.observation;
  const at = `the run of ${newest.observedAt}`;
  if (!obs.ok) {
    const why = obs.findings.length ? findingsInWords(obs.findings) : 'the collector reported a failure';
    return entry('failed', `${at} failed its checks: ${why}`, 'item.runFailed', { at: newest.observedAt, ...findingsParams(obs.findings) });
  }
  if ((!lastGood || ageMs === null) && future) {
    const aheadMs = Date.parse(future) - now.getTime();
    return entry('failed', `the only good backup reported is dated ${future}, ${formatDuration(aheadMs)} ahead of the planner's clock: not taken as a good backup; check the agent's clock`,
      'item.futureLastGood', { lastGood: future, aheadSeconds: aheadMs / 1000 });
  }
  if (!lastGood || ageMs === null) return entry('failed', `${at} found no good backup`, 'item.noGoodBackup', { at: newest.observedAt });
  const limitMs = (periodHours + graceHours) * HOUR;
  const span = { ageSeconds: ageMs / 1000, periodSeconds: periodHours * 3600, graceSeconds: graceHours * 3600 };
  if (ageMs > limitMs) {
    return entry('late', `last good backup ${formatDuration(ageMs)} ago; expected every ${hours(periodHours)} (+${hours(graceHours)} grace)`, 'item.late', span);
  }
  const typical = median(newest.recentDurationsMs ?? []);
  const maxMs = rule.maxDurationMs ?? (typical === null ? null : typical * 3);
  const minMs = rule.minDurationMs ?? (typical === null ? null : typical / 10);
  if (maxMs !== null && newest.durationMs > maxMs) {
    return entry('late', `${at} took ${formatDuration(newest.durationMs)}, over its ${formatDuration(maxMs)} bound (too slow)`,
      'item.tooSlow', { at: newest.observedAt, durationSeconds: newest.durationMs / 1000, boundSeconds: maxMs / 1000 });
  }
  if (minMs !== null && newest.durationMs < minMs) {
    return entry('failed', `${at} took ${formatDuration(newest.durationMs)}, under its ${formatDuration(minMs)} bound (suspiciously fast: check that it copied the data)`,
      'item.tooFast', { at: newest.observedAt, durationSeconds: newest.durationMs / 1000, boundSeconds: minMs / 1000 });
  }
  const warnings = obs.findings.filter((f) => f.severity === 'warning');
  const note = warnings.length ? `; warnings: ${findingsInWords(warnings)}` : '';
  const warned = findingsParams(warnings);
  return entry('ok', `last good backup ${formatDuration(ageMs)} ago, within ${hours(periodHours)} + ${hours(graceHours)} grace${note}`,
    'item.ok', { ...span, warnings: warned.findings, more: warned.more });
}
