import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseHistory, guidOf, lsnOf, writeSyntheticBackup } from '@lyncdr/sql-backup/testing';
import { createCliContext } from '../context';
import { runCli } from '../program';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
let dir: string;
let healthy: string;
let broken: string;

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx = createCliContext({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, now: () => new Date('2024-03-08T00:00:00Z') });
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lyncdr-cli-sql-'));
  healthy = path.join(dir, 'healthy');
  broken = path.join(dir, 'broken');
  await mkdir(healthy);
  await mkdir(broken);
  const specs = databaseHistory({ database: 'LcsCDR', server: 'SQLBE01\\RTC', days: 2, logMinutes: 240 });
  let i = 0;
  for (const s of specs) await writeSyntheticBackup(path.join(healthy, `${String(i++).padStart(3, '0')}.${s.type === 'L' ? 'trn' : 'bak'}`), s);
  // Broken: the same history without one log in the middle of the last day, plus a random file named .bak.
  const logs = specs.filter((s) => s.type === 'L');
  const missing = logs[logs.length - 3]!;
  i = 0;
  for (const s of specs) if (s !== missing) await writeSyntheticBackup(path.join(broken, `${String(i++).padStart(3, '0')}.${s.type === 'L' ? 'trn' : 'bak'}`), s);
  await writeFile(path.join(broken, 'garbage.bak'), 'this is not a backup '.repeat(400));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lyncdr verify sql', () => {
  it('--json prints one document in the DESIGN §4 shape; exit 0 when the chain is whole', async () => {
    const r = await run(['verify', 'sql', 'healthy', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.databases).toHaveLength(1);
    const d = doc.databases[0];
    expect(d).toMatchObject({ name: 'LcsCDR', server: 'SQLBE01\\RTC', chainOk: true, findings: [] });
    for (const k of ['lastFull', 'lastDiff', 'lastLog', 'restorableTo']) expect(Number.isNaN(Date.parse(d[k])), k).toBe(false);
    expect(doc.files.length).toBeGreaterThan(10);
    for (const f of doc.files) {
      expect(['full', 'diff', 'log']).toContain(f.type);
      expect(f).toMatchObject({ database: 'LcsCDR', findings: [] });
      expect(f.firstLsn).toMatch(/^\d+$/);
      expect(f.lastLsn).toMatch(/^\d+$/);
      expect(Number.isNaN(Date.parse(f.start))).toBe(false);
      expect(Number.isNaN(Date.parse(f.finish))).toBe(false);
    }
  });

  it('exit 1 with the gap and the garbage file named; human output is a table per database', async () => {
    const j = await run(['verify', 'sql', broken, '--json']);
    expect(j.code).toBe(1);
    const doc = JSON.parse(j.stdout);
    expect(doc.databases[0].chainOk).toBe(false);
    expect(doc.databases[0].findings.map((f: { code: string }) => f.code)).toContain('E_SQL_LOG_GAP');
    expect(doc.otherFiles.map((f: { path: string }) => path.basename(f.path))).toEqual(['garbage.bak']);

    const h = await run(['verify', 'sql', broken]);
    expect(h.code).toBe(1);
    expect(h.stdout).toMatch(/SQLBE01\\RTC \/ LcsCDR/);
    expect(h.stdout).toMatch(/chain: BROKEN/);
    expect(h.stdout).toMatch(/#\s+type\s+finished\s+first LSN\s+last LSN\s+file\(s\)/);
    expect(h.stdout).toMatch(/E_SQL_LOG_GAP/);
    expect(h.stdout).toMatch(/E_SQL_NOT_A_BACKUP: .*garbage\.bak/);
  });

  it('exit 2 and one clear line on stderr for a missing folder; nothing on stdout', async () => {
    const r = await run(['verify', 'sql', 'no-such-folder', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('lyncdr: E_INPUT: no-such-folder: no such folder; give the folder that holds the .bak/.trn files\n');
  });

  it('--help describes the command and its exit codes', async () => {
    const r = await run(['verify', 'sql', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: lyncdr verify sql \[options\] <folder\.\.\.>/);
    expect(r.stdout).toMatch(/Exit codes: 0 no findings, 1 findings/);
  });

  it('shows progress on stderr for large folders, never in --json mode', async () => {
    const big = path.join(dir, 'big');
    await mkdir(big);
    for (let n = 0; n < 260; n++) {
      await writeSyntheticBackup(path.join(big, `db${n}.bak`), { database: `db${n}`, server: 'SQL1', type: 'D', firstLsn: lsnOf(9, 10), lastLsn: lsnOf(9, 20), start: '2024-03-07T01:00:00', backupSetGuid: guidOf(10_000 + n), size: 32 * 1024 });
    }
    const human = await run(['verify', 'sql', big]);
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/read 260\/260 backup headers/);
    const json = await run(['verify', 'sql', big, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).databases).toHaveLength(260);
  });

  it('runs as a real child process with the same contract (exit 1, JSON on stdout)', async () => {
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/planner/src/cli/main.ts'), 'verify', 'sql', broken, '--json'], { cwd: repo })
      .then(() => ({ code: 0, stdout: '' }))
      .catch((e: { code: number; stdout: string }) => e);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).databases[0].chainOk).toBe(false);
  }, 60_000);
});
