import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../apps/planner/src/cli/context';
import { runCli } from '../../apps/planner/src/cli/program';
import { createDiskFaults, type DiskFaults } from './disk-faults';
import { createFaultAgent, type FaultAgent } from './fault-agent';
import { inspectPlannerDb } from './planner-db';
import { killStartedPlanners, startGroupPlanner, type GroupPlanner } from './planner-process';
import { seeded, until } from './rng';
import { faultSeed, testMs } from './scale';

/** The error a run gets when its report cannot be put in the outbox. */
async function runFails(a: FaultAgent): Promise<string> {
  try {
    await a.agent.runOnce('file-store');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
  return 'stored';
}

/**
 * The agent's outbox folder fills up (ENOSPC) while the agent is cut off from the planner, then becomes read-only
 * (EROFS). A run whose
 * report cannot be written fails with that error and the agent keeps going; every report that was written is
 * delivered once the planner is back, and new runs succeed again once space is free or the folder writable.
 */
describe('outbox folder full and read-only', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-faults-disk-'));
  const outboxDir = path.join(dir, 'outbox');
  mkdirSync(outboxDir);
  let faults: DiskFaults | null = null;
  let planner: GroupPlanner | null = null;
  let agent: FaultAgent | null = null;
  afterAll(async () => {
    await agent?.agent.stop();
    await killStartedPlanners();
    faults?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses runs it cannot store, delivers every stored report, and recovers when the folder does', async () => {
    faults = createDiskFaults(outboxDir, 24);
    let out = '';
    const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
    expect(await runCli(['agents', 'add', 'd01', '--data', dir, '--json'], ctx)).toBe(0);
    const token = (JSON.parse(out) as { token: string }).token;
    const config = path.join(dir, 'planner.yaml');
    writeFileSync(config, `data: ${JSON.stringify(dir)}\nlimits: { reportsPerMinute: 100000, burst: 100000 }\n`);
    planner = await startGroupPlanner(['--config', config, '--port', '0']);
    const a = (agent = createFaultAgent({ id: 'd01', token, url: planner.agentUrl, outboxDir, random: seeded(faultSeed) }));
    await a.agent.start();
    for (let i = 0; i < 3; i++) await a.agent.runOnce('file-store');
    await until(() => a.agent.outboxDepth() === 0, 'the first reports to be delivered');

    // Full: cut off from the planner, the outbox grows until the folder has no room.
    await a.agent.stop();
    let full = 'stored';
    for (let i = 0; i < 2000 && full === 'stored'; i++) full = await runFails(a);
    expect(full).toBe('ENOSPC');
    expect(await runFails(a)).toBe('ENOSPC');
    const queued = a.agent.outboxDepth();
    expect(queued).toBeGreaterThan(0);
    for (const n of readdirSync(outboxDir).filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(readFileSync(path.join(outboxDir, n), 'utf8'))).not.toThrow();
    await a.agent.start();
    await until(() => a.agent.outboxDepth() === 0, 'the full outbox to drain');
    expect(await runFails(a)).toBe('stored');
    await until(() => a.agent.outboxDepth() === 0, 'the report after the disk-full spell to be delivered');

    // Read-only: reports written before stay queued and are delivered; new runs fail until the folder is writable.
    await a.agent.stop();
    for (let i = 0; i < 3; i++) expect(await runFails(a)).toBe('stored');
    faults.readOnly(true);
    expect(await runFails(a)).toBe('EROFS');
    await a.agent.start();
    const stored = () => new Set(inspectPlannerDb(path.join(dir, 'planner.sqlite')).reports);
    await until(() => a.produced.every((id) => stored().has(`d01/${id}`)), 'the queued reports to be stored while the outbox is read-only', undefined, 100);
    faults.readOnly(false);
    // Acked files could not be deleted while read-only; they are sent again on the next connection (acked as
    // duplicates) and deleted then.
    await a.agent.stop();
    await a.agent.start();
    expect(await runFails(a)).toBe('stored');
    await until(() => a.agent.outboxDepth() === 0, 'the outbox to drain after the folder is writable again');
    await a.agent.stop();
    agent = null;
    expect((await planner.kill('SIGTERM')).code).toBe(0);
    planner = null;

    const db = inspectPlannerDb(path.join(dir, 'planner.sqlite'));
    expect(db.integrity).toBe('ok');
    expect(db.reports.length).toBe(a.produced.length);
    expect(new Set(db.reports)).toEqual(new Set(a.produced.map((id) => `d01/${id}`)));
    expect(readdirSync(outboxDir).filter((n) => n.endsWith('.json'))).toEqual([]);
    console.log(`faults: outbox full (ENOSPC after ${queued} queued reports) and read-only (EROFS) via ${faults.mode}; ${a.produced.length} reports produced, ${db.reports.length} stored, 0 lost`);
  }, testMs);
});
