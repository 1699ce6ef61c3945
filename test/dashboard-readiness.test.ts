import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockerWords } from '../packages/documents/src/index';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner, type Page } from '../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-dashboard-readiness-'));
const P1 = 'pool01.contoso.example', P2 = 'pool02.contoso.example';
let p: DashboardPlanner;
let browser: Browser;
let fe: SimAgent;
let sent = 0;

interface Blocker { code: string; message: string; step: number | null; params: Record<string, unknown> }
interface Goal { goal: string; args: Record<string, string>; status: string; blockers: Blocker[]; rpoSeconds: number | null; rtoMinutes: number | null; plan: string }

/** The Backup Service of pool01 in ErrorState (or healthy), pool02's healthy, as the agent's backup-service collector reports them. */
async function reportBackupService(pool01Broken: boolean): Promise<void> {
  const t = new Date().toISOString();
  const modules = (healthy: boolean) => [{ identity: 'UserServices.PresenceFocus', exportStatus: healthy ? 'SteadyState' : 'ErrorState', importStatus: 'NormalState', healthy }];
  const obs = (pool: string, healthy: boolean) => ({ kind: 'backup-service', subject: pool, ok: healthy, lastGood: healthy ? t : null, findings: [], data: { modules: modules(healthy) } });
  await fe.report(`backup-service-${String(++sent).padStart(4, '0')}`, { collector: 'backup-service', startedAt: t, finishedAt: t, ok: true, observations: [obs(P1, !pool01Broken), obs(P2, true)] as never });
}

