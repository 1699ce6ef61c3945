import type { StatusEntry } from '@lyncdr/protocol';
import type { Evidence, PolicyDefaults, PolicyRule } from './model';
import type { ReasonCode, ReasonParams, Said } from './reasons';
import { findingsInWords, findingsParams, formatDuration, hours, newestGoodTime } from './words';

/** Reads a field by any of its spellings (bridge JSON keeps PowerShell's PascalCase; collectors may use camelCase). */
export function field(o: unknown, ...names: string[]): unknown {
  if (!o || typeof o !== 'object') return undefined;
  for (const n of names) if (n in o) return (o as Record<string, unknown>)[n];
  return undefined;
}

export function list(o: unknown, ...names: string[]): unknown[] {
  const v = field(o, ...names);
  return Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
}

/**
 * Common frame of a replication probe (Backup Service, mirror state, CMS replication): stale evidence is late, a
 * probe whose bridge call failed is failed; otherwise `judge` decides. `sinceHealthy` is the newest time the probe saw
 * a healthy state (the observation's `lastGood`), against which the RPO is measured.
 */
export function evaluateProbe(
  itemId: string,
  e: Evidence,
  rule: PolicyRule,
  defaults: PolicyDefaults,
  rpoMinutes: number,
  now: Date,
  judge: (data: Record<string, unknown>) => { healthy: boolean; said: Said } | { unknown: Said },
): StatusEntry {
  const periodHours = rule.periodHours ?? defaults.probePeriodHours;
  const graceHours = rule.graceHours ?? Math.max(defaults.minGraceHours, periodHours * defaults.graceFraction);
  // A healthy time ahead of the planner's clock (beyond the tolerated skew) is not taken; a little ahead is 0 old.
  const { lastGood: sinceHealthy, ageMs } = newestGoodTime([e.lastGoodEver, e.observation.ok ? (e.observation.lastGood ?? null) : null], now, defaults.clockSkewMinutes * 60_000);
  const entry = (status: StatusEntry['status'], reason: string, reasonCode: ReasonCode, reasonParams: ReasonParams): StatusEntry => ({
    itemId, status, reason, reasonCode, reasonParams, lastGood: sinceHealthy, ageSeconds: ageMs === null ? null : Math.max(0, Math.round(ageMs / 1000)),
    periodSeconds: periodHours * 3600,
  });
  const staleMs = Math.max(0, now.getTime() - Date.parse(e.observedAt));
  if (staleMs > (periodHours + graceHours) * 3_600_000) {
    return entry('late', `no report from the agent for ${formatDuration(staleMs)}; expected every ${hours(periodHours)}`, 'probe.noReport',
      { staleSeconds: staleMs / 1000, periodSeconds: periodHours * 3600 });
  }
  if (!e.runOk && !Object.keys(e.observation.data).length) {
    const message = e.observation.findings[0]?.message ?? null;
    return entry('failed', `the probe failed: ${message ?? 'no details from the collector'}`, 'probe.failed', { message });
  }
  let verdict = judge(e.observation.data);
  const errors = e.observation.findings.filter((f) => f.severity === 'error');
  if (!e.observation.ok && errors.length && !('unknown' in verdict && !Object.keys(e.observation.data).length)) {
    // The collector's own error findings win over a reading of the data that looks healthy.
    verdict = { healthy: false, said: { text: findingsInWords(errors), code: 'probe.findings', params: findingsParams(errors) } };
  }
  if ('unknown' in verdict) return entry('unknown', verdict.unknown.text, verdict.unknown.code, verdict.unknown.params);
  const { text, code, params } = verdict.said;
  if (verdict.healthy) return entry('ok', text, code, params);
  const rpoMs = rpoMinutes * 60_000;
  const rpo = { rpoSeconds: rpoMs / 1000, unhealthySeconds: ageMs === null ? null : ageMs / 1000 };
  if (ageMs === null || ageMs > rpoMs) {
    const since = ageMs === null ? 'never seen healthy' : `unhealthy for ${formatDuration(ageMs)}`;
    return entry('failed', `${text}; ${since}, beyond the ${formatDuration(rpoMs)} RPO`, code, { ...params, rpo: { ...rpo, beyond: true } });
  }
  return entry('late', `${text}; within the ${formatDuration(rpoMs)} RPO so far (${formatDuration(ageMs)})`, code, { ...params, rpo: { ...rpo, beyond: false } });
}
