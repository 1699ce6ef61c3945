/**
 * A pool failover drill in headless Chromium, on a real planner with the bundled example: operator A starts it from the
 * plan wizard, operators A and B tick it from two browser sessions that each see the other's changes live; a step fails
 * (its output pasted as evidence) and is retried, one is skipped with a reason; the run is finished and its report PDF,
 * downloaded from the page, is read back with pdftotext. The history table shows every change.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner, type Page } from '../apps/planner/src/testing/dashboard-planner';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-dashboard-drills-'));
const POOL = 'pool01.contoso.example';
const WAIT = { timeout: 60_000 };
let p: DashboardPlanner;
let browser: Browser;

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until this page has loaded the run at (at least) event `seq`: its own change or one pushed by the other browser. */
const seen = (page: Page, seq: number) => page.waitForFunction((s) => Number(document.body.dataset.runSeq ?? 0) >= s, seq, WAIT);
const stepStatus = (page: Page, n: number) => page.getAttribute(`li.run-step[data-n="${n}"]`, 'data-status');

describe('a drill run from two browsers', () => {
  it('is started from the wizard, ticked by two operators live, finished, and its report prints', async () => {
    const alice = p.addAgent('alice', 'admin');
    const bob = p.addAgent('bob', 'admin');
    const a = await openDashboard(browser, p, { token: alice });
    const b = await openDashboard(browser, p, { token: bob });
    const A = a.page;
    const B = b.page;

    // Operator A: plan wizard → failover of pool01 → start a drill.
    await A.goto(`${p.url}/#documents`);
    await A.waitForSelector('#pw-goal', WAIT);
    await A.selectOption('#pw-goal', 'failover');
    await A.selectOption('#pw-pool', POOL);
    await A.click('#pw-plan');
    await A.waitForSelector('#pw-result ol.steps > li', WAIT);
    await A.fill('#pw-title', 'Chromium failover drill');
    await A.selectOption('#pw-kind', 'drill');
    await A.click('#pw-drill');
    await A.waitForSelector('#runs-view article.run', WAIT);
    const id = (await A.getAttribute('#runs-view article.run', 'data-id'))!;
    expect(id).toMatch(/^run-\d{8}-0001$/);
    const steps = await A.locator('li.run-step').count();
    expect(steps).toBeGreaterThan(4);
    expect(await A.locator('.run-now').textContent()).toContain('1.');

    // Operator B opens the same run.
    await B.goto(`${p.url}/#runs/${id}`);
    await B.waitForSelector(`#runs-view article.run[data-id="${id}"]`, WAIT);
    let seq = 1;

    // A starts step 1; B sees it.
    await A.click('li.run-step[data-n="1"] button.run-set[data-status="running"]');
    await seen(B, ++seq);
    expect(await stepStatus(B, 1)).toBe('running');
    // A fails it, pasting the output; B sees the failure and the evidence.
    await A.fill('#run-evidence', 'Get-CsBackupServiceStatus : Access is denied.');
    await A.fill('#run-note', 'access denied');
    await A.click('li.run-step[data-n="1"] button.run-set[data-status="failed"]');
    await seen(B, ++seq);
    expect(await stepStatus(B, 1)).toBe('failed');
    expect(await B.locator('li.run-step[data-n="1"] .run-evidence pre').textContent()).toBe('Get-CsBackupServiceStatus : Access is denied.');
    // A failed step offers the way back: the goal's failback plan.
    expect(await B.locator('li.run-step[data-n="1"] .run-rollback').textContent()).toContain(`lyncdr plan failback --pool ${POOL}`);
    // B retries and completes it; A sees it done.
    await B.click('li.run-step[data-n="1"] button.run-set[data-status="running"]');
    await seen(B, ++seq);
    await B.click('li.run-step[data-n="1"] button.run-set[data-status="done"]');
    await seen(A, ++seq);
    expect(await stepStatus(A, 1)).toBe('done');
    // B skips step 2: without a reason the page asks for one; with one it is recorded.
    await B.click('li.run-step[data-n="2"] button.run-set[data-status="skipped"]');
    await B.waitForSelector('.step-error[role="alert"]', WAIT);
    await B.fill('#run-reason', 'the failed pool cannot be queried in a drill');
    await B.click('li.run-step[data-n="2"] button.run-set[data-status="skipped"]');
    await seen(A, ++seq);
    expect(await stepStatus(A, 2)).toBe('skipped');
    expect(await A.locator('li.run-step[data-n="2"] .run-reason').textContent()).toContain('the failed pool cannot be queried in a drill');
    // The rest, turn by turn.
    for (let n = 3; n <= steps; n++) {
      const page = n % 2 ? A : B;
      await page.click(`li.run-step[data-n="${n}"] button.run-set[data-status="done"]`);
      seq++;
      await seen(A, seq);
      await seen(B, seq);
    }
    expect(await A.locator('li.run-step[data-status="done"]').count()).toBe(steps - 1);
    await A.click('#run-finish');
    await seen(B, ++seq);
    await B.waitForSelector('.run-done', WAIT);
    expect(await B.locator('.run-figures').textContent()).toMatch(/RTO/);

    // Every change is in the history, in order, with its operator.
    await B.click('#run-history summary');
    const rows = await B.locator('table.run-events tbody tr').allTextContents();
    expect(rows.length).toBe(seq + 1); // + the evidence row
    expect(rows[0]).toContain('alice');
    expect(rows.some((r) => r.includes('bob') && r.includes('the failed pool cannot be queried in a drill'))).toBe(true);

    // The report, downloaded from the page in French, read back.
    await B.selectOption('#run-lang', 'fr');
    const [download] = await Promise.all([B.waitForEvent('download', WAIT), B.click('#run-pdf')]);
    const file = path.join(dir, 'report.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`drill-report-${id}-fr.pdf`);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Chromium failover drill');
    expect(text).toContain('Invoke-CsPoolFailOver');
    expect(text).toContain('the failed pool cannot be queried in a drill');
    expect(text).toContain('alice');
    expect(text).toContain('bob');
    expect(text).toContain('RTO');
    // The sign-off block, and the run's own start time as the report prints it.
    expect(text).toContain('Vérificateur');
    const startedAt = (await B.getAttribute('#runs-view .run-head time, #runs-view .run-list time', 'datetime'))!;
    expect(text).toContain(startedAt.slice(11, 16));
    await a.context.close();
    await b.context.close();
  });
});
