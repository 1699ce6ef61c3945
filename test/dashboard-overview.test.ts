import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner, type Page } from '../apps/planner/src/testing/dashboard-planner';

/**
 * The overview picture: no arrow crosses any label (measured in the page: every text's box from getBBox against
 * points sampled along every arrow), and the pool boxes show their readiness when the planner serves /api/readiness.
 */
const shots = mkdtempSync(path.join(tmpdir(), 'lyncdr-overview-shots-'));
let p: DashboardPlanner;
let browser: Browser;

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
  if (process.env.LYNCDR_KEEP_SHOTS === '1') console.log(`overview screenshots kept in ${shots}`);
  else rmSync(shots, { recursive: true, force: true });
});

/** Every (text, arrow) pair where a point of the arrow, sampled every half unit, lies in the text's box (grown by 1). */
async function crossings(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#diagram svg')!;
    const texts = Array.from(svg.querySelectorAll('text')).map((el) => ({ text: el.textContent ?? '', box: el.getBBox() }));
    const arrows = Array.from(svg.querySelectorAll<SVGPathElement>('path.arrow'));
    const hits: string[] = [];
    for (const a of arrows) {
      const len = a.getTotalLength();
      for (let d = 0; d <= len; d += 0.5) {
        const pt = a.getPointAtLength(d);
        for (const tx of texts) {
          const b = tx.box;
          if (pt.x >= b.x - 1 && pt.x <= b.x + b.width + 1 && pt.y >= b.y - 1 && pt.y <= b.y + b.height + 1) hits.push(`${tx.text} × ${a.getAttribute('d')}`);
        }
      }
    }
    return { hits: [...new Set(hits)], texts: texts.length, arrows: arrows.length, empty: texts.filter((x) => x.box.width === 0).map((x) => x.text) };
  });
}

describe('overview picture in headless Chromium', () => {
  it('no arrow crosses a label, in English and French, at 1,280 px and at phone width', async () => {
    for (const [lang, width] of [['en-GB', 1280], ['fr-FR', 1280], ['en-GB', 390]] as const) {
      const { context, page, requests } = await openDashboard(browser, p, { lang, width, height: 844 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${p.url}/#overview`);
      await page.waitForSelector('#diagram svg g.pool');
      // Wait for the readiness badges (the planner serves /api/readiness): the picture is then final.
      await page.waitForSelector('#diagram g.pool g.readiness');
      const c = await crossings(page);
      expect(c.arrows).toBe(p.topology.pairs.length * 2 + p.topology.pools.filter((x) => x.kind === 'Edge' && x.nextHop).length +
        [p.topology.federation?.lyncEdge, p.topology.federation?.xmppEdge].filter(Boolean).length);
      expect(c.texts).toBeGreaterThan(p.topology.pools.length * 2);
      expect(c.empty).toEqual([]);
      expect(c.hits).toEqual([]);
      // Labels do not overlap one another either.
      const overlaps = await page.evaluate(() => {
        const boxes = Array.from(document.querySelectorAll('#diagram svg text.label, #diagram svg g.pair text')).map((el) => ({ t: el.textContent, b: (el as SVGTextElement).getBBox() }));
        const out: string[] = [];
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
          if (a.b.x < b.b.x + b.b.width && b.b.x < a.b.x + a.b.width && a.b.y < b.b.y + b.b.height && b.b.y < a.b.y + a.b.height) out.push(`${a.t} / ${b.t}`);
        }));
        return out;
      });
      expect(overlaps).toEqual([]);
      await page.screenshot({ path: path.join(shots, `overview-${lang}-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
      expect(foreignRequests(requests, p.url)).toEqual([]);
      await context.close();
    }
  });

  it('each pool box with a goal shows its readiness as /api/readiness judges it', async () => {
    const res = await fetch(`${p.url}/api/readiness`, { headers: { authorization: `Bearer ${p.readToken}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { goals: { args: Record<string, string>; status: string }[] };
    const rank: Record<string, number> = { ready: 0, 'at-risk': 1, blocked: 2 };
    const expected = new Map<string, string>();
    for (const g of body.goals) {
      const pool = g.args.pool;
      if (pool && (!expected.has(pool) || rank[g.status]! > rank[expected.get(pool)!]!)) expected.set(pool, g.status);
    }
    expect(expected.size).toBeGreaterThan(0);
    const { context, page } = await openDashboard(browser, p);
    await page.goto(`${p.url}/#overview`);
    await page.waitForSelector('#diagram g.pool g.readiness');
    const shown = await page.locator('#diagram g.pool').evaluateAll((gs) => gs.map((g) => [(g as SVGGElement).dataset.pool, g.querySelector<SVGGElement>('g.readiness')?.dataset.readiness ?? null]));
    expect(new Map(shown.filter(([, r]) => r !== null) as [string, string][])).toEqual(expected);
    const pool = [...expected.keys()][0]!;
    const word: Record<string, string> = { ready: 'ready', 'at-risk': 'at risk', blocked: 'blocked' };
    expect(await page.locator(`#diagram g.pool[data-pool="${pool}"] g.readiness`).textContent()).toBe(`Readiness:${word[expected.get(pool)!]}`);
    expect(await page.locator(`#diagram g.pool[data-pool="${pool}"]`).getAttribute('aria-label')).toContain(`Readiness: ${word[expected.get(pool)!]}`);
    await context.close();
  });

  it('a planner without /api/readiness: the boxes show no readiness and the picture draws all the same', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    await context.route('**/api/readiness*', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"E_HTTP_NOT_FOUND","message":"no such endpoint"}}' }));
    await page.goto(`${p.url}/#overview`);
    await page.waitForSelector('#diagram svg g.pool');
    await expect.poll(() => requests.filter((u) => u.includes('/api/readiness')).length).toBeGreaterThan(0);
    expect(await page.locator('#diagram g.pool').count()).toBe(p.topology.pools.length);
    expect(await page.locator('#diagram g.readiness').count()).toBe(0);
    expect(await page.locator('#message').isHidden()).toBe(true);
    expect((await crossings(page)).hits).toEqual([]);
    await context.close();
  });
});
