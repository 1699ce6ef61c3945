import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';

/**
 * An item's history as a timeline (one bar per evaluation period, a time axis, tooltips), its share of periods on
 * time over 30 and 90 days, and the chart of its backup age against period + grace — headless Chromium against a
 * real planner whose evaluation history was written 20 days back.
 */
const shots = mkdtempSync(path.join(tmpdir(), 'lyncdr-history-shots-'));
let p: DashboardPlanner;
let browser: Browser;
const DAY = 86_400_000;
const ITEM = 'export:userdata@pool01.contoso.example';
let generated = 0;
type StatusEntry = Parameters<DashboardPlanner['store']['recordEvaluation']>[1][number];

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
  generated = Date.parse(p.server.evaluator.latest().generatedAt);
  const at = (days: number) => new Date(generated - days * DAY).toISOString();
  const entry = (status: StatusEntry['status'], goodDaysAgo: number, reason: string): StatusEntry =>
    ({ itemId: ITEM, status, reason, lastGood: at(goodDaysAgo), ageSeconds: null, periodSeconds: 86_400 });
  // ok from 19.5 days ago, late at 12.5, ok again at 10.5, failed at 3.5, ok at 2.5 (as the evaluator records changes);
  // the planner's own first evaluation (no report yet: unknown) is the newest row.
  p.store.recordEvaluation(at(19.5), [entry('ok', 19.6, 'last good backup 2 h ago')]);
  p.store.recordEvaluation(at(12.5), [entry('late', 19.6, 'last good backup 7 d ago; expected every 24 h (+6 h grace)')]);
  p.store.recordEvaluation(at(10.5), [entry('ok', 10.6, 'last good backup 2 h ago')]);
  p.store.recordEvaluation(at(3.5), [entry('failed', 10.6, 'the export zip is empty')]);
  p.store.recordEvaluation(at(2.5), [entry('ok', 2.6, 'last good backup 2 h ago')]);
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
  // LYNCDR_KEEP_SHOTS=1 keeps the screenshots to look at.
  if (process.env.LYNCDR_KEEP_SHOTS === '1') console.log(`history screenshots kept in ${shots}`);
  else rmSync(shots, { recursive: true, force: true });
});

describe('history timeline in headless Chromium', () => {
  it('one bar per daily period with tooltips and a time axis, the share on time over 30 and 90 days, the age chart against period + grace', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${p.url}/`);
    const sel = `#rows tr[data-id="${ITEM}"]`;
    await page.click(`${sel} button.hist`);
    const panel = page.locator(`${sel} + tr.history`);
    await panel.locator('svg.timeline').waitFor();
    const bars = panel.locator('svg.timeline rect.bar');
    expect(await bars.count()).toBe(30);
    // The bars' statuses, oldest first: no data before the first evaluation, then the worst status of each day.
    expect(await bars.evaluateAll((rs) => rs.map((r) => (r as SVGElement).dataset.status))).toEqual([
      ...Array<string>(10).fill('none'), ...Array<string>(7).fill('ok'), 'late', 'late', 'late', ...Array<string>(6).fill('ok'), 'failed', 'failed', 'ok', 'unknown']);
    // Tooltips: dates, status and reason.
    const failed = await bars.nth(26).locator('title').textContent();
    expect(failed).toMatch(/ – .*: failed: the export zip is empty$/);
    expect(await bars.nth(0).locator('title').textContent()).toMatch(/: no evaluation yet$/);
    // The bars lie side by side in time order along the axis, which has day ticks with labels.
    const xs = await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('x'))));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const ticks = await panel.locator('svg.timeline .axis text').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.every((tx) => /^\d{1,2} [A-Z][a-z]{2}/.test(tx))).toBe(true);
    // 14 of the 20 days with data were ok throughout (the newest holds the unknown of the first evaluation): 70 %, over 30 days and over 90 days (no data before).
    expect(await panel.locator('.share[data-days="30"]').textContent()).toBe('Last 30 days: 70 % of periods on time (14 of 20)');
    expect(await panel.locator('.share[data-days="90"]').textContent()).toBe('Last 90 days: 70 % of periods on time (14 of 20)');
    expect(await panel.locator('svg.timeline').getAttribute('aria-label')).toContain('70 % of periods on time');
    // The age chart: a sawtooth of the age (6 points), the period and the period + grace lines; the age went past it.
    const chart = panel.locator('svg.agechart');
    expect(await chart.getAttribute('data-points')).toBe('6');
    expect(await chart.locator('line.limit title').textContent()).toMatch(/^period \+ grace: 1 d 6 h/);
    expect(await chart.getAttribute('aria-label')).toContain('It went past the limit in this window.');
    // The polyline rises above the limit line (smaller y is higher) and drops below it when a newer backup comes.
    const geo = await chart.evaluate((svg) => {
      const limit = Number(svg.querySelector('line.limit')!.getAttribute('y1'));
      const ys = svg.querySelector('polyline.age')!.getAttribute('points')!.split(' ').map((pt) => Number(pt.split(',')[1]));
      return { limit, ys };
    });
    expect(Math.min(...geo.ys)).toBeLessThan(geo.limit);
    expect(Math.max(...geo.ys)).toBeGreaterThan(geo.limit);
    await panel.screenshot({ path: path.join(shots, 'history-30-days.png') });
    // 90 days: 90 bars, the oldest 70 without data.
    await panel.locator('button.window[data-days="90"]').click();
    await expect.poll(() => panel.locator('svg.timeline rect.bar').count()).toBe(90);
    expect(await panel.locator('button.window[data-days="90"]').getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('svg.timeline rect.bar[data-status="none"]').count()).toBe(70);
    // A tooltip shows on hover (the SVG <title> is the bar's accessible name too).
    expect(await panel.locator('svg.timeline rect.bar[data-status="late"]').first().evaluate((r) => r.querySelector('title')?.textContent ?? '')).toContain('late: last good backup 7 d ago');
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, p.url)).toEqual([]);
    expect(requests.some((u) => u.includes(`/api/items/${encodeURIComponent(ITEM)}/history`))).toBe(true);
    await context.close();
  });

  it('in French, at phone width without sideways scrolling', async () => {
    const { context, page } = await openDashboard(browser, p, { lang: 'fr-FR', width: 390, height: 844 });
    await page.goto(`${p.url}/`);
    const sel = `#rows tr[data-id="${ITEM}"]`;
    await page.click(`${sel} button.hist`);
    const panel = page.locator(`${sel} + tr.history`);
    await panel.locator('svg.timeline').waitFor();
    expect(await panel.locator('.share[data-days="30"]').textContent()).toBe('30 derniers jours : 70 % des périodes à l’heure (14 sur 20)');
    expect(await panel.locator('svg.agechart line.limit title').textContent()).toMatch(/^période \+ délai de grâce : 1 j 6 h/);
    expect(await panel.locator('svg.timeline rect.bar').first().locator('title').textContent()).toMatch(/ : pas encore d’évaluation$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
