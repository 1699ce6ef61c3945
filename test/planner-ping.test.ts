import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PING_BODY } from '../apps/planner/src/server/http/ping';
import { startDashboardPlanner, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { startTestPlanner } from '../apps/planner/src/testing/test-planner';

let clock = Date.parse('2026-12-04T06:00:00Z');
let p: DashboardPlanner;
let token: string;
let itemId: string;

beforeAll(async () => {
  p = await startDashboardPlanner({ now: () => new Date(clock) });
  token = p.addAgent('sqljobs-sql01');
  itemId = p.items.find((i) => i.id.startsWith('export:'))!.id;
});
afterAll(async () => p?.stop());

const ping = (path: string, o: { token?: string | null; body?: string; method?: string } = {}) =>
  fetch(`${p.url}${path}`, {
    method: o.method ?? 'POST',
    headers: o.token === null ? {} : { authorization: `Bearer ${o.token ?? token}` },
    ...(o.body === undefined ? {} : { body: o.body }),
  });
const url = (id: string, action = '') => `/ping/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
const statusOf = (id: string) => p.server.evaluator.evaluate().items.find((i) => i.itemId === id)!;

describe('ping URLs on a real planner', () => {
  it('a ping makes the item ok, /fail makes it failed with the body in its reason, exit codes 0 and 3 likewise', async () => {
    expect(statusOf(itemId).status).toBe('unknown');

    let r = await ping(url(itemId));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, item: itemId, ping: 'success', report: expect.stringMatching(/^ping-/) });
    expect(statusOf(itemId)).toMatchObject({ status: 'ok', lastGood: new Date(clock).toISOString() });

    clock += 60_000;
    r = await ping(url(itemId, 'fail'), { body: 'Export-CsConfiguration : access denied to \\\\fs1\\exports' });
    expect(r.status).toBe(200);
    const failed = statusOf(itemId);
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain('the job reported a failure: Export-CsConfiguration : access denied');
    // The good backup of the first ping is kept as the last good one.
    expect(failed.lastGood).toBe(new Date(clock - 60_000).toISOString());

    clock += 60_000;
    expect((await ping(url(itemId, '0'))).status).toBe(200);
    expect(statusOf(itemId).status).toBe('ok');

    clock += 60_000;
    expect((await ping(url(itemId, '3'))).status).toBe(200);
    expect(statusOf(itemId)).toMatchObject({ status: 'failed', reason: expect.stringContaining('exit code 3') });

    // Each success or failure is a report of collector "ping" from the token's name, in the item's history.
    const history = await (await fetch(`${p.url}/api/items/${encodeURIComponent(itemId)}/history`, { headers: { authorization: `Bearer ${p.readToken}` } })).json() as { runs: { agent: string; collector: string; ok: boolean }[] };
    expect(history.runs.map((x) => [x.agent, x.collector, x.ok])).toEqual([
      ['sqljobs-sql01', 'ping', false], ['sqljobs-sql01', 'ping', true], ['sqljobs-sql01', 'ping', false], ['sqljobs-sql01', 'ping', true],
    ]);
  });

  it('/start then a ping records the run\'s duration; /start alone stores nothing', async () => {
    const other = p.items.find((i) => i.id !== itemId)!.id;
    const reports = p.store.countReports();
    expect((await ping(url(other, 'start'))).status).toBe(200);
    expect(p.store.countReports()).toBe(reports);
    clock += 90_000;
    expect((await ping(url(other))).status).toBe(200);
    const run = p.store.latestObservations().find((o) => o.observation.itemId === other && o.collector === 'ping')!;
    expect(run.durationMs).toBe(90_000);
    expect(statusOf(other).status).toBe('ok');
  });

  it('refuses an unknown item (404), no token (401), an API token (403), GET (405), a big body (413), another shape (404)', async () => {
    let r = await ping(url('export:nothing@nowhere'));
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_HTTP_NOT_FOUND');

    r = await ping(url(itemId), { token: null });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_AUTH');

    expect((await ping(url(itemId), { token: p.adminToken })).status).toBe(403);
    expect((await ping(url(itemId), { token: 'lyncdr_not-a-token' })).status).toBe(403);
    expect((await ping(url(itemId), { method: 'GET' })).status).toBe(405);
    expect((await ping(url(itemId, 'fail'), { body: 'x'.repeat(MAX_PING_BODY + 1) })).status).toBe(413);
    expect((await ping(url(itemId, 'stop'))).status).toBe(404);
    expect((await ping(url(itemId, '256'))).status).toBe(404);
    expect((await ping('/ping/%E0%A4%A')).status).toBe(400);
    // Answers carry the same security headers as the API.
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    // The planner still answers.
    expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
  });

  it('a revoked token is refused', async () => {
    const t = p.addAgent('sqljobs-old');
    p.store.revokeToken('sqljobs-old');
    expect((await ping(url(itemId), { token: t })).status).toBe(403);
  });
});

describe('ping rate limit', () => {
  it('takes from a per-token budget like an agent\'s reports (429 with Retry-After beyond it)', async () => {
    const item = { id: 'export:rtcxds@pool01.contoso.test', name: 'User data export', frequency: { periodHours: 24 } };
    const q = await startTestPlanner({ limits: { reportsPerMinute: 1, burst: 2 } }, { items: () => [item], now: () => new Date(clock) });
    try {
      const a = q.addAgent('job-a');
      const b = q.addAgent('job-b');
      const send = (t: string) => fetch(`${q.url}/ping/${encodeURIComponent(item.id)}`, { method: 'POST', headers: { authorization: `Bearer ${t}` } });
      expect([(await send(a)).status, (await send(a)).status]).toEqual([200, 200]);
      const limited = await send(a);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');
      expect((await send(b)).status).toBe(200);
      expect(q.store.countReports()).toBe(3);
    } finally {
      await q.stop();
    }
  });
});
