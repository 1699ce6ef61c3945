/**
 * Run by `pnpm exec tsx tools/bench/dashboard-browser.ts` (not part of `pnpm bench`: it measures the page in a
 * browser, with the planner in this process, so it is not a whole-process row).
 *
 * Dashboard speed in headless Chromium against a real planner on loopback with 2,000 inventory items:
 * first render (navigation → every row in the table) against the peer "fetch /api/status alone", and the time from a
 * report's ack to the new status visible in an open page (planner at its production evaluation debounce).
 */
import type { Observation } from '@lyncdr/protocol';
import { launchBrowser, openDashboard, startDashboardPlanner } from '../../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent } from '../../apps/planner/src/testing/sim-agent';

interface BenchResult {
  name: string;
  value: number;
  unit: 'ms';
  target?: string;
  peer?: { name: string; value: number };
  ratio?: number;
  note?: string;
}

const ITEMS = Number(process.env.LYNCDR_BENCH_DASHBOARD_ITEMS ?? 2000);
const RUNS = Number(process.env.LYNCDR_BENCH_RUNS ?? 7);
const LIVE_REPORTS = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const esc = (id: string) => id.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

const bench = {
  id: 'dashboard',
  description: `dashboard first render with ${ITEMS} items and live update after an ack (headless Chromium, loopback)`,
  async run(): Promise<BenchResult[]> {
    const p = await startDashboardPlanner({ total: ITEMS, evaluateDebounceMs: 1000 });
    const browser = await launchBrowser();
    const agent = await connectSimAgent(p.agentUrl, { agentId: 'bench', token: p.addAgent('bench') });
    try {
      agent.hello();
      // Every item has a recent good backup, so the table shows real dates and ages.
      const at = new Date(Date.now() - 3_600_000).toISOString();
      const observations: Observation[] = p.items.map((i) => ({ kind: 'file-store', subject: i.id, itemId: i.id, lastGood: at, ok: true, findings: [], data: {} }));
      await agent.report('bench-all', { collector: 'file-store', startedAt: at, finishedAt: at, observations });
      await sleep(1500);
      p.server.evaluator.evaluate();

      const peer: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${p.url}/api/status`, { headers: { authorization: `Bearer ${p.readToken}` } });
        await res.json();
        peer.push(performance.now() - t0);
      }
      // Times from the browser's own clock, from the start of the navigation: the first rows of the table shown
      // (the first screenful, rendered at once) and every row in (the rest follows on the next task).
      const first: number[] = [];
      const full: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const { context, page } = await openDashboard(browser, p);
        await page.goto(`${p.url}/`);
        await page.waitForFunction((n) => document.querySelectorAll('#rows tr').length >= n && performance.getEntriesByName('lyncdr:status-rendered').length > 0, ITEMS, { timeout: 30_000 });
        const [a, b] = await page.evaluate(() => ['lyncdr:first-rows', 'lyncdr:status-rendered'].map((n) => performance.getEntriesByName(n)[0]!.startTime));
        first.push(a!);
        full.push(b!);
        await context.close();
      }

      const { context, page } = await openDashboard(browser, p);
      if (process.env.LYNCDR_BENCH_DEBUG) page.on('console', (m) => console.error('page:', m.text()));
      await page.goto(`${p.url}/`);
      await page.waitForSelector('body[data-live="true"]', { timeout: 30_000 });
      const live: number[] = [];
      const inPage: number[] = [];
      for (let i = 0; i < LIVE_REPORTS; i++) {
        await sleep(1200); // reports of one agent arrive minutes apart in production; the evaluation debounce is 1 s
        const item = p.items[(i * 37) % p.items.length]!;
        const when = new Date(Date.now() - 1000 * (i + 1)).toISOString();
        await agent.report(`bench-live-${i}`, {
          collector: 'file-store', startedAt: when, finishedAt: when,
          observations: [{ kind: 'file-store', subject: item.id, itemId: item.id, lastGood: when, ok: true, findings: [], data: {} }],
        });
        const acked = performance.now();
        await page.waitForSelector(`#rows tr[data-id="${esc(item.id)}"] time[datetime="${when}"]`, { state: 'attached', timeout: 30_000 });
        live.push(performance.now() - acked);
        // The browser's part: from the server-sent event to the row updated (the rest is the planner's evaluation).
        // (No named functions inside evaluate: the TypeScript loader would wrap them in a helper the page lacks.)
        inPage.push(await page.evaluate(() => performance.getEntriesByName('lyncdr:status-applied').at(-1)!.startTime -
          performance.getEntriesByName('lyncdr:status-event').at(-1)!.startTime));
      }
      await context.close();
      const firstMs = median(first);
      const fullMs = median(full);
      const peerMs = median(peer);
      const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
      return [
        { name: `first render, ${ITEMS} items: first rows shown (median of ${RUNS})`, value: firstMs, unit: 'ms', target: '< 1000 ms', peer: { name: 'fetch /api/status alone', value: peerMs }, ratio: firstMs / peerMs, note: `load average ${load}` },
        { name: `first render, ${ITEMS} items: every row in the table (median of ${RUNS})`, value: fullMs, unit: 'ms', target: '< 1000 ms', peer: { name: 'fetch /api/status alone', value: peerMs }, ratio: fullMs / peerMs },
        { name: `report visible after its ack (median of ${LIVE_REPORTS})`, value: median(live), unit: 'ms', target: '< 500 ms', note: `max ${Math.max(...live).toFixed(0)} ms; in the page (event → row updated) median ${median(inPage).toFixed(0)} ms, the rest is the planner's evaluation of every item` },
      ];
    } finally {
      agent.close();
      await browser.close();
      await p.stop();
    }
  },
};

for (const r of await bench.run()) {
  console.log(`${r.name}: ${r.value.toFixed(0)} ${r.unit}${r.peer ? `; ${r.peer.name} ${r.peer.value.toFixed(0)} ${r.unit} (${r.ratio!.toFixed(1)}×)` : ''}${r.target ? `; target ${r.target}` : ''}${r.note ? `; ${r.note}` : ''}`);
}
