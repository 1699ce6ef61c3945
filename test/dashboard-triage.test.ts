import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';

/**
 * The status table sorted by severity with its counts as filters, and the alerts table with the items in words —
 * headless Chromium against a real planner.
 */
let p: DashboardPlanner;
let browser: Browser;
let agent: SimAgent;
const HOUR = 3_600_000;
const USERDATA = 'export:userdata@pool01.contoso.example';
const RGS = 'export:rgs@pool02.contoso.example';
const XDS = 'export:configuration@global';
const LIS = 'export:lis@global';

/** A report over the agent socket about one item: good with its last backup at `lastGood`, or failed. */
const report = (id: string, item: string, lastGood: Date | null) => {
  const at = new Date().toISOString();
  return agent.report(id, {
    collector: 'exports', startedAt: at, finishedAt: at, ok: lastGood !== null,
    observations: [{ kind: 'export', subject: item, itemId: item, lastGood: lastGood?.toISOString() ?? null, ok: lastGood !== null,
      findings: lastGood ? [] : [{ code: 'E_EXPORT', message: 'the export zip is empty', path: item, severity: 'error' }], data: {} }],
  });
};

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
  agent = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
  agent.hello(true, ['exports']);
  const now = Date.now();
  // ok (1 h old), ok (5 h old), late (30 days old), failed; every other item stays unknown.
  await report('triage-1', USERDATA, new Date(now - 1 * HOUR));
  await report('triage-2', RGS, new Date(now - 5 * HOUR));
  await report('triage-3', XDS, new Date(now - 30 * 24 * HOUR));
  await report('triage-4', LIS, null);
  // Every report is acked (stored): judge them now rather than after the debounce.
  p.server.evaluator.evaluate();
});
afterAll(async () => {
  agent?.close();
  await browser?.close();
  await p?.stop();
});

