import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type BrowserContext, type DashboardPlanner, type Page } from '../apps/planner/src/testing/dashboard-planner';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-dashboard-readiness-'));
let p: DashboardPlanner;
let browser: Browser;

/**
 * The readiness the page is shown: three goals of the example deployment, one of each status. Served to the browser
 * in place of the planner's answer, so that each status, blocker and figure is known in advance.
 */
function readiness(generatedAt: string, failoverStatus: 'blocked' | 'ready' = 'blocked') {
  return {
    generatedAt,
    goals: [
      {
        goal: 'failover', args: { pool: 'pool01.contoso.example' }, status: failoverStatus,
        blockers: failoverStatus === 'blocked'
          ? [{ code: 'BACKUP_SERVICE_ERROR', message: 'Backup Service ErrorState for 6 h from pool01 to pool02', step: 3 }]
          : [],
        rpoSeconds: 6 * 3600, rtoMinutes: 95, targets: { rpoMinutes: 60, rtoMinutes: 120 },
        facts: [{ fact: 'backup-service pool01.contoso.example→pool02.contoso.example', value: 'ErrorState', source: 'agent fe01a', ageSeconds: 300 }],
        plan: 'lyncdr plan failover --pool pool01.contoso.example --down pool01.contoso.example',
      },
      {
        goal: 'cms-failover', args: {}, status: 'at-risk',
        blockers: [{ code: 'CMS_REPLICA_STALE', message: 'the CMS replica on pool02 is 3 h old', step: null }],
        rpoSeconds: 3 * 3600, rtoMinutes: 30, targets: { rpoMinutes: 1440, rtoMinutes: 20 },
        facts: [], plan: 'lyncdr plan cms-failover',
      },
      {
        goal: 'edge-failover', args: { pool: 'edge01.contoso.example', to: 'edge02.contoso.example' }, status: 'ready', blockers: [],
        rpoSeconds: null, rtoMinutes: 15, targets: { rpoMinutes: null, rtoMinutes: 60 }, facts: [],
        plan: 'lyncdr plan edge-failover --pool edge01.contoso.example --to edge02.contoso.example',
      },
    ],
  };
}

/** Serves `/api/readiness` to this browser context from `body()` (test only: the product's route is the planner's own). */
async function serveReadiness(context: BrowserContext, body: () => unknown): Promise<string[]> {
  const asked: string[] = [];
  await context.route((u) => u.pathname === '/api/readiness', async (route) => {
    asked.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body()) });
  });
  return asked;
}

