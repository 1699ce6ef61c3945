import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../apps/planner/src/cli/context';
import { runCli } from '../../apps/planner/src/cli/program';
import { createFaultAgent, type FaultAgent } from './fault-agent';
import { inspectPlannerDb } from './planner-db';
import { killStartedPlanners, startGroupPlanner, type GroupPlanner } from './planner-process';
import { seeded, until } from './rng';
import { faultSeed, scale, testMs } from './scale';

/**
 * Agents stream reports while the planner is killed with SIGKILL again and again, each time once a seeded number of
 * further reports has been acknowledged (kills follow observed progress, not time). After each kill: the database
 * passes PRAGMA integrity_check and holds every report an agent has deleted from its outbox (deleted only on an ack).
 * The planner is restarted on the same data folder and the agents reconnect by themselves. In the end every produced
 * report is stored exactly once and every outbox is empty.
 */
describe(`planner killed ${scale.kills} times while ${scale.agents} agents stream`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-faults-kill-'));
  let planner: GroupPlanner | null = null;
  const agents: FaultAgent[] = [];
  afterAll(async () => {
    await Promise.all(agents.map((a) => a.agent.stop()));
    await killStartedPlanners();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acked report, stores each report once, and recovers without help', async () => {
    const rng = seeded(faultSeed);
    const tokens: string[] = [];
    for (let i = 0; i < scale.agents; i++) {
      let out = '';
      const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
      expect(await runCli(['agents', 'add', `a${String(i).padStart(2, '0')}`, '--data', dir, '--json'], ctx)).toBe(0);
      tokens.push((JSON.parse(out) as { token: string }).token);
    }
    const config = path.join(dir, 'planner.yaml');
    writeFileSync(config, `data: ${JSON.stringify(dir)}\nlimits: { reportsPerMinute: 1000000, burst: 1000000 }\n`);
    const db = path.join(dir, 'planner.sqlite');

    planner = await startGroupPlanner(['--config', config, '--port', '0']);
    const port = String(planner.port);
    for (let i = 0; i < scale.agents; i++) {
      agents.push(createFaultAgent({ id: `a${String(i).padStart(2, '0')}`, token: tokens[i]!, url: planner.agentUrl, outboxDir: path.join(dir, `outbox-${i}`), random: seeded(faultSeed + i + 1) }));
    }
    await Promise.all(agents.map((a) => a.agent.start()));
    const producing = Promise.all(
      agents.map(async (a) => {
        while (a.produced.length < scale.reportsPerAgent) await a.agent.runOnce('file-store');
      }),
    );
    const total = scale.agents * scale.reportsPerAgent;
    const acked = () => agents.reduce((n, a) => n + a.produced.length - a.agent.outboxDepth(), 0);
    const step = Math.max(2, Math.floor(total / (scale.kills + 1) / 1.5));

    let kills = 0;
    for (let k = 0; k < scale.kills; k++) {
      const at = acked() + 1 + Math.floor(rng() * step);
      await until(() => acked() >= at, `${at} acked reports before kill ${k + 1}`);
      const { signal } = await planner.kill('SIGKILL');
      expect(signal).toBe('SIGKILL');
      kills++;
      // Everything an agent deleted from its outbox was acked, so it must be on disk now, before any replay.
      const after = inspectPlannerDb(db);
      expect(after.integrity).toBe('ok');
      const stored = new Set(after.reports);
      const missing = agents.flatMap((a) => {
        const pending = new Set(a.pending());
        return a.produced.filter((id) => !pending.has(id) && !stored.has(`${a.id}/${id}`)).map((id) => `${a.id}/${id}`);
      });
      expect(missing).toEqual([]);
      planner = await startGroupPlanner(['--config', config, '--port', port]);
    }
    await producing;
    await until(() => agents.every((a) => a.agent.outboxDepth() === 0), 'every outbox to drain');
    await Promise.all(agents.map((a) => a.agent.stop()));
    expect((await planner.kill('SIGTERM')).code).toBe(0);
    planner = null;

    const end = inspectPlannerDb(db);
    expect(end.integrity).toBe('ok');
    const produced = agents.flatMap((a) => a.produced.map((id) => `${a.id}/${id}`));
    expect(new Set(produced).size).toBe(total);
    expect(end.reports.length).toBe(total);
    expect(new Set(end.reports)).toEqual(new Set(produced));
    expect(agents.flatMap((a) => a.pending())).toEqual([]);
    console.log(`faults: ${scale.agents} agents, ${kills} SIGKILLs survived, ${total} reports produced, ${end.reports.length} stored once each, 0 lost`);
  }, testMs);
});