describe('status table and alerts in headless Chromium', () => {
  it('sorts by severity (failed, late, unknown, ok), then the oldest first; the header counts filter the table', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${p.url}/`);
    await page.waitForSelector(`#rows tr[data-id="${USERDATA}"][data-status="ok"]`);
    const rows = await page.locator('#rows tr').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.id, (tr as HTMLElement).dataset.status]));
    const statuses = rows.map((r) => r[1]);
    const unknown = p.items.length - 4;
    expect(statuses).toEqual(['failed', 'late', ...Array<string>(unknown).fill('unknown'), 'ok', 'ok']);
    expect(rows[0]![0]).toBe(LIS);
    expect(rows[1]![0]).toBe(XDS);
    // Within a status, the oldest backup first: the 5-hour-old export before the 1-hour-old one.
    expect(rows.slice(-2).map((r) => r[0])).toEqual([RGS, USERDATA]);
    // The counts, most urgent first, are buttons.
    const counts = page.locator('#counts button[data-status]');
    expect(await counts.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.status))).toEqual(['failed', 'late', 'unknown', 'ok']);
    expect(await counts.allTextContents()).toEqual(['1 failed', '1 late', `${unknown} unknown`, '2 ok']);
    const visible = () => page.locator('#rows tr:not(.history):not([hidden])').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    await page.click('#counts button[data-status="late"]');
    expect(await visible()).toEqual([XDS]);
    expect(await page.inputValue('#f-status')).toBe('late');
    expect(await page.getAttribute('#counts button[data-status="late"]', 'aria-pressed')).toBe('true');
    expect(await page.locator('#shown').textContent()).toBe(`1 of ${p.items.length} items shown`);
    // From another section, a count opens the status table filtered.
    await page.click('nav a[href="#agents"]');
    await page.click('#counts button[data-status="ok"]');
    await page.waitForSelector('#status:not([hidden])');
    expect(await visible()).toEqual([RGS, USERDATA]);
    // Pressed again: every item.
    await page.click('#counts button[data-status="ok"]');
    expect((await visible()).length).toBe(p.items.length);
    expect(await page.getAttribute('#counts button[data-status="ok"]', 'aria-pressed')).toBe('false');
    // The keyboard reaches them (native buttons).
    await page.focus('#counts button[data-status="failed"]');
    await page.keyboard.press('Enter');
    expect(await visible()).toEqual([LIS]);
    await page.click('#counts button[data-status="failed"]');
    // Items in words, the internal id below.
    const row = page.locator(`#rows tr[data-id="${USERDATA}"] td.item`);
    expect(await row.locator('.name').textContent()).toBe('User data export (rtcxds) — pool01');
    expect(await row.locator('.id').textContent()).toBe(USERDATA);
    // Status items without an inventory entry are worded too: probes and the goals' readiness.
    // (A string, so that the test runner leaves the page's own dynamic import alone.)
    const words = await page.evaluate(`import('/assets/item-words.js').then((m) => ['readiness:failover:pool01.contoso.example',
      'readiness:edge-failover:edge01.contoso.example/sip', 'readiness:cms-failover:global', 'backup-service:pool02.contoso.example',
      'cms-replication:global'].map((id) => m.itemLine({ id, name: id.split(':')[0], pool: null })))`);
    expect(words).toEqual(['DR readiness: Failover of pool01', 'DR readiness: Edge failover of edge01', 'DR readiness: Central Management store failover',
      'Backup Service replication — pool02', 'Central Management store replication']);
    // A live change moves the row to its place: the 1-hour-old export fails and goes to the top.
    // A keyboard user on a count keeps the focus there while the counts are redrawn.
    await page.focus('#counts button[data-status="late"]');
    await report('triage-5', USERDATA, null);
    await page.waitForSelector(`#rows tr[data-id="${USERDATA}"][data-status="failed"]`, { timeout: 10_000 });
    await expect.poll(() => page.locator('#counts button[data-status="failed"]').textContent()).toBe('2 failed');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.status)).toBe('late');
    await expect.poll(() => page.locator('#rows tr').evaluateAll((trs) => trs.slice(0, 2).map((tr) => (tr as HTMLElement).dataset.status))).toEqual(['failed', 'failed']);
    expect(await page.locator('#rows tr').last().getAttribute('data-id')).toBe(RGS);
    await report('triage-6', USERDATA, new Date(Date.now() - HOUR));
    await expect.poll(() => page.locator('#rows tr').last().getAttribute('data-id'), { timeout: 10_000 }).toBe(USERDATA);
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });

  it('the alerts table fits at 1,280 px with the items in words and their ids below; in French too', async () => {
    for (const lang of ['en-GB', 'fr-FR']) {
      const { context, page } = await openDashboard(browser, p, { width: 1280, height: 800, lang });
      await page.goto(`${p.url}/#alerts`);
      await page.waitForSelector('#alert-list table.alerts tbody tr');
      const item = page.locator(`#alert-list tr[data-item="${USERDATA}"] td.item`).first();
      expect(await item.locator('.name').textContent()).toBe(lang === 'en-GB' ? 'User data export (rtcxds) — pool01' : 'Export des données utilisateur (rtcxds) — pool01');
      expect(await item.locator('.id').textContent()).toBe(USERDATA);
      const xds = page.locator(`#alert-list tr[data-item="${XDS}"] td.item .name`).first();
      expect(await xds.textContent()).toBe(lang === 'en-GB' ? 'Topology and configuration export (xds)' : 'Export de la topologie et de la configuration (xds)');
      const sizes = await page.evaluate(() => {
        const wrap = document.getElementById('alert-list')!;
        return { page: document.documentElement.scrollWidth, wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth, table: wrap.querySelector('table')!.getBoundingClientRect().right };
      });
      expect(sizes.page).toBeLessThanOrEqual(1280);
      expect(sizes.wrapScroll).toBeLessThanOrEqual(sizes.wrapClient);
      expect(sizes.table).toBeLessThanOrEqual(1280);
      await context.close();
    }
  });
});
