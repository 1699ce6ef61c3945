import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgent } from '../apps/agent/src/index';
import { startTestPlanner } from '../apps/planner/src/testing/test-planner';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-planner-agent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Windows-side bridge is not used by the file-store collector; any call is a test failure. */
const noBridge = { run: async () => { throw new Error('no PowerShell in this test'); } };

describe('planner with the real agent (apps/agent) over a real socket', () => {
  it('stores and acks the agent reports, turns them into statuses, runs "collect now", and loses nothing across a planner restart', async () => {
    // A file share and its backup copy, generated here.
    const source = path.join(dir, 'share');
    const backup = path.join(dir, 'backup');
    for (const root of [source, backup]) {
      mkdirSync(path.join(root, '1-WebServices-1'), { recursive: true });
      writeFileSync(path.join(root, '1-WebServices-1', 'meeting.dat'), 'conference content');
    }
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(source, '1-WebServices-1', 'meeting.dat'), old, old);
    const subject = 'filestore:\\\\fs1.contoso.test\\lyncshare';
    const item = { id: subject, name: 'File store', frequency: { periodHours: 24 } };
    const data = path.join(dir, 'planner');
    let p = await startTestPlanner({}, { dir: data, items: () => [item], deployment: 'contoso' });
    const port = Number(new URL(p.url).port);
    const token = p.addAgent('fe1');
    const agent = createAgent({
      config: {
        agentId: 'fe1', planner: { url: p.agentUrl, token }, outboxDir: path.join(dir, 'outbox'), heartbeatSeconds: 1,
        reconnect: { initialMs: 50, maxMs: 200 },
        collectors: { 'file-store': { schedule: '0 3 * * *', source, backup, subject } },
      },
      bridge: noBridge,
    });
    await agent.start();
    try {
      await agent.runOnce('file-store');
      await until('the ack', () => agent.outboxDepth() === 0);
      expect(p.store.countReports()).toBe(1);
      await until('an ok status', () => p.server.evaluator.evaluate().items[0]?.status === 'ok');

      // "collect now" through the API reaches the agent, which runs the collector and reports.
      const admin = p.addAgent('ops', 'admin');
      const r = await fetch(`${p.url}/api/agents/fe1/collect`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: JSON.stringify({ collector: 'file-store' }) });
      expect(r.status).toBe(202);
      await until('the collected report', () => p.store.countReports() === 2);

      // The planner goes away; the agent keeps reports in its outbox and sends them when the planner is back.
      await p.stop();
      for (let i = 0; i < 3; i++) await agent.runOnce('file-store');
      expect(agent.outboxDepth()).toBe(3);
      p = await startTestPlanner({ port }, { dir: data, items: () => [item], deployment: 'contoso' });
      await until('the outbox to drain', () => agent.outboxDepth() === 0);
      expect(p.store.countReports()).toBe(5);
      expect(p.store.getToken('fe1')?.version).toBe('0.1.0');
    } finally {
      await agent.stop();
      await p.stop();
    }
  });
});
