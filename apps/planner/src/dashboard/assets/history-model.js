/* An item's history as periods and ages (pure: no DOM, no language), from `/api/items/:id/history`. */
import { worst } from './util.js';

const DAY = 86_400_000;
/** Past this many bars, a bar stands for several evaluation periods (so that a 90-day hourly timeline stays readable). */
export const MAX_BARS = 120;

const ms = (iso) => Date.parse(iso);

/**
 * The status changes oldest first, as `{ t, status, row }`. The planner keeps a history row per change of status or
 * reason, so the status in force at a time is the one of the newest row at or before it.
 */
export function statusChanges(evaluations) {
  return evaluations.map((row) => ({ t: ms(row.at), status: row.status, row })).filter((c) => !Number.isNaN(c.t)).sort((a, b) => a.t - b.t);
}

/**
 * One slot per evaluation period over the window that ends at `now` (the newest one partial), each with the worst
 * status in force during it and the row that gave it; `status` is null before the first evaluation (no data).
 * Past `maxBars` slots, each bar groups `perBar` periods. Returns `{ bars, periodMs, perBar, periods }` where
 * `periods` is the list of single periods (for the share on time).
 */
export function periodBars(evaluations, { now, periodSeconds, windowDays, maxBars = MAX_BARS }) {
  const periodMs = Math.max(60_000, (periodSeconds || 86_400) * 1000);
  const end = now.getTime();
  const start = end - windowDays * DAY;
  const changes = statusChanges(evaluations);
  const count = Math.max(1, Math.ceil((end - start) / periodMs));
  const periods = [];
  let i = 0;
  // The index of the newest change at or before the start of each period, walked forward once.
  let current = -1;
  for (let k = count - 1; k >= 0; k--) {
    const s = Math.max(start, end - (k + 1) * periodMs), e = end - k * periodMs;
    while (i < changes.length && changes[i].t <= s) current = i++;
    const during = [];
    const at = current >= 0 ? [changes[current]] : [];
    let j = i;
    // The newest period ends now and includes it (the evaluation that gave the page its time).
    while (j < changes.length && (changes[j].t < e || (k === 0 && changes[j].t === e))) during.push(changes[j++]);
    const seen = [...at, ...during];
    const status = seen.length ? worst(seen.map((c) => c.status)) : null;
    const row = seen.find((c) => c.status === status)?.row ?? null;
    periods.push({ start: s, end: e, status, row });
  }
  const perBar = Math.max(1, Math.ceil(periods.length / maxBars));
  const bars = [];
  for (let b = 0; b < periods.length; b += perBar) {
    const group = periods.slice(b, b + perBar);
    const known = group.filter((p) => p.status !== null);
    const status = known.length ? worst(known.map((p) => p.status)) : null;
    bars.push({ start: group[0].start, end: group[group.length - 1].end, status, row: known.find((p) => p.status === status)?.row ?? null, periods: group.length });
  }
  return { bars, periodMs, perBar, periods };
}

/**
 * The share of periods on time (status ok throughout) among the periods with data: `{ on, total, percent }`
 * (percent null when no period has data). Unknown, late and failed periods count as not on time.
 */
export function onTimeShare(periods) {
  const known = periods.filter((p) => p.status !== null);
  const on = known.filter((p) => p.status === 'ok').length;
  return { on, total: known.length, percent: known.length ? (on / known.length) * 100 : null };
}

/**
 * The age of the newest good backup over the window, as a polyline `[{ t, age }]` (ms): it grows with time and drops
 * when a run or an evaluation reports a newer good backup; no point before the first known good backup.
 */
export function ageSeries(evaluations, runs, { now, windowDays }) {
  const end = now.getTime();
  const start = end - windowDays * DAY;
  const known = [
    ...evaluations.map((e) => ({ t: ms(e.at), good: e.lastGood ? ms(e.lastGood) : NaN })),
    ...runs.filter((r) => r.ok !== false).map((r) => ({ t: ms(r.at), good: r.lastGood ? ms(r.lastGood) : NaN })),
  ].filter((x) => !Number.isNaN(x.t) && !Number.isNaN(x.good) && x.t <= end).sort((a, b) => a.t - b.t);
  const points = [];
  let good = null;
  for (const k of known) {
    // A report can only be known once made: a good backup dated after its report counts from the report.
    const next = Math.min(k.good, k.t);
    if (k.t < start) {
      good = good === null ? next : Math.max(good, next);
      continue;
    }
    if (good === null) {
      good = next;
      points.push({ t: k.t, age: k.t - good });
      continue;
    }
    if (next > good) {
      if (!points.length) points.push({ t: start, age: start - good });
      points.push({ t: k.t, age: k.t - good });
      good = next;
      points.push({ t: k.t, age: k.t - good });
    }
  }
  if (good === null) return [];
  if (!points.length) points.push({ t: Math.max(start, good), age: Math.max(start, good) - good });
  points.push({ t: end, age: end - good });
  return points;
}

/** Time-axis ticks over [start, end]: whole days (UTC midnight) every 1, 2, 7, 14 or 30 days, at most `most` of them. */
export function dayTicks(start, end, most = 8) {
  const days = (end - start) / DAY;
  const step = [1, 2, 7, 14, 30].find((s) => days / s <= most) ?? 30;
  const ticks = [];
  for (let t = Math.ceil(start / DAY) * DAY; t <= end; t += step * DAY) ticks.push(t);
  return ticks;
}
