import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../apps/planner/src/cli/context';
import { runCli } from '../../apps/planner/src/cli/program';
import { repoRoot } from '../planner-helpers';
import { createFaultAgent } from './fault-agent';
import { inspectPlannerDb } from './planner-db';
import { killStartedPlanners, startGroupPlanner, type GroupPlanner } from './planner-process';
import { seeded, until } from './rng';
import { faultSeed, testMs } from './scale';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'outbox-writer.ts');

/**
 * Kills a process writing the agent's outbox with SIGKILL while a report file is half written (the kill fires when
 * the temporary file of a put appears). The next agent start on that folder drops the half-written temporary file
 * and delivers every report whose put had returned; nothing half-written is ever sent.
 */
async function killMidWrite(dir: string, agentId: string, puts: number): Promise<{ written: string[]; leftTmp: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, agentId, String(2_000_000)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, s) => resolve(s)));
  const written: string[] = [];
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const lines = out.split('\n');
    out = lines.pop()!;
    for (const l of lines) if (l.startsWith('put ')) written.push(l.slice(4));
  });
  const watcher = watch(dir, (_e, name) => {
    if (written.length >= puts && name?.endsWith('.tmp') && existsSync(path.join(dir, name))) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  const signal = await exited;
  watcher.close();
  expect(signal).toBe('SIGKILL');
  return { written, leftTmp: readdirSync(dir).some((n) => n.endsWith('.tmp')) };
}

describe('an agent killed in the middle of an outbox write', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-faults-write-'));
  let planner: GroupPlanner | null = null;
  afterAll(async () => {
    await killStartedPlanners();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no half report: the next start drops the temporary file and delivers every finished put', async () => {
    const outboxDir = path.join(dir, 'outbox');
    mkdirSync(outboxDir);
    const written: string[] = [];
    let midWrite = 0;
    // A kill lands during the write nearly always (2 MB written and fsynced after the file appears); a few tries make
    // sure one did, and every try must keep the outbox sound either way.
    for (let attempt = 0; attempt < 8 && midWrite < 2; attempt++) {
      const r = await killMidWrite(outboxDir, 'w01', 2);
      written.push(...r.written);
      if (r.leftTmp) midWrite++;
    }
    expect(midWrite).toBeGreaterThan(0);

    let out = '';
    const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: dir });
    expect(await runCli(['agents', 'add', 'w01', '--data', dir, '--json'], ctx)).toBe(0);
    const token = (JSON.parse(out) as { token: string }).token;
    const config = path.join(dir, 'planner.yaml');
    writeFileSync(config, `data: ${JSON.stringify(dir)}\nlimits: { reportsPerMinute: 100000, burst: 100000 }\n`);
    planner = await startGroupPlanner(['--config', config, '--port', '0']);

    const a = createFaultAgent({ id: 'w01', token, url: planner.agentUrl, outboxDir, random: seeded(faultSeed) });
    await a.agent.start();
    await until(() => a.agent.outboxDepth() === 0, 'the outbox to drain');
    await a.agent.stop();
    expect((await planner.kill('SIGTERM')).code).toBe(0);
    planner = null;

    expect(readdirSync(outboxDir)).toEqual([]);
    const db = inspectPlannerDb(path.join(dir, 'planner.sqlite'));
    expect(db.integrity).toBe('ok');
    const stored = new Set(db.reports);
    expect(written.filter((id) => !stored.has(`w01/${id}`))).toEqual([]);
    // A put that was killed after its rename but before it printed is delivered too; nothing else is stored.
    expect(db.reports.every((r) => /^w01\/r-w01-\d{6}-\d+$/.test(r))).toBe(true);
    expect(a.errors).toEqual([]);
    console.log(`faults: writer killed mid-write ${midWrite} times; ${written.length} finished puts, ${db.reports.length} delivered, 0 lost, no half report`);
  }, testMs);
});