async function readiness(): Promise<Goal[]> {
  const res = await fetch(`${p.url}/api/readiness`, { headers: { authorization: `Bearer ${p.readToken}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { goals: Goal[] }).goals;
}

const row = (page: Page, i: number) => page.locator(`table.readiness tbody tr[data-i="${i}"]`);
const figure = async (page: Page, i: number, kind: 'rpo' | 'rto') => (await row(page, i).locator(`.rd-figure[data-kind="${kind}"] .rd-text`).textContent())?.replace(/\s+/g, ' ');

beforeAll(async () => {
  p = await startDashboardPlanner();
  fe = await connectSimAgent(p.agentUrl, { agentId: 'fe01a', token: p.addAgent('fe01a') });
  fe.hello(false, ['backup-service']);
  await reportBackupService(true);
  p.server.evaluator.evaluate();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fe?.close();
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard Readiness view in headless Chromium, against the planner\'s /api/readiness', () => {
  it('English: one row per goal with its status, blockers in words, RPO and RTO in text against the targets; live on the status stream', async () => {
    const goals = await readiness();
    const i1 = goals.findIndex((g) => g.goal === 'failover' && g.args.pool === P1);
    const edge = goals.findIndex((g) => g.goal === 'edge-failover');
    expect(goals[i1]!.status).toBe('blocked');
    const { context, page, requests } = await openDashboard(browser, p);
    await page.goto(`${p.url}/#readiness`);
    await page.waitForSelector('table.readiness tbody tr');
    expect(await page.locator('#readiness-h').textContent()).toBe('DR readiness');
    expect(await page.locator('a[href="#readiness"]').getAttribute('aria-current')).toBe('page');
    // One row per goal of the API, in its order, with its status.
    expect(await page.locator('table.readiness tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-goal'), tr.getAttribute('data-status')])))
      .toEqual(goals.map((g) => [g.goal, g.status]));
    // The status in words, not colour only.
    expect(await row(page, i1).locator('.badge').textContent()).toBe('blocked');
    expect(await row(page, edge).locator('.badge').textContent()).toBe('ready');
    expect(await row(page, i1).locator('th').textContent()).toContain('Failover of pool01');
    expect(await row(page, i1).locator('.rd-cli summary').textContent()).toBe('Command line');
    expect(await row(page, i1).locator('.rd-cli code').textContent()).toBe(goals[i1]!.plan);
    // The blocker in words: the Backup Service of pool01 in ErrorState.
    const error = goals[i1]!.blockers.find((b) => b.code === 'backup-service-error')!;
    expect(error.message).toMatch(/^Backup Service ErrorState for .* \(pool01\.contoso\.example → pool02\.contoso\.example\)/);
    expect(await row(page, i1).locator('.rd-blockers li[data-code="backup-service-error"]').textContent()).toBe(`${error.message}${error.step === null ? '' : ` (step ${error.step})`}`);
    expect(await row(page, edge).locator('.rd-why > .note').textContent()).toBe('none');
    // The facts the judgement used, with their source, one click away.
    expect(await row(page, edge).locator('.rd-facts summary').textContent()).toBe(`Facts used (${(goals[edge] as Goal & { facts: unknown[] }).facts.length})`);
    await row(page, edge).locator('.rd-facts summary').click();
    expect(await row(page, edge).locator('.rd-facts li').first().textContent()).toMatch(/^edgeNextHop:edge01\.contoso\.example: \S+ — topology$/);
    // RPO and RTO against the overlay's targets (pool01: 60 min and 120 min; the global ones: 1440 and 240), in text.
    expect(await figure(page, i1, 'rpo')).toBe('unknown (target 1 h)');
    expect(await figure(page, i1, 'rto')).toBe(`${goals[i1]!.rtoMinutes} min (target 2 h) within the target`);
    expect(await figure(page, edge, 'rpo')).toBe('0 s (target 1 d) within the target');
    // The bar repeats the text to scale for the eye (hidden from screen readers): RTO against 125 % of the target.
    const bar = row(page, i1).locator('.rd-figure[data-kind="rto"] svg');
    expect(await bar.getAttribute('aria-hidden')).toBe('true');
    expect(await bar.locator('rect.fill').getAttribute('width')).toBe(String(Math.round((goals[i1]!.rtoMinutes! / 150) * 200)));
    expect(await bar.locator('line.target').getAttribute('x1')).toBe('160');
    const count = (s: string) => goals.filter((g) => g.status === s).length;
    expect(await page.locator('.rd-summary').textContent()).toMatch(new RegExp(`^${count('ready')} ready, ${count('at-risk')} at risk, ${count('blocked')} blocked — judged `));

    // Live: the Backup Service is healthy again; the evaluation's status event reloads the view.
    await page.waitForFunction(() => document.body.dataset.live === 'true');
    await reportBackupService(false);
    await page.waitForSelector(`table.readiness tbody tr[data-i="${i1}"]:not([data-status="blocked"])`);
    expect(await row(page, i1).locator('.rd-blockers li[data-code="backup-service-error"]').count()).toBe(0);
    expect(await row(page, i1).getAttribute('data-status')).toBe((await readiness())[i1]!.status);
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });

  it('French: statuses, blockers, durations and verdicts in French; the plan opens in the wizard and downloads as a PDF', async () => {
    const goals = await readiness();
    const i2 = goals.findIndex((g) => g.goal === 'failover' && g.args.pool === P2);
    const edge = goals.findIndex((g) => g.goal === 'edge-failover');
    const cms = goals.findIndex((g) => g.goal === 'cms-failover');
    const { context, page, requests } = await openDashboard(browser, p, { lang: 'fr-FR' });
    await page.goto(`${p.url}/#readiness`);
    await page.waitForSelector('table.readiness tbody tr');
    expect(await page.locator('#readiness-h').textContent()).toBe('Préparation à la reprise');
    expect(await page.locator('a[href="#readiness"]').textContent()).toBe('Préparation');
    expect(await page.locator('table.readiness thead').textContent()).toContain('Obstacles');
    const words = { ready: 'prêt', 'at-risk': 'à risque', blocked: 'bloqué' } as Record<string, string>;
    expect(await page.locator('table.readiness tbody tr .badge').allTextContents()).toEqual(goals.map((g) => words[g.status]));
    expect(await row(page, i2).locator('th').textContent()).toContain('Basculement de pool02');
    expect(await row(page, cms).locator('th').textContent()).toContain('Basculement du magasin central de gestion');
    // Each blocker in the printed worksheet's French words.
    const blocker = goals[i2]!.blockers[0]!;
    expect(await row(page, i2).locator('.rd-blockers li').first().textContent()).toBe(blockerWords(blocker as never, 'fr'));
    expect(await row(page, i2).locator('.rd-blockers li').first().textContent()).toMatch(/^inconnu maintenant \(aucun rapport récent\) : /);
    expect(await figure(page, i2, 'rpo')).toBe('inconnu (cible 1 j)');
    expect(await figure(page, i2, 'rto')).toBe(`${goals[i2]!.rtoMinutes} min (cible 4 h) dans la cible`);
    expect(await figure(page, edge, 'rto')).toBe('inconnu (cible 4 h)');

    // The plan one click away: the wizard opens on the goal with its pool, and plans the steps.
    await row(page, i2).locator('button.rd-open').click();
    await page.waitForSelector('#pw-result ol.steps > li');
    expect(page.url()).toMatch(/#documents$/);
    expect(await page.inputValue('#pw-goal')).toBe('failover');
    expect(await page.inputValue('#pw-pool')).toBe(P2);
    expect(await page.isChecked(`.pw-down[value="${P2}"]`)).toBe(true);
    expect(await page.locator('#pw-result').textContent()).toContain(`Invoke-CsPoolFailOver -PoolFqdn ${P2} -DisasterMode`);

    // And as a PDF in French, straight from the Readiness view.
    await page.goto(`${p.url}/#readiness`);
    await page.waitForSelector('table.readiness tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), row(page, edge).locator('button.rd-pdf').click()]);
    expect(download.suggestedFilename()).toBe('plan-edge-failover-fr.pdf');
    const file = path.join(dir, 'plan.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Plan de reprise');
    expect(pdf).toContain(goals[edge]!.args.pool);
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });
});
