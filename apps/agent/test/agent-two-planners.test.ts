import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createAgent, type Logger } from '@lyncdr/agent';
import type { Collector } from '@lyncdr/collectors';
import { decode, encode, envelope, type Envelope, type Payload } from '@lyncdr/protocol';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-two-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny planner on a given port: checks its own token, keeps each report id once, acks. */
async function startPlanner(port: number, token: string, refuse = false) {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  const frames: Envelope[] = [];
  const stored = new Set<string>();
  let refused = 0;
  server.on('upgrade', (req, socket, head) => {
    if (req.headers.authorization !== `Bearer ${token}`) return void socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => {
      // As the planner does with a revoked token: the socket opens, the hello is refused.
      if (refuse) {
        refused++;
        return void ws.once('message', () => ws.close(1008, 'token revoked'));
      }
      ws.on('message', (data) => {
        const env = decode(data as Buffer);
        frames.push(env);
        if (env.type !== 'report') return;
        const duplicate = stored.has(env.id);
        stored.add(env.id);
        ws.send(encode(envelope('ack', { id: env.id, duplicate }, { id: `ack-${env.id}`.slice(0, 120), agentId: 'planner', sentAt: new Date().toISOString() })));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    frames,
    stored,
    refused: () => refused,
    hellos: () => frames.filter((f) => f.type === 'hello').map((f) => f.payload as Payload<'hello'>),
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitFor(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const quick: Collector = { id: 'quick', description: 'returns at once', run: async () => ({ ok: true, observations: [], findings: [] }) };
const reportFiles = (box: string) => readdirSync(box).filter((f) => f.endsWith('.json')).length;

describe('an agent with two planners', () => {
  it('delivers every report to each planner on its own; one down does not hold the other back', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const b = await startPlanner(portB, 'token-b-0123456789');
    const outboxDir = path.join(dir, 'flow');
    const logs: string[] = [];
    const logger: Logger = { debug: () => {}, info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) };
    const agent = createAgent({
      config: {
        agentId: 'fe1',
        planners: [
          { url: `ws://127.0.0.1:${portA}/agent`, token: 'token-a-0123456789' },
          { url: `ws://127.0.0.1:${portB}/agent`, token: 'token-b-0123456789' },
        ],
        outboxDir,
        reconnect: { initialMs: 50, maxMs: 200 },
        collectors: { quick: { schedule: '0 0 1 1 *' } },
      },
      collectors: [quick],
      logger,
    });
    await agent.start();
    let a: Awaited<ReturnType<typeof startPlanner>> | null = null;
    try {
      for (let i = 0; i < 3; i++) await agent.runOnce('quick');
      await waitFor(() => b.stored.size === 3, 'planner B to get the three reports');
      expect(agent.planners().map((p) => [p.key, p.connected, p.waiting, p.dropped])).toEqual([
        ['planners.0', false, 3, 0],
        ['planners.1', true, 0, 0],
      ]);
      expect(reportFiles(outboxDir)).toBe(3);

      a = await startPlanner(portA, 'token-a-0123456789');
      await waitFor(() => a!.stored.size === 3, 'planner A to catch up');
      await waitFor(() => reportFiles(outboxDir) === 0, 'the outbox to empty once both acked');
      expect(a.hellos()[0]).toMatchObject({ outboxDepth: 3, outboxDropped: 0 });
      expect(b.frames.filter((f) => f.type === 'report')).toHaveLength(3);
      expect(logs.some((l) => l.includes('already had'))).toBe(false);
    } finally {
      await agent.stop();
      await b.close();
      await a?.close();
    }
  });

  it('drops for a planner that stays unreachable the reports older than its retention, and tells it in the hello', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const b = await startPlanner(portB, 'token-b-0123456789');
    const outboxDir = path.join(dir, 'retention');
    let now = Date.parse('2026-11-22T10:00:00Z');
    const config = {
      agentId: 'fe1',
      planners: [
        { url: `ws://127.0.0.1:${portA}/agent`, token: 'token-a-0123456789', outboxRetentionHours: 1 },
        { url: `ws://127.0.0.1:${portB}/agent`, token: 'token-b-0123456789' },
      ],
      outboxDir,
      reconnect: { initialMs: 50, maxMs: 200 },
      collectors: { quick: { schedule: '0 0 1 1 *' } },
    };
    const warnings: string[] = [];
    const logger: Logger = { debug: () => {}, info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
    let agent = createAgent({ config, collectors: [quick], logger, now: () => new Date(now), unreachableAfterMs: 10 * 60_000 });
    await agent.start();
    let a: Awaited<ReturnType<typeof startPlanner>> | null = null;
    try {
      for (let i = 0; i < 2; i++) await agent.runOnce('quick');
      await waitFor(() => b.stored.size === 2, 'planner B to get the reports');
      // Young reports, and A out of reach for less than 10 minutes: kept for it.
      await agent.sweep();
      expect(agent.planners()[0]).toMatchObject({ connected: false, waiting: 2, dropped: 0 });
      // Two hours on (by the agent's clock), A still out of reach: past its 1 h retention, dropped for it.
      now += 2 * 3_600_000;
      await agent.sweep();
      expect(agent.planners()[0]).toMatchObject({ waiting: 0, dropped: 2 });
      await waitFor(() => reportFiles(outboxDir) === 0, 'the dropped reports, acked by B, to leave the outbox');
      expect(warnings.filter((w) => /^dropped 2 report\(s\) the planner ws:\/\/127\.0\.0\.1:\d+\/agent did not acknowledge within 1 h/.test(w))).toHaveLength(1);
      await agent.stop();

      // Restarted, the agent still knows the count, and A hears it in the hello once it is back.
      agent = createAgent({ config, collectors: [quick], logger, now: () => new Date(now) });
      await agent.start();
      expect(agent.planners()[0]).toMatchObject({ waiting: 0, dropped: 2 });
      a = await startPlanner(portA, 'token-a-0123456789');
      await waitFor(() => a!.hellos().length === 1, 'the hello to A');
      expect(a.hellos()[0]).toMatchObject({ outboxDepth: 0, outboxDropped: 2 });
      expect(a.stored.size).toBe(0);
    } finally {
      await agent.stop();
      await b.close();
      await a?.close();
    }
  });

  it('counts a planner that opens the socket and refuses the agent as unreachable: its reports are dropped after the retention', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await startPlanner(portA, 'token-a-0123456789', true);
    const b = await startPlanner(portB, 'token-b-0123456789');
    let now = Date.parse('2026-11-22T10:00:00Z');
    const agent = createAgent({
      config: {
        agentId: 'fe1',
        planners: [
          { url: `ws://127.0.0.1:${portA}/agent`, token: 'token-a-0123456789', outboxRetentionHours: 1 },
          { url: `ws://127.0.0.1:${portB}/agent`, token: 'token-b-0123456789' },
        ],
        outboxDir: path.join(dir, 'refused'),
        reconnect: { initialMs: 50, maxMs: 100 },
        collectors: { quick: { schedule: '0 0 1 1 *' } },
      },
      collectors: [quick],
      now: () => new Date(now),
    });
    await agent.start();
    try {
      await agent.runOnce('quick');
      await waitFor(() => b.stored.size === 1 && a.refused() >= 1, 'B to ack, and A to refuse the agent');
      now += 2 * 3_600_000;
      // Refused again after two hours: still out of reach since the start.
      const seen = a.refused();
      await waitFor(() => a.refused() > seen + 1, 'A to refuse the agent again');
      await agent.sweep();
      expect(agent.planners()[0]).toMatchObject({ waiting: 0, dropped: 1 });
    } finally {
      await agent.stop();
      await a.close();
      await b.close();
    }
  });
});
