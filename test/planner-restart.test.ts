import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/server/sim-agent';
import { createSqliteStore } from '../packages/store/src/index';
import { startPlannerProcess, type PlannerProcess } from './planner-helpers';

/**
 * The planner is killed (SIGKILL, no graceful shutdown) while an agent streams reports, then restarted on the same
 * data folder. The agent keeps an outbox and deletes a report only on its ack, then resends what is left.
 * Nothing acked may be lost, and nothing is stored twice.
 */
describe('planner restarted mid-stream', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acked report across a SIGKILL, and stores each report once after the replay', async () => {
    let out = '';
    const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
    expect(await runCli(['agents', 'add', 'fe1', '--data', dir, '--json'], ctx)).toBe(0);
    const token = (JSON.parse(out) as { token: string }).token;
    const args = ['--data', dir, '--port', '0', '--config', path.join(dir, 'planner.yaml')];
    await import('node:fs').then((fs) => fs.writeFileSync(path.join(dir, 'planner.yaml'), `data: ${JSON.stringify(dir)}\nlimits: { reportsPerMinute: 100000, burst: 100000 }\n`));

    const total = 400;
    const outbox = new Set(Array.from({ length: total }, (_, i) => `rep-fe1-${String(i).padStart(6, '0')}`));
    const acked = new Set<string>();
    const stream = (agent: SimAgent) =>
      Promise.allSettled([...outbox].map((id) => agent.report(id).then(() => {
        acked.add(id);
        outbox.delete(id);
      })));

    let planner: PlannerProcess = await startPlannerProcess(args);
    let agent = await connectSimAgent(planner.agentUrl, { agentId: 'fe1', token });
    agent.hello();
    const sending = stream(agent);
    while (acked.size < 50) await new Promise((r) => setTimeout(r, 5));
    planner.child.kill('SIGKILL');
    await planner.exited;
    await sending;
    const ackedBeforeKill = new Set(acked);
    expect(ackedBeforeKill.size).toBeGreaterThanOrEqual(50);
    expect(outbox.size).toBeGreaterThan(0);

    // Everything acked is on disk, before any replay.
    const store = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now: () => new Date() });
    for (const id of ackedBeforeKill) expect(store.hasReport(id)).toBe(true);
    store.close();

    planner = await startPlannerProcess(args);
    agent = await connectSimAgent(planner.agentUrl, { agentId: 'fe1', token });
    agent.hello();
    // The replay also resends some already-acked ids (as an agent would after losing acks): acked as duplicates.
    const replayed = [...ackedBeforeKill].slice(0, 10);
    const dup = await Promise.all(replayed.map((id) => agent.report(id)));
    expect(dup.every((a) => a.duplicate)).toBe(true);
    await stream(agent);
    expect(outbox.size).toBe(0);
    agent.close();
    planner.child.kill('SIGTERM');
    expect((await planner.exited).code).toBe(0);
    const after = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now: () => new Date() });
    expect(after.countReports()).toBe(total);
    after.close();
  });
});
