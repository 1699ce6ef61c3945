import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../packages/store/src/index';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { overviewOperations } from '../apps/planner/src/server/deployments/overview-routes';
import { launchBrowser, type Browser } from '../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent } from '../apps/planner/src/testing/sim-agent';
import { repoRoot, startPlannerProcess, type PlannerProcess } from './planner-helpers';

/**
 * One planner process (`lyncdr serve --config examples/planner-two-deployments.yaml`) serving two deployments
 * (examples/two-site as "contoso", examples/sfb2019-two-site as "litware"), each with its own SQLite file and tokens; a global admin token
 * for the overview and both. Tokens are made with the CLI, agents speak the real protocol over real sockets.
 */
const CONTOSO_FS = 'filestore:\\\\fs01.contoso.example\\lyncshare';
const LITWARE_FS = 'filestore:\\\\fs01.litware.example\\sfbshare';

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

let dir = '';
let yaml = '';
let data = '';
let planner: PlannerProcess;
const tokens: Record<string, string> = {};

const cli = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runCli(argv, createCliContext({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir }));
  return { code, out, err };
};
const addToken = async (key: string, ...argv: string[]) => {
  const r = await cli('agents', 'add', ...argv, '--config', yaml, '--data', data, '--json');
  expect(r.code, r.err).toBe(0);
  tokens[key] = (JSON.parse(r.out) as { token: string }).token;
};
const get = (p: string, token?: string) => fetch(`${planner.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-deployments-'));
  // The bundled example config, with its data folder and port given on the command line.
  yaml = path.join(repoRoot, 'examples', 'planner-two-deployments.yaml');
  data = path.join(dir, 'data');
  await addToken('contosoAgent', 'fe-contoso', '--deployment', 'contoso');
  await addToken('contosoRead', 'viewer', '--deployment', 'contoso', '--role', 'read');
  await addToken('contosoAdmin', 'ops', '--deployment', 'contoso', '--role', 'admin');
  await addToken('litwareAgent', 'fe-litware', '--deployment', 'litware');
  await addToken('litwareRead', 'viewer', '--deployment', 'litware', '--role', 'read');
  await addToken('global', 'noc', '--global', '--role', 'admin');
  planner = await startPlannerProcess(['--config', yaml, '--data', data, '--port', '0']);
}, 90_000);

afterAll(async () => {
  planner?.child.kill('SIGTERM');
  await planner?.exited;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one planner, two deployments, scoped tokens', () => {
  it('the token commands say which deployment a token belongs to, and refuse to guess', async () => {
    expect(await cli('agents', 'add', 'x', '--config', yaml, '--data', data)).toMatchObject({ code: 2, err: expect.stringMatching(/E_USAGE.*--deployment <name>/s) });
    expect(await cli('agents', 'add', 'x', '--config', yaml, '--data', data, '--deployment', 'fabrikam')).toMatchObject({ code: 2, err: expect.stringMatching(/E_DEPLOYMENT_UNKNOWN.*contoso, litware/s) });
    expect(await cli('agents', 'add', 'x', '--config', yaml, '--data', data, '--global', '--role', 'read')).toMatchObject({ code: 2, err: expect.stringMatching(/E_USAGE.*global token is an admin token/s) });
    const list = await cli('agents', 'list', '--config', yaml, '--data', data, '--deployment', 'litware', '--json');
    expect((JSON.parse(list.out) as { agents: { name: string }[] }).agents.map((a) => a.name)).toEqual(['fe-litware', 'viewer']);
  });

  it("a read or admin token of contoso reads contoso and nothing of litware: API, events, documents, runs, dashboard data, metrics, OpenAPI", async () => {
    expect((await get('/d/contoso/api/status', tokens.contosoRead)).status).toBe(200);
    const litwarePaths = [
      '/api/status', '/api/dashboard/items', '/api/agents', '/api/alerts', '/api/topology', '/api/policy', '/api/runs', '/api/readiness',
      '/api/stale-documents', '/api/documents/worksheet?kind=filestore&lang=en&format=md', '/api/items/x/history', '/api/events',
      '/openapi.json', '/metrics',
    ];
    for (const p of litwarePaths) {
      expect((await get(`/d/litware${p}`)).status, `${p} without a token`).toBe(401);
      for (const t of [tokens.contosoRead, tokens.contosoAdmin]) {
        const r = await get(`/d/litware${p}`, t);
        expect(r.status, `${p} with a contoso token`).toBe(403);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_AUTH');
      }
      // Litware's own read token reads it (the events stream is left open: only its headers are awaited).
      const own = await get(`/d/litware${p}`, tokens.litwareRead);
      expect([200, 404], `${p} with litware's token`).toContain(own.status);
      await own.body?.cancel();
    }
    // A write with contoso's admin token on litware is refused too.
    const collect = await fetch(`${planner.url}/d/litware/api/agents/fe-litware/collect`, { method: 'POST', headers: { authorization: `Bearer ${tokens.contosoAdmin}` }, body: '{"collector":"file-store"}' });
    expect(collect.status).toBe(403);
    // Neither reads the overview: it is the global admin token's.
    expect((await get('/api/deployments', tokens.contosoAdmin)).status).toBe(403);
  });

  it("contoso's agent token is refused at litware's endpoint and ping URLs; each agent's reports land in its deployment only", async () => {
    const agentUrl = (name: string) => `${planner.url.replace(/^http/, 'ws')}/d/${name}/agent`;
    // The wrong deployment: the socket is closed (policy) whether the token is in the header or in the hello.
    const stranger = await connectSimAgent(agentUrl('litware'), { agentId: 'fe-contoso', token: tokens.contosoAgent, header: false });
    stranger.hello(true);
    expect((await stranger.closed).code).toBe(1008);
    const withHeader = await connectSimAgent(agentUrl('litware'), { agentId: 'fe-contoso', token: tokens.contosoAgent });
    withHeader.hello(true);
    await expect(withHeader.report('rep-stranger-1')).rejects.toThrow(/closed 1008/);
    const ping = await fetch(`${planner.url}/d/litware/ping/${encodeURIComponent(LITWARE_FS)}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.contosoAgent}` } });
    expect([401, 403]).toContain(ping.status);
    const ownPing = await fetch(`${planner.url}/d/litware/ping/${encodeURIComponent(LITWARE_FS)}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.litwareAgent}` } });
    expect(ownPing.status).toBe(200);

    const now = () => new Date();
    const observation = (itemId: string, subject: string) => ({ observations: [{ kind: 'file-store' as const, subject, itemId, lastGood: now().toISOString(), ok: true, findings: [], data: { files: 3 } }] });
    const contoso = await connectSimAgent(agentUrl('contoso'), { agentId: 'fe-contoso', token: tokens.contosoAgent });
    const litware = await connectSimAgent(agentUrl('litware'), { agentId: 'fe-litware', token: tokens.litwareAgent });
    try {
      contoso.hello(true);
      litware.hello(true);
      await contoso.report('rep-contoso-1', observation(CONTOSO_FS, '\\\\fs01.contoso.example\\lyncshare'));
      await litware.report('rep-litware-1', observation(LITWARE_FS, '\\\\fs01.litware.example\\sfbshare'));
      type Status = { deployment: string; items: { itemId: string; status: string }[] };
      const status = async (name: string) => (await (await get(`/d/${name}/api/status`, tokens.global)).json()) as Status;
      await until('contoso file store ok', async () => (await status('contoso')).items.find((i) => i.itemId === CONTOSO_FS)?.status === 'ok');
      await until('litware file store ok', async () => (await status('litware')).items.find((i) => i.itemId === LITWARE_FS)?.status === 'ok');
      expect((await status('contoso')).deployment).toBe('Contoso (Paris + Lyon)');
      expect((await status('litware')).items.some((i) => i.itemId === CONTOSO_FS)).toBe(false);
      expect((await status('contoso')).items.some((i) => i.itemId === LITWARE_FS)).toBe(false);
      const agents = async (name: string) => ((await (await get(`/d/${name}/api/agents`, tokens.global)).json()) as { agents: { name: string; connected: boolean }[] }).agents;
      expect((await agents('contoso')).filter((a) => a.connected).map((a) => a.name)).toEqual(['fe-contoso']);
      expect((await agents('litware')).filter((a) => a.connected).map((a) => a.name)).toEqual(['fe-litware']);

      // The global admin token reads the overview: both deployments with their counts and agents.
      const overview = (await (await get('/api/deployments', tokens.global)).json()) as { deployments: { name: string; topology: string; path: string; counts: Record<string, number>; agents: { connected: number; known: number } }[] };
      expect(overview.deployments.map((d) => [d.name, d.topology, d.path, d.agents])).toEqual([
        ['contoso', 'Contoso (Paris + Lyon)', '/d/contoso/', { connected: 1, known: 1 }],
        ['litware', 'Litware (Amsterdam + Rotterdam)', '/d/litware/', { connected: 1, known: 1 }],
      ]);
      for (const d of overview.deployments) expect(d.counts.ok).toBeGreaterThanOrEqual(1);
      expect(overviewOperations['GET /api/deployments']!.response!.safeParse(overview).success).toBe(true);
    } finally {
      contoso.close();
      litware.close();
    }
    // On disk: each report is in its deployment's own database, none in the other's or the planner's.
    const count = (file: string, id: string) => {
      const s = createSqliteStore({ file, now: () => new Date() });
      try {
        return s.hasReport(id);
      } finally {
        s.close();
      }
    };
    const db = (name: string) => path.join(data, 'deployments', name, 'planner.sqlite');
    // lyncdr db backup --deployment copies that deployment's database (while the planner runs).
    const backup = await cli('db', 'backup', path.join(dir, 'litware-copy.sqlite'), '--config', yaml, '--data', data, '--deployment', 'litware', '--json');
    expect(backup.code, backup.err).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ integrity: 'ok', tokens: 2 });
    expect([count(db('contoso'), 'rep-contoso-1'), count(db('contoso'), 'rep-litware-1'), count(db('litware'), 'rep-litware-1'), count(db('litware'), 'rep-contoso-1')]).toEqual([true, false, true, false]);
  });

  it('serves each dashboard under /d/<name>/ with relative URLs, the overview page at /, and one OpenAPI description of them all', async () => {
    const page = await get('/d/contoso/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('src="/d/contoso/assets/app.js"');
    expect(html).not.toContain('"/assets/');
    expect(html).toContain('id="all-deployments"');
    for (const m of html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)) expect((await get(m[1]!)).status, m[1]).toBe(200);
    const bare = await fetch(`${planner.url}/d/contoso`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([308, '/d/contoso/']);
    const unknown = await get('/d/fabrikam/api/status', tokens.global);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('E_DEPLOYMENT_UNKNOWN');
    const overview = await get('/');
    expect(await overview.text()).toContain('src="/assets/deployments.js"');

    const doc = (await (await get('/openapi.json', tokens.global)).json()) as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/deployments', '/d/{deployment}/api/status', '/d/{deployment}/ping/{item}']));
    expect(doc.paths['/d/{deployment}/api/status']!.get!.parameters?.map((p) => p.name)).toContain('deployment');
    const own = (await (await get('/d/litware/openapi.json', tokens.litwareRead)).json()) as { servers: { url: string }[] };
    expect(own.servers).toEqual([expect.objectContaining({ url: '/d/litware' })]);
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('the dashboards of two deployments in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  const open = async (storage: Record<string, string>) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await context.addInitScript((s) => {
      for (const [k, v] of Object.entries(s)) sessionStorage.setItem(k, v);
    }, storage);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    return { context, page, requests };
  };

  it("litware's dashboard under /d/litware/ asks only litware's paths and names it; contoso's token there is refused", async () => {
    const { context, page, requests } = await open({ 'lyncdr.token:litware': tokens.litwareRead! });
    await page.goto(`${planner.url}/d/litware/`);
    await page.waitForSelector('#rows tr');
    expect(await page.locator('#deployment').textContent()).toBe('— litware · Litware (Amsterdam + Rotterdam)');
    expect(await page.locator('#all-deployments').getAttribute('href')).toBe('/');
    // The event stream opens after the first data is shown: wait for its request rather than expect it already made.
    await expect.poll(() => requests.includes('/d/litware/api/events'), { timeout: 30_000, interval: 100 }).toBe(true);
    expect(requests).toContain('/d/litware/api/status');
    expect(requests.filter((p) => !p.startsWith('/d/litware/'))).toEqual([]);
    await context.close();

    const stranger = await open({ 'lyncdr.token:litware': tokens.contosoRead! });
    await stranger.page.goto(`${planner.url}/d/litware/`);
    await stranger.page.waitForSelector('#token-dialog[open]');
    expect(await stranger.page.locator('#rows tr').count()).toBe(0);
    await stranger.context.close();
  });

  it('the overview lists both deployments for the global token, and its links open each dashboard with it', async () => {
    const { context, page } = await open({ 'lyncdr.token': tokens.global! });
    await page.goto(`${planner.url}/`);
    await page.waitForSelector('#deployments tbody tr');
    expect(await page.locator('#deployments tbody tr td:first-child').allTextContents()).toEqual(['contoso', 'litware']);
    await page.click('a[href="d/contoso/"]');
    await page.waitForSelector('#rows tr');
    expect(page.url()).toBe(`${planner.url}/d/contoso/`);
    expect(await page.locator('#deployment').textContent()).toContain('contoso');
    await context.close();

    const none = await open({});
    await none.page.goto(`${planner.url}/`);
    await none.page.waitForSelector('#token-form:not([hidden])');
    await none.page.fill('#token', tokens.global!);
    await none.page.click('#token-form button[type="submit"]');
    await none.page.waitForSelector('#deployments tbody tr');
    await none.context.close();
  });
});
