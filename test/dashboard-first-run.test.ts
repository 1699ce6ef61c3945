import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { sessionsFor } from '../apps/planner/src/server/http/admin-link';

/**
 * Outside the demo: the page says how to make a read token, and the planner's one-time admin link signs a browser in
 * with a session cookie (no token pasted) — headless Chromium against a real planner.
 */
let p: DashboardPlanner;
let browser: Browser;

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

describe('first run in headless Chromium', () => {
  it('without a token the page says how to make one (lyncdr agents add <name> --role read) and where the admin link is, in English and French', async () => {
    for (const [lang, how, link] of [
      ['en-GB', 'No token yet? On the planner’s host, make a read token', 'one-time admin link'],
      ['fr-FR', 'Pas encore de jeton ? Sur l’hôte du planificateur, créez un jeton de lecture', 'lien d’administration à usage unique'],
    ] as const) {
      const { context, page, requests } = await openDashboard(browser, p, { token: null, lang });
      await page.goto(`${p.url}/`);
      await page.waitForSelector('#token-dialog[open]');
      const dialog = page.locator('#token-dialog');
      expect(await dialog.locator('#token-first p').first().textContent()).toContain(how);
      expect(await dialog.locator('#token-first code').textContent()).toBe('lyncdr agents add <name> --role read');
      expect(await dialog.locator('#token-first p').last().textContent()).toContain(link);
      expect(await page.locator('#message').textContent()).toContain('lyncdr agents add <name> --role read');
      // The command shown is the CLI's: a read token made that way opens the data.
      await page.fill('#token-input', p.readToken);
      await page.click('#token-dialog button[value="save"]');
      await page.waitForSelector('#rows tr');
      expect(foreignRequests(requests, p.url)).toEqual([]);
      await context.close();
    }
  });

  it('the one-time admin link signs the browser in: data without a token, "collect now" allowed; the link works once', async () => {
    const link = `${p.url}/login?token=${sessionsFor(p.store).issueLink()}`;
    const { context, page } = await openDashboard(browser, p, { token: null });
    await page.goto(link);
    await page.waitForSelector('#rows tr');
    expect(page.url()).toBe(`${p.url}/`);
    expect(await page.locator('#token-dialog').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => sessionStorage.getItem('lyncdr.token'))).toBeNull();
    // The cookie is HttpOnly: the page's scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['lyncdr_session', true, 'Strict']]);
    // An admin write from the page works with the cookie alone.
    const status = await page.evaluate(async () => (await fetch('/api/evaluate', { method: 'POST' })).status);
    expect(status).toBe(200);
    // A second browser with the same link gets nothing.
    const other = await openDashboard(browser, p, { token: null });
    const res = await other.page.goto(link);
    expect(res?.status()).toBe(403);
    expect(await other.context.cookies()).toEqual([]);
    await other.context.close();
    await context.close();
  });
});
