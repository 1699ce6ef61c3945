import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/logger/src/index';
import { encode, envelope } from '../packages/protocol/src/index';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../apps/planner/src/testing/test-planner';
import { startPlannerProcess, type PlannerProcess } from './planner-helpers';

/**
 * The agents' WebSocket endpoint under attack (issue 12, defects 2, 3, 6): real planners on port 0, real sockets.
 * Bounds are generous (seconds where a healthy planner needs milliseconds): a loaded machine passes, a frozen
 * event loop (minutes) or an unbounded echo does not.
 */
const GENEROUS_MS = 20_000;

type Closed = { code: number; reason: string };
/** Resolves with the value, or rejects once `ms` have passed (the timer lives in this process, not the planner's). */
const within = <T>(p: Promise<T>, ms: number, what: string) => Promise.race([p, new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms).unref())]);

describe('a planner process under big frames (event loop never blocked)', () => {
  let dir = '';
  let planner: PlannerProcess;
  let token: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-hard-ws-'));
    let out = '';
    const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
    expect(await runCli(['agents', 'add', 'fe1', '--data', dir, '--json'], ctx)).toBe(0);
    token = (JSON.parse(out) as { token: string }).token;
    writeFileSync(path.join(dir, 'planner.yaml'), `data: ${JSON.stringify(dir)}\nport: 0\n`);
    planner = await startPlannerProcess(['--config', path.join(dir, 'planner.yaml')]);
  });
  afterAll(async () => {
    planner?.child.kill('SIGTERM');
    await planner?.exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** /healthz keeps answering while the planner handles `frame`; returns how the socket was closed. */
  async function sendAndProbe(withToken: boolean, frame: string): Promise<Closed> {
    const a = await connectSimAgent(planner.agentUrl, { agentId: 'fe1', ...(withToken ? { token } : {}) });
    const closed = a.closed;
    a.sendRaw(frame);
    const health = await fetch(`${planner.url}/healthz`, { signal: AbortSignal.timeout(GENEROUS_MS) });
    expect(health.status).toBe(200);
    const c = await within(closed, GENEROUS_MS, 'socket close');
    // Once more after the frame was handled.
    expect((await fetch(`${planner.url}/healthz`, { signal: AbortSignal.timeout(GENEROUS_MS) })).status).toBe(200);
    return c;
  }

  it('a 900 kB {"v":"VVVV…"} frame without a token is cut off at the unauthenticated byte limit', async () => {
    const c = await sendAndProbe(false, JSON.stringify({ v: 'V'.repeat(900_000) }));
    expect([1009, 1006]).toContain(c.code);
    expect(Buffer.byteLength(c.reason)).toBeLessThanOrEqual(123);
    expect(planner.stderr()).toMatch(/over 8192 bytes before authentication/);
    expect(planner.stderr()).not.toContain('V'.repeat(200));
  });

  it('the same frame from an authenticated agent: a bounded version error (close reason ≤ 123 bytes), no echo', async () => {
    const c = await sendAndProbe(true, JSON.stringify({ v: 'V'.repeat(900_000) }));
    expect(c.code).toBe(1008);
    expect(c.reason).toMatch(/^E_PROTOCOL_VERSION: protocol version "V+…" is not supported/);
    expect(Buffer.byteLength(c.reason)).toBeLessThanOrEqual(123);
    expect(planner.stderr()).not.toContain('V'.repeat(200));
    expect(planner.child.exitCode).toBeNull();
  });
});

