import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent } from '../apps/planner/src/testing/sim-agent';

/** The agent card shows the agent's clock offset and what the planner refused from it, in English and French. */
let p: DashboardPlanner;
let browser: Browser;

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
  // fe1's clock is 10 minutes ahead: its hello says so, and a backup it dates 9999 is refused.
  const ahead = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(Date.now() + 10 * 60_000) });
  ahead.hello();
  const item = p.items.find((i) => i.kind === 'filestore')!.id;
  const at = new Date().toISOString();
  await ahead.report('rep-fe1-000001', {
    collector: 'file-store', startedAt: at, finishedAt: at, ok: true,
    observations: [{ kind: 'file-store', subject: item, itemId: item, lastGood: '9999-12-31T00:00:00.000Z', ok: true, findings: [], data: {} }],
  });
  ahead.close();
  const inStep = await connectSimAgent(p.agentUrl, { agentId: 'fe2', token: p.addAgent('fe2') });
  inStep.hello();
  await inStep.report('rep-fe2-000001');
  inStep.close();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

describe('agent card: clock offset and refusals', () => {
  it('says how far ahead the agent clock is and lists the refusals, in English', async () => {
    const { context, page } = await openDashboard(browser, p);
    await page.goto(`${p.url}/#agents`);
    const fe1 = page.locator('article[data-agent="fe1"]');
    await fe1.waitFor();
    expect(await fe1.locator('dd.clock').textContent()).toMatch(/^(9|10) min ahead of the planner$/);
    const refused = await fe1.locator('ul.refused li').allTextContents();
    expect(refused).toHaveLength(2);
    expect(refused.join('\n')).toMatch(/E_CLOCK_SKEW .*last good backup of .* dated 9999-12-31T00:00:00\.000Z/);
    expect(refused.join('\n')).toMatch(/E_CLOCK_SKEW .*the agent's clock is (9|10) min ahead of the planner's clock/);
    // fe2's clock is the planner's: in step, unless the machine was so busy that the hello took over a second to arrive.
    expect(await page.locator('article[data-agent="fe2"] dd.clock').textContent()).toMatch(/^(in step with the planner|\d+ s behind the planner)$/);
    expect(await page.locator('article[data-agent="fe2"] ul.refused').count()).toBe(0);
    await context.close();
  });

  it('says it in French', async () => {
    const { context, page } = await openDashboard(browser, p, { lang: 'fr-FR' });
    await page.goto(`${p.url}/#agents`);
    const fe1 = page.locator('article[data-agent="fe1"]');
    await fe1.waitFor();
    expect(await fe1.locator('dd.clock').textContent()).toMatch(/^(9|10) min d’avance sur le planificateur$/);
    expect(await fe1.locator('strong', { hasText: 'Refusé par le planificateur' }).count()).toBe(1);
    expect(await page.locator('article[data-agent="fe2"] dd.clock').textContent()).toMatch(/^(à l’heure du planificateur|\d+ s de retard sur le planificateur)$/);
    await context.close();
  });
});
