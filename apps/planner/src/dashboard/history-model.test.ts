import { describe, expect, it } from 'vitest';

type Row = { at: string; status: string; lastGood: string | null };
type Period = { start: number; end: number; status: string | null };
const assetPath = './assets/history-model.js';
const m = (await import(assetPath)) as {
  periodBars: (e: Row[], o: { now: Date; periodSeconds: number | null; windowDays: number; maxBars?: number }) => { bars: (Period & { periods: number })[]; perBar: number; periods: Period[] };
  onTimeShare: (p: Period[]) => { on: number; total: number; percent: number | null };
  ageSeries: (e: Row[], r: { at: string; ok: boolean; lastGood: string | null }[], o: { now: Date; windowDays: number }) => { t: number; age: number }[];
  dayTicks: (start: number, end: number, most?: number) => number[];
};

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const row = (days: number, status: string, goodDaysAgo: number | null): Row => ({ at: ago(days), status, lastGood: goodDaysAgo === null ? null : ago(goodDaysAgo) });
/** ok from 19.5 days ago, late 12.5 → ok 10.5, failed 3.5 → ok 2.5 days ago (newest first, as the API sends them). */
const HISTORY = [row(2.5, 'ok', 2.6), row(3.5, 'failed', 10.6), row(10.5, 'ok', 10.6), row(12.5, 'late', 19.6), row(19.5, 'ok', 19.6)];

describe('history model of the dashboard', () => {
  it('one bar per daily period over 30 days, each with the worst status in force during it; none before the first evaluation', () => {
    const { bars, perBar, periods } = m.periodBars(HISTORY, { now: NOW, periodSeconds: 86_400, windowDays: 30 });
    expect(perBar).toBe(1);
    expect(bars).toHaveLength(30);
    expect(bars.map((b) => b.status ?? '-')).toEqual([
      ...Array<string>(10).fill('-'), ...Array<string>(7).fill('ok'), 'late', 'late', 'late', ...Array<string>(6).fill('ok'), 'failed', 'failed', 'ok', 'ok']);
    expect(bars.at(-1)!.end).toBe(NOW.getTime());
    expect(bars[0]!.start).toBe(NOW.getTime() - 30 * DAY);
    expect(m.onTimeShare(periods)).toEqual({ on: 15, total: 20, percent: 75 });
    // The evaluation made at `now` belongs to the newest period.
    const withNow = m.periodBars([{ at: NOW.toISOString(), status: 'failed', lastGood: null }, ...HISTORY], { now: NOW, periodSeconds: 86_400, windowDays: 30 });
    expect(withNow.bars.at(-1)!.status).toBe('failed');
  });

  it('hourly periods over 90 days group into at most 120 bars; the share still counts single periods', () => {
    const { bars, perBar, periods } = m.periodBars(HISTORY, { now: NOW, periodSeconds: 3600, windowDays: 90 });
    expect(periods).toHaveLength(90 * 24);
    expect(perBar).toBe(18);
    expect(bars).toHaveLength(120);
    expect(bars.every((b) => b.periods === 18)).toBe(true);
    const share = m.onTimeShare(periods);
    expect(share.total).toBe(Math.ceil(19.5 * 24));
    expect(share.percent).toBeGreaterThan(70);
    expect(share.percent).toBeLessThan(100);
    expect(m.onTimeShare([])).toEqual({ on: 0, total: 0, percent: null });
  });

  it('the age of the last good backup grows and drops when a newer one is reported', () => {
    const points = m.ageSeries(HISTORY, [], { now: NOW, windowDays: 30 });
    const days = points.map((p) => [Number(((p.t - NOW.getTime()) / DAY).toFixed(1)), Number((p.age / DAY).toFixed(1))]);
    expect(days).toEqual([[-19.5, 0.1], [-10.5, 9.1], [-10.5, 0.1], [-2.5, 8.1], [-2.5, 0.1], [0, 2.6]]);
    // A run's good backup counts as well; a failed run does not; a backup dated after its report counts from the report.
    const runs = [{ at: ago(1), ok: true, lastGood: ago(1.2) }, { at: ago(0.5), ok: false, lastGood: ago(0.6) }, { at: ago(0.2), ok: true, lastGood: ago(0.1) }];
    const withRuns = m.ageSeries(HISTORY, runs, { now: NOW, windowDays: 30 });
    expect(withRuns.at(-1)!.age).toBe(0.2 * DAY);
    expect(withRuns.filter((p) => p.age === 0).map((p) => p.t)).toEqual([Date.parse(ago(0.2))]);
    expect(withRuns.some((p) => p.t === Date.parse(ago(0.5)))).toBe(false);
    expect(withRuns.filter((p) => p.t === Date.parse(ago(1))).map((p) => Math.round(p.age / 3_600_000))).toEqual([Math.round(1.6 * 24), Math.round(0.2 * 24)]);
    // A good backup older than the window: the line starts at the window's start with its age.
    const old = m.ageSeries([row(40, 'ok', 41)], [], { now: NOW, windowDays: 30 });
    expect(old.map((p) => Math.round(p.age / DAY))).toEqual([11, 41]);
    expect(m.ageSeries([row(3, 'unknown', null)], [], { now: NOW, windowDays: 30 })).toEqual([]);
  });

  it('day ticks: at most eight, on UTC midnights', () => {
    const start = NOW.getTime() - 30 * DAY;
    const ticks = m.dayTicks(start, NOW.getTime());
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.every((t) => t % DAY === 0 && t >= start && t <= NOW.getTime())).toBe(true);
    expect(ticks[1]! - ticks[0]!).toBe(7 * DAY);
    expect(m.dayTicks(NOW.getTime() - 90 * DAY, NOW.getTime())[1]! - m.dayTicks(NOW.getTime() - 90 * DAY, NOW.getTime())[0]!).toBe(14 * DAY);
  });
});
