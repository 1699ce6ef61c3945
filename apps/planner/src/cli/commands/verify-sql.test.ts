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

async function run(argv: string[], opts: { now?: string; stderrIsTty?: boolean; color?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const now = new Date(opts.now ?? '2024-03-08T00:00:00Z');
  const ctx = createCliContext({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, now: () => now, stderrIsTty: opts.stderrIsTty ?? false, color: opts.color ?? false });
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

    const h = await run(['verify', 'sql', broken, '--detail']);
    expect(h.code).toBe(1);
    expect(h.stdout).toMatch(/SQLBE01\\RTC \/ LcsCDR/);
    expect(h.stdout).toMatch(/chain: BROKEN/);
    expect(h.stdout).toMatch(/#\s+type\s+finished\s+first LSN\s+last LSN\s+file\(s\)/);
    expect(h.stdout).toMatch(/E_SQL_LOG_GAP/);
    expect(h.stdout).toMatch(/E_SQL_NOT_A_BACKUP: .*garbage\.bak/);
  });

  it('by default prints one line per database under a header, then the findings; the restore sequence only with --detail', async () => {
    const h = await run(['verify', 'sql', broken]);
    expect(h.code).toBe(1);
    const lines = h.stdout.split('\n');
    expect(lines[0]).toMatch(/^DATABASE\s+STATUS\s+LAST FULL\s+LAST DIFF\s+LAST LOG\s+RESTORABLE TO\s+FINDINGS$/);
    expect(lines[1]).toMatch(/^SQLBE01\\RTC \/ LcsCDR\s+BROKEN\s+2024-03-05T01:01:30Z\s+2024-03-05T13:00:20Z\s+2024-03-05T21:01:45Z\s+\S+\s+\d+$/);
    // Columns line up: each header starts where its values start.
    expect(lines[1]!.indexOf('BROKEN')).toBe(lines[0]!.indexOf('STATUS'));
    expect(lines[1]!.indexOf('2024-03-05T13')).toBe(lines[0]!.indexOf('LAST DIFF'));
    expect(h.stdout).toMatch(/^SQLBE01\\RTC \/ LcsCDR:\n {2}E_SQL_LOG_GAP: /m);
    expect(h.stdout).toMatch(/E_SQL_NOT_A_BACKUP: .*garbage\.bak/);
    expect(h.stdout).not.toMatch(/first LSN/);
    expect(h.stdout).toMatch(/add --detail/);
    expect(h.stdout).not.toContain('\x1b[');
  });

  it('--max-age: exit 1 when the newest backup of a type is older than its limit, measured on the CLI clock', async () => {
    // Newest full 2024-03-05T01:01:30Z, diff 13:00:20Z, log 21:01:45Z; the clock says 2024-03-08T00:00:00Z.
    const fresh = await run(['verify', 'sql', 'healthy', '--max-age', 'full=7d,diff=3d,log=3d']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/LcsCDR\s+OK\s/);

    const stale = await run(['verify', 'sql', 'healthy', '--max-age', 'full=7d,diff=3d,log=1d']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/LcsCDR\s+TOO OLD\s/);
    expect(stale.stdout).toMatch(/E_SQL_BACKUP_TOO_OLD: SQLBE01\\RTC \/ LcsCDR: newest log backup finished 2024-03-05T21:01:45Z, 2d 2h ago; --max-age allows 1d/);
    expect(stale.stdout).not.toMatch(/newest (full|diff) backup/);

    // The same limits on a clock one day earlier: every type is young enough.
    expect((await run(['verify', 'sql', 'healthy', '--max-age', 'full=7d,diff=3d,log=1d'], { now: '2024-03-06T12:00:00Z' })).code).toBe(0);

    // One value for every type; JSON carries the findings in the database's findings.
    const all = await run(['verify', 'sql', 'healthy', '--max-age', '2d', '--json']);
    expect(all.code).toBe(1);
    const d = JSON.parse(all.stdout).databases[0];
    expect(d.chainOk).toBe(true);
    expect(d.findings.map((f: { code: string; message: string }) => `${f.code} ${/newest (\w+)/.exec(f.message)![1]}`)).toEqual(['E_SQL_BACKUP_TOO_OLD full', 'E_SQL_BACKUP_TOO_OLD diff', 'E_SQL_BACKUP_TOO_OLD log']);
    expect((await run(['verify', 'sql', 'healthy', '--max-age', '3d'])).code).toBe(0);
  });

  it('--max-age: a type named on its own with no backup at all is a finding; a bad value is a usage error', async () => {
    const only = path.join(dir, 'full-only');
    await mkdir(only);
    await writeSyntheticBackup(path.join(only, 'x.bak'), { database: 'x', server: 'SQL1', type: 'D', firstLsn: lsnOf(9, 10), lastLsn: lsnOf(9, 20), start: '2024-03-07T01:00:00', backupSetGuid: guidOf(50_000), size: 32 * 1024 });
    expect((await run(['verify', 'sql', only, '--max-age', '1d'])).code).toBe(0);
    const r = await run(['verify', 'sql', only, '--max-age', 'full=1d,log=1h']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/E_SQL_NO_BACKUP_OF_TYPE: SQL1 \/ x: no log backup found/);
    for (const bad of ['3x', 'week=1d', '1d,2d', '']) {
      const u = await run(['verify', 'sql', only, '--max-age', bad]);
      expect(u.code, bad).toBe(2);
      expect(u.stderr, bad).toMatch(/E_USAGE: .*--max-age/);
    }
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

  it('draws progress on stderr when it is a terminal; never with --json or when stderr is not a terminal', async () => {
    const big = path.join(dir, 'big');
    await mkdir(big);
    for (let n = 0; n < 260; n++) {
      await writeSyntheticBackup(path.join(big, `db${n}.bak`), { database: `db${n}`, server: 'SQL1', type: 'D', firstLsn: lsnOf(9, 10), lastLsn: lsnOf(9, 20), start: '2024-03-07T01:00:00', backupSetGuid: guidOf(10_000 + n), size: 32 * 1024 });
    }
    const human = await run(['verify', 'sql', big], { stderrIsTty: true });
    expect(human.code).toBe(0);
    expect(human.stderr).toContain('\r\x1b[2Klyncdr verify sql: read 260/260 backup headers');
    // The progress line is cleared at the end, so the report starts on a clean line.
    expect(human.stderr.endsWith('\r\x1b[2K')).toBe(true);
    const json = await run(['verify', 'sql', big, '--json'], { stderrIsTty: true });
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).databases).toHaveLength(260);
    const piped = await run(['verify', 'sql', big]);
    expect(piped.stderr).toBe('');
  });

  it('runs as a real child process with the same contract (exit 1, JSON on stdout)', async () => {
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/planner/src/cli/main.ts'), 'verify', 'sql', broken, '--json'], { cwd: repo })
      .then(() => ({ code: 0, stdout: '' }))
      .catch((e: { code: number; stdout: string }) => e);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).databases[0].chainOk).toBe(false);
  }, 60_000);
});