const rows = (page: Page) => page.locator('table.readiness tbody tr');
const row = (page: Page, goal: string) => page.locator(`table.readiness tbody tr[data-goal="${goal}"]`);

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard Readiness view in headless Chromium', () => {
  it('English: one row per goal, statuses, blockers in words, figures against targets in text, live on the status stream', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    let body = readiness('2026-12-04T05:00:00.000Z');
    const asked = await serveReadiness(context, () => body);
    await page.goto(`${p.url}/#readiness`);
    await page.waitForSelector('table.readiness tbody tr');
    expect(await page.locator('#readiness-h').textContent()).toBe('DR readiness');
    expect(await page.locator('a[href="#readiness"]').getAttribute('aria-current')).toBe('page');
    expect(await rows(page).count()).toBe(3);
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-goal'), tr.getAttribute('data-status')]))).toEqual([
      ['failover', 'blocked'], ['cms-failover', 'at-risk'], ['edge-failover', 'ready'],
    ]);
    // Status in words, not colour only.
    expect(await row(page, 'failover').locator('.badge').textContent()).toBe('blocked');
    expect(await row(page, 'cms-failover').locator('.badge').textContent()).toBe('at risk');
    expect(await row(page, 'edge-failover').locator('.badge').textContent()).toBe('ready');
    expect(await row(page, 'failover').locator('th').textContent()).toContain('Failover of pool01');
    expect(await row(page, 'failover').locator('.rd-cli').textContent()).toBe('lyncdr plan failover --pool pool01.contoso.example --down pool01.contoso.example');
    expect(await row(page, 'cms-failover').locator('th').textContent()).toContain('Central Management store failover');
    // Blockers in words, with the step that would fail.
    expect(await row(page, 'failover').locator('.rd-blockers li').textContent()).toBe('Backup Service ErrorState for 6 h from pool01 to pool02 (step 3)');
    expect(await row(page, 'edge-failover').locator('.rd-why').textContent()).toBe('none');
    // RPO and RTO: the text carries the value, the target and the verdict; the bar is decoration.
    const text = async (goal: string, kind: string) => (await row(page, goal).locator(`.rd-figure[data-kind="${kind}"] .rd-text`).textContent())?.replace(/\s+/g, ' ');
    expect(await text('failover', 'rpo')).toBe('6 h (target 1 h) over the target');
    expect(await text('failover', 'rto')).toBe('1 h 35 min (target 2 h) within the target');
    expect(await text('cms-failover', 'rto')).toBe('30 min (target 20 min) over the target');
    expect(await text('edge-failover', 'rpo')).toBe('unknown (no target)');
    expect(await row(page, 'failover').locator('.rd-figure[data-kind="rpo"] svg').getAttribute('aria-hidden')).toBe('true');
    // The bar is drawn to scale: the RPO of 6 h against a target of 1 h fills 80 % of the track (the scale is 125 % of the larger).
    expect(await row(page, 'failover').locator('.rd-figure[data-kind="rpo"] rect.fill').getAttribute('width')).toBe('160');
    expect(await page.locator('.rd-summary').textContent()).toMatch(/^1 ready, 1 at risk, 1 blocked — judged /);

    // Live: an evaluation of the planner (a `status` event) reloads the readiness.
    await page.waitForFunction(() => document.body.dataset.live === 'true');
    const before = asked.length;
    body = readiness('2026-12-04T05:05:00.000Z', 'ready');
    p.server.evaluator.evaluate();
    await page.waitForSelector('table.readiness tbody tr[data-goal="failover"][data-status="ready"]');
    expect(asked.length).toBeGreaterThan(before);
    expect(await row(page, 'failover').locator('.badge').textContent()).toBe('ready');
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });

  it('French: words, durations and verdicts in French; the plan opens in the wizard and downloads as a PDF', async () => {
    const { context, page, requests } = await openDashboard(browser, p, { lang: 'fr-FR' });
    const asked = await serveReadiness(context, () => readiness('2026-12-04T05:00:00.000Z'));
    await page.goto(`${p.url}/#readiness`);
    await page.waitForSelector('table.readiness tbody tr');
    expect(asked.at(-1)).toContain('lang=fr');
    expect(await page.locator('#readiness-h').textContent()).toBe('Préparation à la reprise');
    expect(await page.locator('a[href="#readiness"]').textContent()).toBe('Préparation');
    expect(await row(page, 'failover').locator('.badge').textContent()).toBe('bloqué');
    expect(await row(page, 'cms-failover').locator('.badge').textContent()).toBe('à risque');
    expect(await row(page, 'edge-failover').locator('.badge').textContent()).toBe('prêt');
    expect(await row(page, 'failover').locator('th').textContent()).toContain('Basculement de pool01');
    expect(await row(page, 'cms-failover').locator('th').textContent()).toContain('Basculement du magasin central de gestion');
    expect(await row(page, 'failover').locator('.rd-blockers li small').textContent()).toBe('(étape 3)');
    const text = async (goal: string, kind: string) => (await row(page, goal).locator(`.rd-figure[data-kind="${kind}"] .rd-text`).textContent())?.replace(/\s+/g, ' ');
    expect(await text('failover', 'rpo')).toBe('6 h (cible 1 h) au-delà de la cible');
    expect(await text('failover', 'rto')).toBe('1 h 35 min (cible 2 h) dans la cible');
    expect(await text('edge-failover', 'rpo')).toBe('inconnu (pas de cible)');
    expect(await page.locator('table.readiness thead').textContent()).toContain('Obstacles');

    // The plan one click away: the wizard opens on the goal with its pool, and plans the steps.
    await row(page, 'failover').locator('button.rd-open').click();
    await page.waitForSelector('#pw-result ol.steps > li');
    expect(page.url()).toMatch(/#documents$/);
    expect(await page.inputValue('#pw-goal')).toBe('failover');
    expect(await page.inputValue('#pw-pool')).toBe('pool01.contoso.example');
    expect(await page.isChecked('.pw-down[value="pool01.contoso.example"]')).toBe(true);
    expect(await page.locator('#pw-result').textContent()).toContain('Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode');

    // And as a PDF, in French, from the Readiness view.
    await page.goto(`${p.url}/#readiness`);
    await page.waitForSelector('table.readiness tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), row(page, 'edge-failover').locator('button.rd-pdf').click()]);
    expect(download.suggestedFilename()).toBe('plan-edge-failover-fr.pdf');
    const file = path.join(dir, 'plan.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Plan de reprise');
    expect(pdf).toContain('edge01.contoso.example');
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });
});
