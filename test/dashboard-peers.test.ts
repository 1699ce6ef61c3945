import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../apps/planner/src/server/agents/tokens';
import { launchBrowser, openDashboard, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { startTestPlanner, type TestPlanner } from '../apps/planner/src/testing/test-planner';

/** The peer cards on the Agents tab: one peer that answers, one that does not, in English and French. */
let browser: Browser;
const planners: TestPlanner[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const p of planners) await p.stop();
});

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('dashboard: peer planners', () => {
  it('shows a card per peer: reachable and up to date, or not answering with the reason; who sends the alerts', async () => {
    const london = await startTestPlanner({ self: { name: 'london' } });
    planners.push(london);
    const token = newToken();
    london.store.addToken('paris-peer', 'read', hashToken(token));
    const paris = await startTestPlanner({
      self: { name: 'paris' }, alerts: { peerOrder: ['london', 'paris', 'rome'] },
      peers: [{ name: 'london', url: london.url, token }, { name: 'rome', url: `http://127.0.0.1:${await closedPort()}`, token: 'x' }],
      peering: { pollSeconds: 0.2, timeoutSeconds: 2, downAfterSeconds: 600 },
    });
    planners.push(paris);
    const readToken = paris.addAgent('viewer', 'read');
    const { context, page } = await openDashboard(browser, { readToken } as DashboardPlanner);
    try {
      await page.goto(`${paris.url}/#agents`);
      const reachable = page.locator('article.peer[data-peer="london"][data-reachable="true"]');
      const silent = page.locator('article.peer[data-peer="rome"][data-reachable="false"]');
      // The cards follow the evaluations (a peer that starts or stops answering is judged at once) and a reload.
      await expect.poll(async () => {
        if (!(await reachable.count()) || !(await silent.count())) await page.reload();
        return (await reachable.count()) + (await silent.count());
      }, { timeout: 20_000 }).toBe(2);
      expect(await reachable.innerText()).toMatch(/london\s+reachable/);
      expect(await reachable.innerText()).toContain('up to date');
      expect(await silent.innerText()).toMatch(/rome\s+not answering/);
      expect(await silent.innerText()).toContain('ECONNREFUSED');
      expect(await page.locator('#peer-list .note').innerText()).toBe('Alerts are sent by london.');
      // The peer:<name> items are in the status table, in words.
      await page.goto(`${paris.url}/#status`);
      await expect.poll(async () => page.locator('#rows').innerText(), { timeout: 20_000 }).toContain('Peer planner rome');
      await page.goto(`${paris.url}/#agents`);
      await reachable.waitFor();
      await page.selectOption('#lang', 'fr');
      expect(await reachable.innerText()).toMatch(/london\s+joignable/);
      expect(await page.locator('#peer-list h3').first().innerText()).toBe('Planificateurs pairs');
    } finally {
      await context.close();
    }
  }, 60_000);
});
