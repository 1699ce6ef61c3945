import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSimAgent } from '../testing/sim-agent';
import { startDashboardPlanner, type DashboardPlanner } from '../testing/dashboard-planner';

let p: DashboardPlanner;
beforeAll(async () => {
  p = await startDashboardPlanner();
});
afterAll(() => p?.stop());

const get = (path: string, token: string | null = p.readToken) => fetch(`${p.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const json = async <T>(path: string) => (await (await get(path)).json()) as T;

describe('dashboard routes on a real planner', () => {
  it('serves the page and its files without a token, under a same-origin content security policy', async () => {
    const page = await get('/', null);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await page.text();
    for (const m of html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)) {
      expect(m[1]).toMatch(/^\/assets\//);
      expect((await get(m[1]!, null)).status).toBe(200);
    }
    expect((await get('/assets/nope.js', null)).status).toBe(404);
    expect((await get('/assets/../package.json', null)).status).not.toBe(200);
  });

  it('lists compact items, runbooks with why they do not apply, and the policy in force; all need a read token', async () => {
    expect((await get('/api/dashboard/items', null)).status).toBe(401);
    const items = await json<{ items: { id: string; pools: string[]; frequency: { periodHours: number } }[] }>('/api/dashboard/items');
    expect(items.items).toHaveLength(p.items.length);
    expect(items.items[0]).toMatchObject({ id: p.items[0]!.id, frequency: { periodHours: p.items[0]!.frequency.periodHours } });
    const rb = await json<{ goals: string[]; runbooks: { id: string; applies: string | null }[] }>('/api/runbooks');
    expect(rb.goals).toContain('failover');
    expect(rb.runbooks.find((r) => r.id === 'pool-failover')?.applies).toBeNull();
    const policy = await json<{ defaults: { backupServiceRpoMinutes: number } }>('/api/policy');
    expect(policy.defaults.backupServiceRpoMinutes).toBe(30);
  });

  it('plans and checks like lyncdr plan / plan check, and explains bad input with a stable code', async () => {
    const state = JSON.stringify({ down: ['pool01.contoso.example'], failedOver: {}, cmsActive: 'pool01.contoso.example' });
    const plan = await json<{ steps: { n: number; command: string | null; on: string | null }[] }>(`/api/plan?goal=failover&pool=pool01.contoso.example&state=${encodeURIComponent(state)}`);
    expect(plan.steps.some((s) => s.command?.startsWith('Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode'))).toBe(true);
    const check = (steps: unknown[]) => json<{ ok: boolean; violation: { stepN: number; rule: string } | null }>(
      `/api/plan/check?steps=${encodeURIComponent(JSON.stringify({ steps }))}&state=${encodeURIComponent(state)}`);
    expect((await check(plan.steps)).ok).toBe(true);
    const i = plan.steps.findIndex((s) => s.command?.startsWith('Invoke-CsPoolFailOver'));
    const moved = [plan.steps[i]!, ...plan.steps.filter((_, k) => k !== i)];
    const bad = await check(moved);
    expect(bad.ok).toBe(false);
    // Steps keep their numbers (`n`): the violation names the moved step by its number in the plan.
    expect(bad.violation?.stepN).toBe(plan.steps[i]!.n);
    const renumbered = await check(moved.map(({ n: _n, ...rest }) => rest));
    expect(renumbered.violation?.stepN).toBe(1);
    const pdf = await get(`/api/plan?goal=failover&pool=pool01.contoso.example&state=${encodeURIComponent(state)}&format=pdf&lang=fr`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const unknown = await get('/api/plan?goal=failover&pool=nope.contoso.example');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toMatch(/^E_/);
    const badState = await get('/api/plan?goal=failover&pool=pool01.contoso.example&state=%7Bnot');
    expect(((await badState.json()) as { error: { code: string } }).error.code).toBe('E_STATE');
  });

  it('streams an evaluation to /api/events with only the entries a report changed', async () => {
    const res = await get('/api/events');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const agent = await connectSimAgent(p.agentUrl, { agentId: 'fe9', token: p.addAgent('fe9') });
    agent.hello();
    const item = p.items.find((i) => i.kind === 'filestore')!.id;
    const at = new Date().toISOString();
    await agent.report('dash-events-1', { observations: [{ kind: 'file-store', subject: item, itemId: item, lastGood: at, ok: true, findings: [], data: {} }] });
    let text = '';
    while (!/event: status\ndata: .*\n\n/.test(text)) text += (await reader.read()).value ?? '';
    expect(text).toContain('event: report\ndata: {"agent":"fe9","collector":"file-store"}');
    const status = JSON.parse(/event: status\ndata: (.*)\n/.exec(text)![1]!) as { changed: { itemId: string; lastGood: string }[]; counts: { ok: number } };
    expect(status.changed).toEqual([expect.objectContaining({ itemId: item, status: 'ok', lastGood: at })]);
    expect(status.counts.ok).toBe(1);
    await reader.cancel();
    agent.close();
  });
});
