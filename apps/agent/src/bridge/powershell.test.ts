import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { backupServiceCollector, cmsReplicationCollector, mirrorStateCollector } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { toPowerShellArgs } from './args';
import { createPowerShellBridge } from './powershell';

const here = path.dirname(fileURLToPath(import.meta.url));
const replay = path.resolve(here, '../../test/replay-powershell.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-bridge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bridge = (over: Partial<Parameters<typeof createPowerShellBridge>[0]> = {}) =>
  createPowerShellBridge({ executable: replay, timeoutMs: 10_000, maxOutputBytes: 4 * 1024 * 1024, ...over });

/** True while a process exists and is not a zombie waiting to be reaped (containers may lack a reaping init). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/stat`)) return true;
  const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').charAt(0);
  return state !== 'Z' && state !== 'X';
}

async function failure(p: Promise<unknown>): Promise<LyncdrError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LyncdrError);
    return e as LyncdrError;
  }
  throw new Error('expected a failure');
}

describe('PowerShell bridge through a real child process', () => {
  it('passes -NoProfile -NonInteractive -File and named parameters, and parses the JSON printed', async () => {
    const out = (await bridge().run('backup-service-status.ps1', { PoolFqdn: 'pool-red.contoso.test' })) as { backupModules: unknown[] };
    expect(out.backupModules).toHaveLength(3);
  });

  it('maps a non-zero exit to E_BRIDGE_EXIT with the stderr text', async () => {
    const e = await failure(bridge().run('backup-service-status.ps1', { PoolFqdn: 'denied.contoso.test' }));
    expect(e.code).toBe('E_BRIDGE_EXIT');
    expect(e.message).toMatch(/RTCUniversalServerAdmins/);
  });

  it('maps garbage on stdout to E_BRIDGE_JSON', async () => {
    const e = await failure(bridge().run('backup-service-status.ps1', { PoolFqdn: 'garbage.contoso.test' }));
    expect(e.code).toBe('E_BRIDGE_JSON');
    expect(e.message).toMatch(/Identity ExportStatus/);
  });

  it('kills a hung script and its children after the timeout', async () => {
    const pidFile = path.join(tmp, 'grandchild.pid');
    // The script must have started its child before the timeout for the test to mean something; on a busy machine
    // starting the replay program can take longer than a short timeout, so the timeout grows until it has.
    let pid = 0;
    for (const timeoutMs of [700, 2000, 5000, 15_000]) {
      const t0 = Date.now();
      const e = await failure(bridge({ timeoutMs, env: { ...process.env, LYNCDR_REPLAY_PIDFILE: pidFile } }).run('backup-service-status.ps1', { PoolFqdn: 'hang.contoso.test' }));
      expect(e.code).toBe('E_BRIDGE_TIMEOUT');
      expect(Date.now() - t0).toBeLessThan(timeoutMs + 4300);
      if (existsSync(pidFile)) {
        pid = Number(readFileSync(pidFile, 'utf8'));
        break;
      }
    }
    expect(pid).toBeGreaterThan(0);
    // The kill is sent when the timeout fires; the grandchild is gone once the OS has delivered it.
    for (const t0 = Date.now(); isRunning(pid) && Date.now() - t0 < 10_000; ) await new Promise((r) => setTimeout(r, 20));
    expect(isRunning(pid)).toBe(false);
  }, 60_000);

  it('stops reading and kills a script that prints 100 MB, without holding it in memory', async () => {
    const before = process.memoryUsage().rss;
    const e = await failure(bridge({ maxOutputBytes: 2 * 1024 * 1024 }).run('backup-service-status.ps1', { PoolFqdn: 'flood.contoso.test' }));
    expect(e.code).toBe('E_BRIDGE_OUTPUT_LIMIT');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('reports an executable that cannot start as E_BRIDGE_SPAWN', async () => {
    const e = await failure(bridge({ executable: path.join(tmp, 'no-such-powershell.exe') }).run('cms-replication-status.ps1'));
    expect(e.code).toBe('E_BRIDGE_SPAWN');
  });

  it('refuses script names outside the scripts folder', async () => {
    expect((await failure(bridge().run('../evil.ps1'))).code).toBe('E_BRIDGE_SCRIPT');
    expect((await failure(bridge().run('missing-script.ps1'))).code).toBe('E_BRIDGE_SCRIPT');
  });

  it('ships every script the collectors call', () => {
    for (const s of ['backup-service-status', 'pool-backup-relationship', 'cms-replication-status', 'database-mirror-state', 'install-service']) {
      expect(existsSync(path.resolve(here, `../../scripts/${s}.ps1`)), s).toBe(true);
    }
  });

  it('builds PowerShell switches and parameters', () => {
    expect(toPowerShellArgs({ PoolFqdn: 'p.contoso.test', Force: true, LocalStore: false, Retry: 3 })).toEqual(['-PoolFqdn', 'p.contoso.test', '-Force', '-Retry', '3']);
    expect(() => toPowerShellArgs({ 'a b': 1 })).toThrow(/not a PowerShell parameter name/);
  });
});

describe('bridge collectors on recorded outputs', () => {
  const ctx = { now: () => new Date('2026-11-22T09:00:00Z'), bridge: bridge({ timeoutMs: 1500 }) };

  it('backup-service: healthy pair direction, backlog, import error, unknown shape, timeout', async () => {
    const run = await backupServiceCollector.run(
      { pools: ['pool-red.contoso.test', 'pool-dub.contoso.test', 'pool-odd.contoso.test', 'hang.contoso.test'], cmsMasterPool: 'pool-red.contoso.test' },
      ctx,
    );
    const [red, dub, odd, hang] = run.observations;
    expect(red!.ok).toBe(true);
    expect(red!.data.relationships).toEqual([{ PoolFqdn: 'pool-red.contoso.test', BackupPoolFqdn: 'pool-dub.contoso.test' }]);
    expect(dub!.ok).toBe(false);
    expect(dub!.findings.map((f) => f.code).sort()).toEqual(['BACKUP_BACKLOG', 'BACKUP_IMPORT_STATE']);
    expect(odd!.findings.map((f) => f.code)).toContain('BACKUP_STATE_UNKNOWN');
    expect(hang!.findings.map((f) => f.code)).toContain('E_BRIDGE_TIMEOUT');
    expect(run.ok).toBe(false);
  });

  it('cms-replication: a replica behind is an error; dates in /Date()/ form are read', async () => {
    const run = await cmsReplicationCollector.run({}, ctx);
    const obs = run.observations[0]!;
    expect(obs.ok).toBe(false);
    expect(obs.findings.find((f) => f.code === 'CMS_REPLICA_BEHIND')?.message).toMatch(/edge1\.contoso\.test/);
    const replicas = obs.data.replicas as { replicaFqdn: string; lastStatusReport: string }[];
    expect(replicas[1]!.lastStatusReport).toMatch(/^2026-11-\d\dT/);
  });

  it('mirror-state: both MirroringStatusOnSecondary and MirroringStatusOnMirror are read', async () => {
    const run = await mirrorStateCollector.run({ pools: ['pool-red.contoso.test', 'pool-dub.contoso.test'] }, ctx);
    const [red, dub] = run.observations;
    expect(red!.ok).toBe(true);
    expect((red!.data.databases as { databaseName: string; status: string }[]).map((d) => d.status)).toEqual(['synchronized', 'synchronized', 'not-mirrored']);
    expect(dub!.findings.map((f) => f.code).sort()).toEqual(['MIRROR_NOT_SYNCHRONIZED', 'MIRROR_STATE_UNKNOWN']);
  });
});
