/**
 * For the dashboard's browser tests and benchmark: a real planner on port 0 loaded with the example deployment, and
 * headless Chromium (Debian's /usr/bin/chromium driven by playwright-core).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { InventoryItem } from '@lyncdr/domain';
import { userPools, type Topology } from '@lyncdr/topology';
import { loadDeployment } from '../cli/io';
import { inventoryItems } from '../server/deployment';
import { startTestPlanner, type TestPlanner } from './test-planner';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

export interface DashboardPlanner extends TestPlanner {
  topology: Topology;
  items: InventoryItem[];
  readToken: string;
  adminToken: string;
}

/** Synthetic file-share items added to the example deployment (to reach a given number of items). */
function extraItems(topology: Topology, count: number): InventoryItem[] {
  const pools = userPools(topology);
  return Array.from({ length: count }, (_, i) => {
    const pool = pools[i % pools.length]!;
    return {
      id: `filestore:\\\\fs${String(i).padStart(4, '0')}.contoso.example\\share`, kind: 'filestore', name: `Share ${i}`, description: 'synthetic share',
      host: `fs${i}.contoso.example`, scope: 'pool', scopeRef: pool.fqdn, tool: 'Robocopy', command: null, frequency: { periodHours: 24, text: 'daily' },
      restore: 'Robocopy', ref: 'lync-server-2013-backing-up-file-stores.md', pools: [pool.fqdn],
    } satisfies InventoryItem;
  });
}

/**
 * A real planner on port 0 with the bundled example deployment (examples/two-site) loaded, documents on demand, a read
 * token and an admin token; `total` pads the inventory with synthetic items up to that many, `overlay` replaces the
 * example's lyncdr.yaml and `now` is the planner's clock.
 */
export async function startDashboardPlanner(o: { total?: number; openRead?: boolean; evaluateDebounceMs?: number; now?: () => Date; overlay?: string } = {}): Promise<DashboardPlanner> {
  const topology = await loadDeployment(path.join(repoRoot, 'examples/two-site/topology.xml'), o.overlay ?? path.join(repoRoot, 'examples/two-site/lyncdr.yaml'), repoRoot);
  const base = inventoryItems(topology);
  const items = [...base, ...extraItems(topology, Math.max(0, (o.total ?? 0) - base.length))];
  const planner: TestPlanner = await startTestPlanner({ api: { openRead: o.openRead ?? false } }, {
    topology, items: () => items, ...(o.evaluateDebounceMs === undefined ? {} : { evaluateDebounceMs: o.evaluateDebounceMs }), ...(o.now ? { now: o.now } : {}),
  });
  planner.server.evaluator.evaluate();
  return { ...planner, topology, items, readToken: planner.addAgent('viewer', 'read'), adminToken: planner.addAgent('operator', 'admin') };
}

/** A page that carries the token in sessionStorage (as the token dialog would) and records every request URL. */
export async function openDashboard(browser: Browser, p: DashboardPlanner, o: { token?: string | null; width?: number; height?: number; lang?: string } = {}):
Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width: o.width ?? 1280, height: o.height ?? 800 }, acceptDownloads: true, locale: o.lang ?? 'en-GB' });
  const token = o.token === undefined ? p.readToken : o.token;
  if (token) await context.addInitScript((t) => sessionStorage.setItem('lyncdr.token', t), token);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, requests };
}

/** Every request went to the planner (blob: and data: URLs are the page's own downloads and images). */
export const foreignRequests = (requests: string[], base: string) =>
  requests.filter((u) => !u.startsWith(`${base}/`) && u !== base && !u.startsWith('blob:') && !u.startsWith('data:'));
