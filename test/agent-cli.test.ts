import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './planner-helpers';

const agentMain = path.join(repoRoot, 'apps/agent/src/main.ts');
// The agent runs from a temporary folder (its cwd), so tsx is named by its resolved location.
const tsx = pathToFileURL(createRequire(path.join(repoRoot, 'package.json')).resolve('tsx')).href;
const replay = path.join(repoRoot, 'apps/agent/test/replay-powershell.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function agentCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', tsx, agentMain, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
}

const config = `agentId: fe1
planner: { url: "ws://127.0.0.1:9/agent", token: "0123456789abcdef" }
outboxDir: outbox
powershell: { executable: ${JSON.stringify(replay)}, timeoutMs: 5000 }
collectors:
  backup-service: { schedule: "*/5 * * * *", pools: [pool-red.contoso.test, pool-dub.contoso.test] }
  mirror-state: { schedule: "0 * * * *", pools: [pool-red.contoso.test] }
`;

describe('lyncdr-agent as a real process, PowerShell replaced by the replay program', () => {
  writeFileSync(path.join(dir, 'agent.yaml'), config);

  it('run-once --json prints one report, queues it in the outbox and exits 1 on findings', () => {
    const p = agentCli(['run-once', '--collector', 'backup-service', '--config', 'agent.yaml', '--json']);
    expect(p.stderr).toBe('');
    expect(p.status).toBe(1);
    const report = JSON.parse(p.stdout);
    expect(report.collector).toBe('backup-service');
    expect(report.observations.map((o: { subject: string; ok: boolean }) => [o.subject, o.ok])).toEqual([
      ['pool-red.contoso.test', true],
      ['pool-dub.contoso.test', false],
    ]);
    expect(readdirSync(path.join(dir, 'outbox'))).toHaveLength(1);
  });

  it('run-once exits 0 when the collector finds nothing wrong', () => {
    const p = agentCli(['run-once', '--collector', 'mirror-state', '--config', 'agent.yaml']);
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/mirror-state: ok/);
  });

  it('bad usage and bad config exit 2 with the key named, no stack trace', () => {
    const unknown = agentCli(['run-once', '--collector', 'exports', '--config', 'agent.yaml']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/E_AGENT_CONFIG: collectors\.exports is not in agent\.yaml/);
    writeFileSync(path.join(dir, 'bad.yaml'), config.replace('*/5 * * * *', 'sometimes'));
    const bad = agentCli(['run-once', '--collector', 'backup-service', '--config', 'bad.yaml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/collectors\.backup-service\.schedule: is not a valid cron expression/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(agentCli(['run-once']).status).toBe(2);
    expect(agentCli(['--help']).status).toBe(0);
  });

  it('start runs as a service until SIGTERM, then stops cleanly', async () => {
    const child = spawn(process.execPath, ['--import', tsx, agentMain, 'start', '--config', 'agent.yaml'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const t0 = Date.now();
    while (!/lyncdr-agent: started/.test(err)) {
      if (Date.now() - t0 > 30_000) throw new Error(`the agent did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(err).toMatch(/outbox \d+ pending/);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  });
});