describe('agents endpoint budgets, frame limits and logs', () => {
  let p: TestPlanner;
  const logged: string[] = [];
  const log = createLogger({ sinks: [{ write: (r) => void logged.push(`${r.msg} ${JSON.stringify(r.fields ?? {})}`) }] });
  afterEach(async () => {
    await p?.stop();
    logged.length = 0;
  });

  it('300 sockets that never authenticate, re-opened in a loop, keep no real agent out', async () => {
    p = await startTestPlanner({ limits: { maxConnections: 50 } }, { log });
    const headerTokens = Array.from({ length: 10 }, (_, i) => p.addAgent(`fe${i}`));
    const helloTokens = Array.from({ length: 3 }, (_, i) => p.addAgent(`be${i}`));
    let attacking = true;
    let opens = 0;
    let refused = 0;
    const attackers = new Set<SimAgent>();
    const attack = () => {
      if (!attacking) return;
      connectSimAgent(p.agentUrl, { agentId: 'x1' }).then(
        (a) => {
          opens++;
          attackers.add(a);
          if (!attacking) a.ws.terminate();
          void a.closed.then(() => {
            attackers.delete(a);
            setImmediate(attack);
          });
        },
        (e: Error) => {
          if (/HTTP (429|503)/.test(e.message)) refused++;
          setImmediate(attack);
        },
      );
    };
    for (let i = 0; i < 300; i++) attack();
    try {
    // The flood is established: the budget of unauthenticated sockets is full and more are being refused.
    for (let i = 0; i < 2000 && (opens < 8 || refused < 300); i++) await new Promise((r) => setTimeout(r, 10));
    expect(opens).toBeGreaterThanOrEqual(8);
    expect(refused).toBeGreaterThanOrEqual(300);

    // Agents with the token in the header (same address as the flood) all get in and are served.
    const agents: SimAgent[] = await Promise.all(headerTokens.map((token, i) => connectSimAgent(p.agentUrl, { agentId: `fe${i}`, token })));
    // Agents sending the token in the hello, from another address, have their own budget.
    const helloAgents = await Promise.all(helloTokens.map((token, i) => connectSimAgent(p.agentUrl, { agentId: `be${i}`, token, header: false, localAddress: '127.0.0.2' })));
    for (const a of helloAgents) a.hello(true);
    for (const a of agents) a.hello();
    const acks = await Promise.all([...agents, ...helloAgents].map((a, i) => a.report(`rep-hardening-${String(i).padStart(4, '0')}`)));
    expect(acks.every((a) => !a.duplicate)).toBe(true);
    expect(p.server.endpoint.connected()).toHaveLength(13);
    for (const a of [...agents, ...helloAgents]) a.close();
    } finally {
      attacking = false;
      for (const a of attackers) a.ws.terminate();
    }
    // Refusals are logged, but not once per refused socket.
    expect(logged.filter((l) => l.startsWith('agent.refused')).length).toBeLessThan(10);
  });

  it('a peer may send only a few kB before it authenticates (a valid-JSON hello of 100 kB is never decoded)', async () => {
    p = await startTestPlanner({}, { log });
    const x = await connectSimAgent(p.agentUrl, { agentId: 'x1' });
    const closed = x.closed;
    const meta = { id: 'hello-0000001', agentId: 'x1', sentAt: new Date().toISOString() };
    x.sendRaw(encode(envelope('hello', { version: '1', host: 'h'.repeat(100_000), capabilities: [] }, meta)));
    const c = await within(closed, GENEROUS_MS, 'close');
    expect([1009, 1006]).toContain(c.code);
    expect(logged.some((l) => l.startsWith('agent.closed') && l.includes('before authentication'))).toBe(true);
    expect(logged.some((l) => l.startsWith('agent.bad_frame'))).toBe(false);
    // A hello with a token still fits and gets in.
    const token = p.addAgent('fe1');
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token, header: false });
    a.hello(true, ['file-store', ...Array.from({ length: 63 }, (_, i) => `collector-${i}`)]);
    expect(await a.report('rep-fe1-000001')).toEqual({ id: 'rep-fe1-000001', duplicate: false });
    a.close();
  });

  it('counts every frame: a heartbeat flood closes the socket (1008) before the next report is acked', async () => {
    p = await startTestPlanner({}, { log });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
    for (let i = 0; i < 500; i++) a.heartbeat();
    await expect(a.report('rep-fe1-000001')).rejects.toThrow(/closed 1008 flooding/);
    expect((await a.closed).reason).toMatch(/^flooding: over 60 hello, heartbeat and error frames per minute/);
  });

  it('logs a bounded sample of bad frames and agent error frames, never the whole frame', async () => {
    p = await startTestPlanner({}, { log });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
    const meta = { id: 'err-00000001', agentId: 'fe1', sentAt: new Date().toISOString() };
    a.sendRaw(JSON.stringify(envelope('error', { code: 'E_COLLECTOR_FAILED', message: 'M'.repeat(1_000_000) }, meta)));
    a.sendRaw(`{"broken": "${'B'.repeat(1_000_000)}`);
    const c = await a.closed;
    expect(c.reason).toBe('E_PROTOCOL_JSON: frame is not valid JSON');
    const error = logged.find((l) => l.startsWith('agent.error'));
    const bad = logged.find((l) => l.startsWith('agent.bad_frame'));
    expect(error).toMatch(/MMMM…/);
    expect(bad).toMatch(/"bytes":\d+,"sample":"\{\\"broken\\": \\"BBBB/);
    for (const line of logged) expect(line.length).toBeLessThan(2000);
  });

  it('a revoked token ends a live connection at its next hello or heartbeat', async () => {
    p = await startTestPlanner({}, { log });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1') });
    a.hello();
    expect(await a.report('rep-fe1-000001')).toEqual({ id: 'rep-fe1-000001', duplicate: false });
    p.store.revokeToken('fe1');
    a.hello();
    const c = await a.closed;
    expect(c.code).toBe(1008);
    expect(c.reason).toMatch(/token of agent fe1 was revoked/);
  });

  it('an unexpected failure while handling a frame or an upgrade closes that socket only; the planner goes on', async () => {
    p = await startTestPlanner({}, { log });
    const token = p.addAgent('fe1');
    const read = p.addAgent('viewer', 'read');
    const find = p.store.findByTokenHash.bind(p.store);
    p.store.findByTokenHash = () => {
      throw new Error('disk I/O error');
    };
    // Token in the hello: the lookup fails inside the message handler.
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token, header: false });
    a.hello(true);
    expect((await a.closed).code).toBe(1011);
    // Token in the header: the lookup fails during the upgrade.
    await expect(connectSimAgent(p.agentUrl, { agentId: 'fe1', token })).rejects.toThrow();
    // An API request: the lookup fails while checking the token.
    const api = await fetch(`${p.url}/api/status`, { headers: { authorization: `Bearer ${read}` } });
    expect(api.status).toBe(500);
    expect(logged.filter((l) => /^(agent\.internal_error|agent\.upgrade_error|http\.error) .*disk I\/O error/.test(l))).toHaveLength(3);
    p.store.findByTokenHash = find;
    const b = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token });
    b.hello();
    expect(await b.report('rep-fe1-000002')).toEqual({ id: 'rep-fe1-000002', duplicate: false });
    b.close();
  });
});
