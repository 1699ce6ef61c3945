import { launchBrowser, openDashboard, startDashboardPlanner } from '../../apps/planner/src/dashboard/testing/dashboard-planner';
const p = await startDashboardPlanner({ total: 2000 });
const browser = await launchBrowser();
for (let k = 0; k < 2; k++) {
const { context, page } = await openDashboard(browser, p);
await page.addInitScript(() => { new MutationObserver(() => { if (document.querySelectorAll('#rows tr').length >= 2000 && !(window as any).__rows) (window as any).__rows = performance.now(); }).observe(document, { childList: true, subtree: true }); });
const t0 = Date.now();
await page.goto(`${p.url}/`);
await page.waitForFunction(() => document.querySelectorAll('#rows tr').length >= 2000, null, { polling: 'raf' });
console.log('wall', Date.now() - t0);
console.log(await page.evaluate(() => JSON.stringify({ rows: (window as any).__rows, nav: performance.getEntriesByType('navigation').map((e: any) => [e.responseEnd, e.domInteractive, e.domContentLoadedEventEnd]), res: performance.getEntriesByType('resource').map((e: any) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]) })));
await context.close();
}
await browser.close(); await p.stop();
