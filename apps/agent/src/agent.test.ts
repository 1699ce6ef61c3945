import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Collector } from '@lyncdr/collectors';
import { decode, type Report } from '@lyncdr/protocol';
import { createAgent } from './agent';
import { backoffDelay } from './backoff';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function slowCollector(ms: number) {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  const c: Collector = {
    id: 'slow',
    description: 'takes a while',
    async run() {
      active++;
      runs++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return { ok: true, observations: [], findings: [] };
    },
  };
  return { c, stats: () => ({ runs, maxActive }) };
}

const cfg = (outboxDir: string, schedule: string) => ({
  agentId: 'fe1',
  // Nothing listens here: the agent keeps its reports and retries in the background.
  planner: { url: 'ws://127.0.0.1:9/agent', token: 'token-0123456789' },
  outboxDir,
  reconnect: { initialMs: 50, maxMs: 100 },
  collectors: { slow: { schedule } },
});

describe('agent schedule and runs', () => {
  it('runs a collector on its cron schedule without overlapping, recording each duration in the outbox', async () => {
    const outboxDir = path.join(dir, 'sched');
    const { c, stats } = slowCollector(1300);
    const agent = createAgent({ config: cfg(outboxDir, '* * * * * *'), collectors: [c] });
    await agent.start();
    await new Promise((r) => setTimeout(r, 3800));
    await agent.stop();
    const { runs, maxActive } = stats();
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(3);
    const files = readdirSync(outboxDir);
    expect(files).toHaveLength(runs);
    for (const f of files) {
      const env = decode(readFileSync(path.join(outboxDir, f), 'utf8'));
      expect(env.type).toBe('report');
      expect((env.payload as Report).durationMs).toBeGreaterThanOrEqual(1200);
      expect(`${env.id}.json`).toBe(f);
    }
  }, 15_000);

  it('a second runOnce while one runs shares that run (one report), and a throwing collector gives a failed report', async () => {
    const { c, stats } = slowCollector(200);
    const broken: Collector = { id: 'broken', description: 'throws', run: async () => { throw new Error('disk on fire'); } };
    const agent = createAgent({ config: { ...cfg(path.join(dir, 'once'), '0 0 1 1 *'), collectors: { slow: { schedule: '0 0 1 1 *' } } }, collectors: [c, broken] });
    const [a, b] = await Promise.all([agent.runOnce('slow'), agent.runOnce('slow')]);
    expect(a).toBe(b);
    expect(stats().runs).toBe(1);
    expect(agent.outboxDepth()).toBe(1);
    const r = await agent.runOnce('broken');
    expect(r).toMatchObject({ ok: false, findings: [{ code: 'E_COLLECTOR_FAILED', message: 'collector broken failed: disk on fire' }] });
    await expect(agent.runOnce('nope')).rejects.toThrow(/no collector named "nope"/);
  });

  it('refuses a config naming an unknown collector', () => {
    expect(() => createAgent({ config: { ...cfg(path.join(dir, 'bad'), '* * * * *'), collectors: { fliestore: { schedule: '* * * * *' } } } })).toThrow(/collectors\.fliestore: no collector has this id/);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(4000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
