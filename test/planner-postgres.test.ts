import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { connectSimAgent } from '../apps/planner/src/testing/sim-agent';
import { createPostgresStore } from '../packages/store/src/index';
import { createTestDatabase } from '../packages/store/src/testing/postgres-cluster';
import { postgresForTests } from '../packages/store/src/testing/store-targets';
import { startPlannerProcess, type PlannerProcess } from './planner-helpers';

/**
 * `lyncdr serve` with `store: postgres://…`: a real planner process, an agent over a real WebSocket, the planner
 * killed (SIGKILL) after some acks and started again. Every acked report is in PostgreSQL, the restarted planner
 * answers their replays as duplicates, and the rest arrives once.
 */
const postgres = postgresForTests();

describe.runIf(postgres)('planner on PostgreSQL', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-planner-pg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('acks reports only once PostgreSQL has them, keeps them across a SIGKILL and a restart, and stores each once', async () => {
    // A database of its own, so that a server given by LYNCDR_TEST_POSTGRES_URL may be used again.
    const url = await createTestDatabase(postgres!.url(), 'lyncdr_scenario');
    const schema = 'lyncdr';
    const config = path.join(dir, 'planner.yaml');
    writeFileSync(config, `data: ${JSON.stringify(dir)}\nstore: ${JSON.stringify(url)}\nlimits: { reportsPerMinute: 100000, burst: 100000 }\n`);
    let out = '';
    const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
    expect(await runCli(['agents', 'add', 'fe1', '--config', config, '--json'], ctx)).toBe(0);
    const token = (JSON.parse(out) as { token: string }).token;
    const args = ['--config', config, '--port', '0'];
    const ids = Array.from({ length: 120 }, (_, i) => `rep-fe1-${String(i).padStart(6, '0')}`);

    let planner: PlannerProcess = await startPlannerProcess(args);
    let agent = await connectSimAgent(planner.agentUrl, { agentId: 'fe1', token });
    agent.hello();
    const first = await Promise.all(ids.slice(0, 60).map((id) => agent.report(id)));
    expect(first.every((a) => !a.duplicate)).toBe(true);
    planner.child.kill('SIGKILL');
    await planner.exited;
    await agent.closed;

    // Every acked report is in the deployment's schema, read through a connection of its own.
    const store = createPostgresStore({ url, schema, now: () => new Date() });
    try {
      expect(store.countReports()).toBe(60);
      for (const id of ids.slice(0, 60)) expect(store.hasReport(id, 'fe1')).toBe(true);
      expect(store.getToken('fe1')?.lastRuns).not.toEqual({});
    } finally {
      store.close();
    }

    planner = await startPlannerProcess(args);
    try {
      agent = await connectSimAgent(planner.agentUrl, { agentId: 'fe1', token });
      agent.hello();
      // The agent lost some acks: the restarted planner finds those reports in PostgreSQL.
      const replay = await Promise.all(ids.slice(50, 120).map((id) => agent.report(id)));
      expect(replay.slice(0, 10).every((a) => a.duplicate)).toBe(true);
      expect(replay.slice(10).every((a) => !a.duplicate)).toBe(true);
      agent.close();
    } finally {
      planner.child.kill('SIGTERM');
    }
    expect((await planner.exited).code).toBe(0);
    const after = createPostgresStore({ url, schema, now: () => new Date() });
    try {
      expect(after.countReports()).toBe(120);
    } finally {
      after.close();
    }
  });
});
