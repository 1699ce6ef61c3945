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
import { faultSeed, soak, testMs } from './scale';

const MIN = 60_000;
/** The agent's clock against the real one, phase by phase: back, forward within the tolerated 5 min, far back. */
const JUMPS = [0, -6 * 60 * MIN, 2 * MIN, -30 * 24 * 60 * MIN, 4 * MIN, 0];

/**
 * The agent's clock (injected) jumps back and forward while it streams to a real planner. Report ids stay unique
 * (sequence and random parts, not the time alone), every report is delivered and stored once, whatever its date.
 * A jump forward beyond the planner's tolerance (3 h) makes the planner refuse those runs as E_CLOCK_SKEW: they are
 * not stored and not acked, so they stay in the outbox instead of being lost.
 */
describe('agent clock jumping back and forward', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-faults-clock-'));
  let planner: GroupPlanner | null = null;
  let agent: FaultAgent | null = null;
  afterAll(async () => {
    await agent?.agent.stop();
    await killStartedPlanners();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every report once across clock jumps and keeps runs dated too far ahead in the outbox', async () => {
    let out = '';
    const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
    expect(await runCli(['agents', 'add', 'c01', '--data', dir, '--json'], ctx)).toBe(0);
    const token = (JSON.parse(out) as { token: string }).token;
    const config = path.join(dir, 'planner.yaml');
    writeFileSync(config, `data: ${JSON.stringify(dir)}\nlimits: { reportsPerMinute: 100000, burst: 100000 }\n`);
    planner = await startGroupPlanner(['--config', config, '--port', '0']);

    let offset = 0;
    const a = (agent = createFaultAgent({ id: 'c01', token, url: planner.agentUrl, outboxDir: path.join(dir, 'outbox'), random: seeded(faultSeed), now: () => new Date(Date.now() + offset) }));
    await a.agent.start();
    const perPhase = soak ? 40 : 5;
    for (const jump of JUMPS) {
      offset = jump;
      for (let i = 0; i < perPhase; i++) await a.agent.runOnce('file-store');
      await until(() => a.agent.outboxDepth() === 0, `the reports made with the clock at ${jump / MIN} min to be delivered`);
    }
    const delivered = [...a.produced];

    // Too far ahead: refused, kept.
    offset = 3 * 60 * MIN;
    for (let i = 0; i < 3; i++) await a.agent.runOnce('file-store');
    offset = 0;
    const ahead = a.produced.slice(delivered.length);
    await a.agent.stop();
    await a.agent.start();
    await a.agent.runOnce('file-store');
    await until(() => a.agent.outboxDepth() === ahead.length, 'the report after the clock came back to be delivered');
    expect(a.pending().sort()).toEqual([...ahead].sort());
    await a.agent.stop();
    agent = null;
    expect((await planner.kill('SIGTERM')).code).toBe(0);
    planner = null;

    const db = inspectPlannerDb(path.join(dir, 'planner.sqlite'));
    expect(db.integrity).toBe('ok');
    const expected = [...delivered, a.produced.at(-1)!].map((id) => `c01/${id}`);
    expect(new Set(a.produced).size).toBe(a.produced.length);
    expect(db.reports.length).toBe(expected.length);
    expect(new Set(db.reports)).toEqual(new Set(expected));
    console.log(`faults: clock jumps ${JUMPS.map((j) => j / MIN).join(', ')} min: ${delivered.length + 1} reports delivered once, ${ahead.length} dated 3 h ahead kept in the outbox (E_CLOCK_SKEW), 0 lost`);
  }, testMs);
});
