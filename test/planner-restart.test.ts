import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';
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
    const killAfter = 50;
    const window = 20;
    const outbox = new Set(Array.from({ length: total }, (_, i) => `rep-fe1-${String(i).padStart(6, '0')}`));
    const acked = new Set<string>();
    /**
     * Sends the outbox with at most `window` reports in flight, the next one on each ack. `onAck` runs synchronously
     * in the ack's callback and returns false to stop sending: the kill happens at a fixed count of acks whatever the
     * machine's speed, and the reports not yet sent stay in the outbox.
     */
    const stream = (agent: SimAgent, onAck: () => boolean = () => true) =>
      new Promise<void>((resolve) => {
        const queue = [...outbox];
        let inFlight = 0;
        let stopped = false;
        const next = () => {
          while (!stopped && inFlight < window && queue.length) {
            const id = queue.shift()!;
            inFlight++;
            agent.report(id).then(
              () => {
                acked.add(id);
                outbox.delete(id);
                if (!stopped && !onAck()) stopped = true;
              },
              () => {
                stopped = true;
              },
            ).finally(() => {
              inFlight--;
              next();
              if (!inFlight && (stopped || !queue.length)) resolve();
            });
          }
        };
        next();
      });

    let planner: PlannerProcess = await startPlannerProcess(args);
    let agent = await connectSimAgent(planner.agentUrl, { agentId: 'fe1', token });
    agent.hello();
    const firstPlanner = planner;
    await stream(agent, () => {
      if (acked.size < killAfter) return true;
      firstPlanner.child.kill('SIGKILL');
      return false;
    });
    await planner.exited;
    await agent.closed;
    const ackedBeforeKill = new Set(acked);
    expect(ackedBeforeKill.size).toBeGreaterThanOrEqual(killAfter);
    // At most the reports in flight at the kill were acked after it; the rest was never sent.
    expect(ackedBeforeKill.size).toBeLessThanOrEqual(killAfter + window);
    expect(outbox.size).toBeGreaterThanOrEqual(total - killAfter - window);

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
