import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createAgent, type Logger } from '@lyncdr/agent';
import type { Collector } from '@lyncdr/collectors';
import { decode, encode, envelope, type Envelope, type Report } from '@lyncdr/protocol';

const TOKEN = 'agent-token-0123456789';
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-ws-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny planner: checks the bearer token, stores each report id once (durably, across its restarts), then acks. */
interface FakePlanner {
  port: number;
  frames: Envelope[];
  stored: Map<string, Report>;
  sockets: Set<WebSocket>;
  /** When set, the next report is stored and the connection dropped before the ack (a crash between the two). */
  crashBeforeNextAck: boolean;
  send(ws: WebSocket, env: Envelope): void;
  close(): Promise<void>;
}

async function startPlanner(stored: Map<string, Report>, port = 0): Promise<FakePlanner> {
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  const planner: FakePlanner = {
    port: 0,
    frames: [],
    stored,
    sockets: new Set(),
    crashBeforeNextAck: false,
    send: (ws, env) => ws.send(encode(env)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of planner.sockets) s.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== '/agent' || req.headers.authorization !== `Bearer ${TOKEN}`) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      planner.sockets.add(ws);
      ws.on('close', () => planner.sockets.delete(ws));
      ws.on('message', (data) => {
        const env = decode(data as Buffer);
        planner.frames.push(env);
        if (env.type !== 'report') return;
        const duplicate = stored.has(env.id);
        if (!duplicate) stored.set(env.id, env.payload as Report);
        if (planner.crashBeforeNextAck) {
          planner.crashBeforeNextAck = false;
          ws.terminate();
          return;
        }
        planner.send(ws, envelope('ack', { id: env.id, duplicate }, { id: `ack-${env.id}`.slice(0, 120), agentId: 'planner', sentAt: new Date().toISOString() }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  planner.port = (server.address() as AddressInfo).port;
  return planner;
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function tickCollector(): Collector & { count: () => number; lastConfig: () => unknown } {
  let n = 0;
  let last: unknown = null;
  return {
    id: 'tick',
    description: 'one observation per run, numbered',
    count: () => n,
    lastConfig: () => last,
    async run(config) {
      last = config;
      const subject = `tick-${String(n++).padStart(3, '0')}`;
      return { ok: true, observations: [{ kind: 'tick', subject, ok: true, findings: [], data: {} }], findings: [] };
    },
  };
}

const logs: string[] = [];
const logger: Logger = { debug: () => {}, info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`) };
const config = (port: number, outboxDir: string, token = TOKEN) => ({
  agentId: 'fe1',
  planner: { url: `ws://127.0.0.1:${port}/agent`, token },
  outboxDir,
  heartbeatSeconds: 1,
  reconnect: { initialMs: 20, maxMs: 200 },
  collectors: { tick: { schedule: '0 0 1 1 *' } },
});

describe('agent ⇄ planner over a real WebSocket', () => {
  it('delivers every report exactly once across planner and agent restarts and a lost ack', async () => {
    const stored = new Map<string, Report>();
    const outboxDir = path.join(dir, 'outbox-restarts');
    let planner = await startPlanner(stored);
    const port = planner.port;
    const tick = tickCollector();
    let agent = createAgent({ config: config(port, outboxDir), collectors: [tick], logger });
    await agent.start();
    await waitFor(() => agent.connected(), 'the first connection');

    for (let i = 0; i < 8; i++) await agent.runOnce('tick');
    await waitFor(() => stored.size === 8 && agent.outboxDepth() === 0, '8 reports acked');

    // A crash between storing and acking: the agent must resend, the planner de-duplicates by id.
    planner.crashBeforeNextAck = true;
    await agent.runOnce('tick');
    await waitFor(() => stored.size === 9 && agent.outboxDepth() === 0, 'the resent report acked');
    const firstReports = planner.frames.filter((f) => f.type === 'report').map((f) => f.id);
    expect(firstReports).toHaveLength(10);
    expect(new Set(firstReports).size).toBe(9);

    // The planner goes away; reports pile up in the outbox; the agent itself is restarted meanwhile.
    await planner.close();
    await waitFor(() => !agent.connected(), 'the disconnection');
    for (let i = 0; i < 6; i++) await agent.runOnce('tick');
    expect(agent.outboxDepth()).toBe(6);
    await agent.stop();
    expect(readdirSync(outboxDir).filter((f) => f.endsWith('.json'))).toHaveLength(6);

    agent = createAgent({ config: config(port, outboxDir), collectors: [tick], logger });
    await agent.start();
    for (let i = 0; i < 3; i++) await agent.runOnce('tick');
    expect(agent.outboxDepth()).toBe(9);
    planner = await startPlanner(stored, port);
    await waitFor(() => agent.outboxDepth() === 0, 'the outbox drained after the planner came back');
    await agent.stop();
    await planner.close();

    const subjects = [...stored.values()].map((r) => r.observations[0]!.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 18 }, (_, i) => `tick-${String(i).padStart(3, '0')}`));
    expect(tick.count()).toBe(18);
    const reportFrames = planner.frames.filter((f) => f.type === 'report');
    expect(new Set(reportFrames.map((f) => f.id)).size).toBe(reportFrames.length);
    expect(readdirSync(outboxDir)).toEqual([]);
    expect(logs.some((l) => /reconnecting in \d+ ms/.test(l))).toBe(true);
  });

  it('says hello with its token, sends heartbeats, and runs a collector when the planner asks', async () => {
    const stored = new Map<string, Report>();
    const planner = await startPlanner(stored);
    const tick = tickCollector();
    const agent = createAgent({ config: config(planner.port, path.join(dir, 'outbox-collect')), collectors: [tick], logger });
    await agent.start();
    await waitFor(() => planner.frames.some((f) => f.type === 'hello'), 'hello');
    const hello = planner.frames.find((f) => f.type === 'hello')!;
    expect(hello).toMatchObject({ agentId: 'fe1', payload: { token: TOKEN } });
    expect((hello.payload as { capabilities: string[] }).capabilities).toEqual(expect.arrayContaining(['file-store', 'exports', 'backup-service', 'cms-replication', 'mirror-state', 'tick']));
    const ws = [...planner.sockets][0]!;
    planner.send(ws, envelope('collect', { collector: 'tick' }, { id: 'collect-0001', agentId: 'planner', sentAt: new Date().toISOString() }));
    await waitFor(() => stored.size === 1, 'the report of the requested run');
    planner.send(ws, envelope('config', { settings: { collectors: { tick: { label: 'from planner', schedule: 'ignored' } } } }, { id: 'config-0001', agentId: 'planner', sentAt: new Date().toISOString() }));
    await new Promise((r) => setTimeout(r, 100));
    planner.send(ws, envelope('collect', { collector: 'tick' }, { id: 'collect-0003', agentId: 'planner', sentAt: new Date().toISOString() }));
    await waitFor(() => stored.size === 2, 'the report of the run with the new settings');
    expect(tick.lastConfig()).toEqual({ label: 'from planner' });
    planner.send(ws, envelope('collect', { collector: 'nope' }, { id: 'collect-0002', agentId: 'planner', sentAt: new Date().toISOString() }));
    await waitFor(() => planner.frames.some((f) => f.type === 'error'), 'the error for an unknown collector');
    expect(planner.frames.find((f) => f.type === 'error')).toMatchObject({ payload: { code: 'E_COLLECTOR_UNKNOWN', ref: 'collect-0002' } });
    await waitFor(() => planner.frames.some((f) => f.type === 'heartbeat'), 'a heartbeat', 5000);
    expect(planner.frames.find((f) => f.type === 'heartbeat')!.payload).toEqual({ outboxDepth: 0 });
    await agent.stop();
    await planner.close();
    expect([...stored.values()][0]).toMatchObject({ collector: 'tick', ok: true });
    expect(stored.size).toBe(2);
    expect(typeof [...stored.values()][0]!.durationMs).toBe('number');
  });

  it('keeps reports in the outbox when the planner refuses its token', async () => {
    const planner = await startPlanner(new Map());
    const agent = createAgent({ config: config(planner.port, path.join(dir, 'outbox-refused'), 'wrong-token-123456'), collectors: [tickCollector()], logger });
    await agent.start();
    await agent.runOnce('tick');
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.connected()).toBe(false);
    expect(agent.outboxDepth()).toBe(1);
    await agent.stop();
    await planner.close();
  });
});
