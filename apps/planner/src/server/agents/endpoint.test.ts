import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encode, envelope } from '@lyncdr/protocol';
import { connectSimAgent, type SimAgent } from '../../testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../../testing/test-planner';

const limits = { helloTimeoutSeconds: 0.5, idleTimeoutSeconds: 2, maxFrameBytes: 64 * 1024, reportsPerMinute: 1, burst: 20 };

describe('agent endpoint (real server on port 0, real sockets, real SQLite)', () => {
  let p: TestPlanner;
  let good: SimAgent;
  let goodToken: string;
  /** The good agent beats as a real one does, so the idle timeout never closes it however long a test takes. */
  let beat: ReturnType<typeof setInterval>;
  beforeEach(async () => {
    p = await startTestPlanner({ limits });
    goodToken = p.addAgent('fe1');
    good = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: goodToken });
    good.hello();
    beat = setInterval(() => good.heartbeat(), 100);
  });
  afterEach(async () => {
    clearInterval(beat);
    good.close();
    await p.stop();
  });

  /** After each bad peer, the good agent still gets its reports stored and acked. */
  async function othersStillServed(id: string) {
    const ack = await good.report(id);
    expect(ack).toEqual({ id, duplicate: false });
    expect(p.store.hasReport(id)).toBe(true);
  }

  it('acks a report only once it is in the database, and a replayed id as duplicate without storing it twice', async () => {
    const ack = await good.report('rep-fe1-000001');
    expect(ack).toEqual({ id: 'rep-fe1-000001', duplicate: false });
    expect(p.store.hasReport('rep-fe1-000001')).toBe(true);
    expect(await good.report('rep-fe1-000001')).toEqual({ id: 'rep-fe1-000001', duplicate: true });
    expect(p.store.countReports()).toBe(1);
    expect(p.store.getToken('fe1')).toMatchObject({ version: '0.1.0', host: 'fe1.contoso.test', lastRuns: { 'file-store': expect.any(String) } });
  });

  it('a hello telling of reports dropped for this planner puts E_OUTBOX_DROPPED on the card, once per growth', async () => {
    const token = p.addAgent('fe3');
    const hello = (dropped: number) => envelope('hello', { version: '0.1.0', host: 'fe3.contoso.test', capabilities: ['file-store'], outboxDropped: dropped }, { id: `fe3-hello-${dropped}-${Math.random().toString(36).slice(2)}`, agentId: 'fe3', sentAt: new Date().toISOString() });
    const dropsOnCard = () => (p.store.getToken('fe3')?.findings ?? []).filter((f) => f.code === 'E_OUTBOX_DROPPED').map((f) => f.ref);
    for (const [dropped, id] of [[4, 'rep-fe3-000001'], [4, 'rep-fe3-000002'], [6, 'rep-fe3-000003']] as const) {
      const a = await connectSimAgent(p.agentUrl, { agentId: 'fe3', token });
      a.sendRaw(encode(hello(dropped)));
      expect(await a.report(id)).toEqual({ id, duplicate: false });
      a.close();
      await a.closed;
    }
    expect(dropsOnCard()).toEqual(['dropped:6', 'dropped:4']);
  });

  it('accepts the token in the hello frame', async () => {
    const token = p.addAgent('fe2');
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe2', token, header: false });
    a.hello(true);
    expect(await a.report('rep-fe2-000001')).toEqual({ id: 'rep-fe2-000001', duplicate: false });
    a.close();
  });

  it('closes a peer without a token (1008) after the hello timeout', async () => {
    const a = await connectSimAgent(p.agentUrl, { agentId: 'x1' });
    const c = await a.closed;
    expect(c.code).toBe(1008);
    expect(c.reason).toMatch(/no token/);
    await othersStillServed('rep-fe1-000002');
  });

  it('closes many sockets held open without a token, and keeps serving the agent', async () => {
    await p.stop();
    p = await startTestPlanner({ limits: { ...limits, unauthenticatedPerAddress: 30 } });
    good = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
    good.hello();
    const idle = await Promise.all(Array.from({ length: 30 }, (_, i) => connectSimAgent(p.agentUrl, { agentId: `x${i}` })));
    const closed = await Promise.all(idle.map((a) => a.closed));
    expect(closed.every((c) => c.code === 1008)).toBe(true);
    await othersStillServed('rep-fe1-000010');
  });

  it('closes a wrong token and a revoked token with 1008 and a reason', async () => {
    const wrong = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: 'lyncdr_wrong' });
    expect(await wrong.closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/unknown token/) });
    const t = p.addAgent('fe3');
    p.store.revokeToken('fe3');
    const revoked = await connectSimAgent(p.agentUrl, { agentId: 'fe3', token: t });
    expect(await revoked.closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/revoked/) });
    await othersStillServed('rep-fe1-000003');
  });

  it('closes a peer whose envelope agentId is not its own', async () => {
    const t = p.addAgent('fe4');
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: t });
    a.hello();
    expect(await a.closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/does not match/) });
  });

  it('closes an oversized frame (1009), invalid JSON and a schema-invalid payload (1008)', async () => {
    const big = await connectSimAgent(p.agentUrl, { agentId: 'fe5', token: p.addAgent('fe5') });
    big.sendRaw('x'.repeat(limits.maxFrameBytes + 10));
    expect((await big.closed).code).toBe(1009);
    const junk = await connectSimAgent(p.agentUrl, { agentId: 'fe6', token: p.addAgent('fe6') });
    junk.sendRaw('{"v":1,');
    expect(await junk.closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/E_PROTOCOL_JSON/) });
    const bad = await connectSimAgent(p.agentUrl, { agentId: 'fe7', token: p.addAgent('fe7') });
    bad.sendRaw(JSON.stringify({ v: 1, id: 'rep-fe7-000001', type: 'report', sentAt: new Date().toISOString(), agentId: 'fe7', payload: { collector: 'x' } }));
    expect(await bad.closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/E_PROTOCOL_SCHEMA: invalid message: report\.payload/) });
    expect(p.store.hasReport('rep-fe7-000001')).toBe(false);
    await othersStillServed('rep-fe1-000004');
  });

  it('closes an idle socket after the idle timeout, while heartbeats keep another open', async () => {
    const idle = await connectSimAgent(p.agentUrl, { agentId: 'fe8', token: p.addAgent('fe8') });
    const c = await idle.closed;
    expect(c).toMatchObject({ code: 1008, reason: expect.stringMatching(/idle/) });
    expect(good.ws.readyState).toBe(good.ws.OPEN);
    await othersStillServed('rep-fe1-000005');
  });

  it('rate-limits a flooding agent and keeps serving the others', async () => {
    const flood = await connectSimAgent(p.agentUrl, { agentId: 'fe9', token: p.addAgent('fe9') });
    flood.hello();
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => flood.report(`rep-fe9-${String(i).padStart(6, '0')}`)));
    const acked = results.filter((r) => r.status === 'fulfilled').length;
    expect(acked).toBe(limits.burst);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'E_RATE_LIMIT' } });
    await othersStillServed('rep-fe1-000006');
    // Keep flooding past the limit and the planner closes it.
    const more = Array.from({ length: 100 }, (_, i) => flood.report(`rep-fe9-x${String(i).padStart(6, '0')}`).catch(() => undefined));
    await Promise.all(more);
    expect(await flood.closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/flooding/) });
    await othersStillServed('rep-fe1-000007');
  });

  it('sends collect to a connected agent through the API with an admin token, not with a read token', async () => {
    const admin = p.addAgent('ops', 'admin');
    const reader = p.addAgent('viewer', 'read');
    const post = (token: string, agent: string) => fetch(`${p.url}/api/agents/${agent}/collect`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ collector: 'file-store' }),
    });
    expect((await post(reader, 'fe1')).status).toBe(403);
    expect((await post(goodToken, 'fe1')).status).toBe(403);
    const r = await post(admin, 'fe1');
    expect(r.status).toBe(202);
    await expect.poll(() => good.received.find((e) => e.type === 'collect')?.payload, { timeout: 30_000 }).toEqual({ collector: 'file-store' });
    expect((await post(admin, 'nobody')).status).toBe(409);
  });
});
