import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusSnapshot } from '@lyncdr/protocol';
import { connectSimAgent } from '../../testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../../testing/test-planner';

const item = { id: 'filestore:\\\\fs1.contoso.test\\lyncshare', name: 'File store', frequency: { periodHours: 24 } };

describe('HTTP API', () => {
  let p: TestPlanner;
  let read: string;
  beforeEach(async () => {
    p = await startTestPlanner({}, { items: () => [item, { id: 'sql:rtcxds@be1.contoso.test', name: 'rtcxds', frequency: { periodHours: 24 } }], deployment: 'contoso' });
    read = p.addAgent('viewer', 'read');
    p.store.saveTopology('t.xml', 'h1', JSON.stringify({ pools: [] }), []);
  });
  afterEach(() => p.stop());
  const get = (path: string, token: string | null = read) => fetch(`${p.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers /healthz without a token', async () => {
    expect((await get('/healthz', null)).status).toBe(200);
  });

  it('needs a read token; refuses agent and revoked tokens', async () => {
    expect((await get('/api/status', null)).status).toBe(401);
    expect((await get('/api/status', p.addAgent('fe1'))).status).toBe(403);
    const gone = p.addAgent('old', 'read');
    p.store.revokeToken('old');
    expect((await get('/api/status', gone)).status).toBe(403);
    expect((await get('/api/status')).status).toBe(200);
    expect((await fetch(`${p.url}/api/evaluate`, { method: 'POST', headers: { authorization: `Bearer ${read}` } })).status).toBe(403);
    expect((await get('/api/nope')).status).toBe(404);
  });

  it('serves status, the snapshot in the worksheet --status format, items, history, agents, topology', async () => {
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
    a.hello();
    await a.report('rep-fe1-000001');
    for (let i = 0; i < 100 && p.store.currentStatus().every((s) => s.status !== 'ok'); i++) await new Promise((r) => setTimeout(r, 50));
    const status = (await (await get('/api/status')).json()) as { counts: Record<string, number>; items: { itemId: string; status: string; since: string }[] };
    expect(status.counts).toEqual({ ok: 1, late: 0, failed: 0, unknown: 1 });
    expect(status.items[0]).toMatchObject({ itemId: item.id, status: 'ok', since: expect.any(String) });
    const snap = StatusSnapshot.parse(await (await get('/api/status/snapshot')).json());
    expect(snap.items.map((i) => i.status)).toEqual(['ok', 'unknown']);
    const items = (await (await get('/api/items')).json()) as { items: { id: string; status: { status: string } }[] };
    expect(items.items[0]?.status.status).toBe('ok');
    const hist = (await (await get(`/api/items/${encodeURIComponent(item.id)}/history`)).json()) as { runs: unknown[]; evaluations: unknown[] };
    expect(hist.runs).toHaveLength(1);
    expect(hist.evaluations.length).toBeGreaterThan(0);
    const agents = (await (await get('/api/agents')).json()) as { agents: { name: string; connected: boolean }[] };
    expect(agents.agents).toMatchObject([{ name: 'fe1', connected: true }]);
    expect(((await (await get('/api/topology')).json()) as { version: number }).version).toBe(1);
    expect(((await (await get('/api/topology/versions')).json()) as { versions: unknown[] }).versions).toHaveLength(1);
    a.close();
  });
});

describe('listening errors', () => {
  it('names a port in use and what to do', async () => {
    const a = await startTestPlanner();
    const port = Number(new URL(a.url).port);
    await expect(startTestPlanner({ port })).rejects.toThrow(/E_LISTEN|127\.0\.0\.1:\d+ is in use; pick another with --port/);
    await a.stop();
  });
});
