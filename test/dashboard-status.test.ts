import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';

const shots = mkdtempSync(path.join(tmpdir(), 'lyncdr-dashboard-shots-'));
let p: DashboardPlanner;
let browser: Browser;
let agent: SimAgent;
let fileStore: string;

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
  fileStore = p.items.find((i) => i.kind === 'filestore')!.id;
  agent = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
  agent.hello();
});
afterAll(async () => {
  agent?.close();
  await browser?.close();
  await p?.stop();
});

/** A real report over the agent socket about one inventory item (file-store collector). */
const report = (id: string, item: string, at: Date, ok = true) => agent.report(id, {
  collector: 'file-store', startedAt: at.toISOString(), finishedAt: at.toISOString(), ok,
  observations: [{ kind: 'file-store', subject: item, itemId: item, lastGood: ok ? at.toISOString() : null, ok, findings: ok ? [] : [{ code: 'E_COPY', message: 'backup copy differs from the source', path: item, severity: 'error' }], data: {} }],
});

describe('dashboard in headless Chromium against a real planner', () => {
  it('first load: every item with its status and reason, the header counts, only requests to the planner', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${p.url}/`);
    await page.waitForSelector('#rows tr');
    expect(await page.locator('#rows tr').count()).toBe(p.items.length);
    await expect.poll(() => page.locator('#shown').textContent()).toBe(`${p.items.length} of ${p.items.length} items shown`);
    expect(await page.locator('#deployment').textContent()).toContain('Contoso (Paris + Lyon)');
    expect(await page.locator('#counts').textContent()).toContain(`${p.items.length} unknown`);
    const row = page.locator(`#rows tr[data-id="${fileStore.replace(/\\/g, '\\\\')}"]`);
    expect(await row.locator('.reason').textContent()).toBe('no agent has reported on this item yet');
    await page.waitForSelector('body[data-live="true"]');
    await page.screenshot({ path: path.join(shots, 'status-1280x800.png') });
    // Overview: one box per pool, the pair drawn in both directions, the CMS marked.
    await page.click('nav a[href="#overview"]');
    await page.waitForSelector('#diagram svg');
    expect(await page.locator('#diagram g.pool').count()).toBe(p.topology.pools.length);
    expect(await page.locator('#diagram g.pair').count()).toBe(p.topology.pairs.length * 2);
    expect(await page.locator(`#diagram g.pool[data-pool="${p.topology.cms!.pool}"]`).textContent()).toContain('CMS');
    await page.screenshot({ path: path.join(shots, 'overview-1280x800.png') });
    await page.click('nav a[href="#alerts"]');
    expect(await page.locator('#policy').textContent()).toContain('30 min');
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, p.url)).toEqual([]);
    expect(requests.some((u) => u.endsWith('/api/status'))).toBe(true);
    await context.close();
  });

  it('a report sent over the agent socket shows up live, without a reload; its history strip and the agent card follow', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    await page.goto(`${p.url}/`);
    await page.waitForSelector('body[data-live="true"]');
    const sel = `#rows tr[data-id="${fileStore.replace(/\\/g, '\\\\')}"]`;
    await page.click(`${sel} button.hist`);
    const at = new Date(Date.now() - 60_000);
    await report('dash-live-1', fileStore, at);
    const acked = Date.now();
    await page.waitForSelector(`${sel}[data-status="ok"] time[datetime="${at.toISOString()}"]`, { timeout: 10_000 });
    const visibleMs = Date.now() - acked;
    console.log(`report visible ${visibleMs} ms after its ack`);
    expect(visibleMs).toBeLessThan(5000);
    expect(await page.locator(sel).locator('.reason').textContent()).not.toBe('no agent has reported on this item yet');
    await expect.poll(() => page.locator(`${sel} + tr.history .strip span.ok`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('#counts').textContent()).toContain('1 ok');
    // A failed run turns the row red live as well.
    await report('dash-live-2', fileStore, new Date(), false);
    await page.waitForSelector(`${sel}[data-status="failed"]`, { timeout: 10_000 });
    await page.click('nav a[href="#agents"]');
    const card = page.locator('article[data-agent="fe1"]');
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('file-store');
    expect(await card.textContent()).toContain('connected');
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });

  it('filters by site, pool, status and text; a pool of the overview opens the filtered list', async () => {
    const { context, page } = await openDashboard(browser, p);
    await page.goto(`${p.url}/`);
    await page.waitForSelector('#rows tr');
    const visible = () => page.locator('#rows tr:not(.history):not([hidden])').count();
    const total = p.items.length;
    const lyon = p.topology.sites.find((s) => /lyon/i.test(s.name))!;
    await page.selectOption('#f-site', lyon.id);
    const inLyon = await visible();
    expect(inLyon).toBeGreaterThan(0);
    expect(inLyon).toBeLessThan(total);
    for (const site of await page.locator('#rows tr:not([hidden])').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.site))) expect(site).toBe(lyon.id);
    await page.selectOption('#f-site', '');
    // The file store is the one failed item (its failed run was reported in the test above).
    await page.selectOption('#f-status', 'failed');
    expect(await visible()).toBe(1);
    expect(await page.locator('#rows tr:not([hidden])').getAttribute('data-id')).toBe(fileStore);
    await page.selectOption('#f-status', '');
    await page.selectOption('#f-pool', 'pool02.contoso.example');
    const inPool = await visible();
    expect(inPool).toBeGreaterThan(0);
    expect(inPool).toBeLessThan(total);
    await page.selectOption('#f-pool', '');
    await page.fill('#f-text', 'LcsCDR');
    expect(await visible()).toBe(1);
    expect(await page.locator('#shown').textContent()).toBe(`1 of ${total} items shown`);
    await page.fill('#f-text', '');
    // Keyboard: focus a pool of the picture and press Enter.
    await page.goto(`${p.url}/#overview`);
    await page.waitForSelector('#diagram g.pool');
    await page.focus('#diagram g.pool[data-pool="pool01.contoso.example"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#status:not([hidden])');
    expect(await page.inputValue('#f-pool')).toBe('pool01.contoso.example');
    await context.close();
  });

  it('"collect now" asks for an admin token, then sends the command to the agent', async () => {
    const { context, page } = await openDashboard(browser, p);
    await page.goto(`${p.url}/#agents`);
    const button = page.locator('article[data-agent="fe1"] button.collect[data-collector="file-store"]');
    await button.waitFor();
    await button.click();
    await page.waitForSelector('#token-dialog[open]');
    await page.fill('#token-input', p.adminToken);
    await page.click('#token-dialog button[value="save"]');
    await expect.poll(() => page.locator('#collect-result').textContent(), { timeout: 10_000 }).toBe('"file-store" sent to fe1.');
    await expect.poll(() => agent.received.some((e) => e.type === 'collect')).toBe(true);
    await context.close();
  });

  it('an agent with no run yet lists the collectors of its hello, each with "collect now"', async () => {
    const idle = await connectSimAgent(p.agentUrl, { agentId: 'fe2', token: p.addAgent('fe2') });
    try {
      idle.hello(false, ['sql-files', 'exports']);
      const agents = async () => {
        const r = await fetch(`${p.url}/api/agents`, { headers: { authorization: `Bearer ${p.readToken}` } });
        return ((await r.json()) as { agents: { name: string; collectors: string[]; lastRuns: object }[] }).agents.find((a) => a.name === 'fe2');
      };
      await expect.poll(async () => (await agents())?.collectors, { timeout: 10_000 }).toEqual(['sql-files', 'exports']);
      expect((await agents())?.lastRuns).toEqual({});
      const { context, page } = await openDashboard(browser, p);
      await page.goto(`${p.url}/#agents`);
      const card = page.locator('article[data-agent="fe2"]');
      await card.locator('button.collect').first().waitFor();
      expect(await card.locator('button.collect').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.collector))).toEqual(['exports', 'sql-files']);
      expect(await card.locator('ul.runs li').allTextContents()).toEqual([expect.stringContaining('exports — no run yet'), expect.stringContaining('sql-files — no run yet')]);
      expect(await card.locator('button.collect').first().isEnabled()).toBe(true);
      await context.close();
    } finally {
      idle.close();
    }
  });

  it('reads in French and stays usable at phone width', async () => {
    const { context, page, requests } = await openDashboard(browser, p, { width: 390, height: 844, lang: 'fr-FR' });
    await page.goto(`${p.url}/`);
    await page.waitForSelector('#rows tr');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('nav a[href="#status"]').textContent()).toBe('État des sauvegardes');
    expect(await page.locator('#counts').textContent()).toContain('en échec');
    expect(await page.locator('#rows tr[data-status="unknown"] .reason').first().textContent()).toBe('aucun agent n’a encore rendu compte de cet élément');
    // No horizontal scrolling of the page at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, 'status-390x844-fr.png') });
    // The history strip and the alert log word their reasons in French too (from the stored reason codes).
    const sel = `#rows tr[data-id="${fileStore.replace(/\\/g, '\\\\')}"]`;
    await page.click(`${sel} button.hist`);
    const failedBar = page.locator(`${sel} + tr.history svg.timeline rect.bar.failed title`).last();
    await failedBar.waitFor({ state: 'attached' });
    expect(await failedBar.textContent()).toMatch(/ : en échec : l’exécution du .* a échoué à ses contrôles : /);
    await page.click('nav a[href="#alerts"]');
    const reasons = await page.locator('#alert-list td:nth-child(4)').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.some((r) => r.includes('a échoué à ses contrôles'))).toBe(true);
    expect(reasons.some((r) => /the run of|failed its checks/.test(r))).toBe(false);
    await page.selectOption('#lang', 'en');
    expect(await page.locator('nav a[href="#status"]').textContent()).toBe('Backup status');
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });

  it('without a token the page asks for one; the static files need none', async () => {
    const { context, page } = await openDashboard(browser, p, { token: null });
    await page.goto(`${p.url}/`);
    await page.waitForSelector('#token-dialog[open]');
    expect(await page.locator('#message').textContent()).toContain('API token');
    await page.fill('#token-input', p.readToken);
    await page.click('#token-dialog button[value="save"]');
    await page.waitForSelector('#rows tr');
    expect(await page.locator('#rows tr').count()).toBe(p.items.length);
    const res = await fetch(`${p.url}/assets/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${p.url}/api/status`)).status).toBe(401);
    await context.close();
  });
});

afterAll(() => {
  // LYNCDR_KEEP_SHOTS=1 keeps the screenshots (1280×800 and 390×844) to look at.
  if (process.env.LYNCDR_KEEP_SHOTS === '1') console.log(`dashboard screenshots kept in ${shots}`);
  else rmSync(shots, { recursive: true, force: true });
});
