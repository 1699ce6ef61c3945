/**
 * Conformance over the real SQL Server backups in ../shared/fixtures/sql-backups (dbatools' appveyor-lab test data).
 * Asserts what is authoritative upstream (EXPECTED.md "Authoritative") and what the headers establish
 * (reference/sql-backup-format.md §3). The fixtures are read in place, never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeBackups, findBackupFiles, scanFiles, SqlFindingCode, verifySqlFolders, type ScannedFile } from '../packages/sql-backup/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(repo, '../shared/fixtures/sql-backups');
const present = existsSync(path.join(dir, 'MANIFEST.tsv'));
if (!present) console.warn(`sql-fixtures: ${dir} is absent; the SQL Server backup conformance suite is skipped`);

const at = (...p: string[]) => path.join(dir, ...p);
const base = (p: string) => path.relative(dir, p).split(path.sep).join('/');
const local = (iso: string | null) => (iso ?? '').slice(0, 19);

async function scanAll(): Promise<ScannedFile[]> {
  const { files } = await findBackupFiles([dir], repo);
  return scanFiles(files);
}

describe.skipIf(!present)('SQL Server backup fixtures (conformance)', () => {
  it('every file of MANIFEST.tsv parses completely; version and data/log kind agree with the manifest', async () => {
    const rows = readFileSync(at('MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const scanned = new Map((await scanAll()).map((s) => [base(s.path), s]));
    expect(rows.length).toBeGreaterThanOrEqual(70);
    for (const [file, bytes, , , version, kind] of rows) {
      const s = scanned.get(file!);
      expect(s, file).toBeDefined();
      expect(s!.error, file).toBeNull();
      expect(s!.size).toBe(Number(bytes));
      const h = s!.header!;
      expect(h.complete, file).toBe(true);
      expect(h.databaseVersion, file).toBe(Number(version!.split(' ')[0]));
      expect(kind!.startsWith('MSTL') ? h.kind === 'log' : h.kind === 'full' || h.kind === 'diff', file).toBe(true);
      expect(h.firstLsn).toMatch(/^\d+$/);
      expect(BigInt(h.lastLsn) >= BigInt(h.firstLsn), file).toBe(true);
    }
  });

  it('RestoreTimeClean: rows from 12:59:12 to 13:28:43 — the chain starts by 12:59:12 and restores past 13:28:43', async () => {
    const r = await verifySqlFolders([at('RestoreTimeClean')]);
    expect(r.databases).toHaveLength(1);
    const d = r.databases[0]!;
    expect(d).toMatchObject({ name: 'RestoreTimeClean', server: 'SQL2008', chainOk: true, findings: [] });
    expect(local(d.lastFull) <= '2017-06-01T12:59:12').toBe(true);
    expect(local(d.restorableTo) >= '2017-06-01T13:28:43').toBe(true);
    expect(d.restoreSequence.map((s) => s.files.map(base).join('+'))).toEqual([
      'RestoreTimeClean/RestoreTimeClean.bak',
      'RestoreTimeClean/RestoreTimeClean2.bak',
      'RestoreTimeClean/RestoreTimeClean2_1.trn',
      'RestoreTimeClean/RestoreTimeClean2_2.trn',
      'RestoreTimeClean/RestoreTimeClean2_3.trn',
    ]);
  });

  it('restoretimeclean2016: the whole folder restores 5 files (dbatools "Should have restored 5 files")', async () => {
    const r = await verifySqlFolders([at('restoretimeclean2016')]);
    const d = r.databases[0]!;
    expect(d).toMatchObject({ name: 'RestoreTimeClean', server: 'WIN-JNMR8KM0U3B\\SQL2016', chainOk: true });
    expect(d.restoreSequence.flatMap((s) => s.files)).toHaveLength(5);
    expect(r.files.every((f) => f.databaseVersion === 852)).toBe(true);
  });

  it('DoubleDiffing: full → diff1 → diff2 on one base is accepted; the newer differential is used', async () => {
    const r = await verifySqlFolders([at('DoubleDiffing')]);
    expect(r.databases).toHaveLength(1);
    expect(r.databases[0]).toMatchObject({ chainOk: true, findings: [] });
    const f = Object.fromEntries(r.files.map((x) => [path.basename(x.path), x]));
    const full = f['difftest-full.bak']!;
    const d1 = f['difftest-diff1.bak']!;
    const d2 = f['difftest-diff2.bak']!;
    expect([full.type, d1.type, d2.type]).toEqual(['full', 'diff', 'diff']);
    expect(d1.differentialBaseGuid).toBe(full.backupSetGuid);
    expect(d2.differentialBaseGuid).toBe(full.backupSetGuid);
    expect(d1.differentialBaseLsn).toBe(full.firstLsn);
    expect(d2.firstLsn).toBe(d1.lastLsn);
    expect(r.databases[0]!.restoreSequence.map((s) => path.basename(s.files[0]!))).toEqual(['difftest-full.bak', 'difftest-diff2.bak']);
  });

  it('sql2008-backups (Ola Hallengren layout and odd names): several databases; Noextension.bak is a valid full', async () => {
    const r = await verifySqlFolders([at('sql2008-backups')]);
    expect(r.databases.map((d) => d.name).sort()).toEqual(['NoExtension', 'RestoreTimeStripe', 'SimpleBackTest', 'StopAt']);
    expect(r.files.find((f) => f.path.endsWith('Noextension.bak'))).toMatchObject({ type: 'full', database: 'NoExtension' });
    expect(r.databases.every((d) => d.chainOk)).toBe(true);
  });

  it('RestoreTimeStripe: Stripe1 + Stripe2 pair up by media set; one stripe alone is an incomplete media family', async () => {
    const both = await verifySqlFolders([at('sql2008-backups', 'RestoreTimeStripe')]);
    const files = both.files;
    expect(files).toHaveLength(16);
    for (const f of files) {
      const mate = files.find((g) => g !== f && g.family.mediaSetId === f.family.mediaSetId)!;
      expect(mate, f.path).toBeDefined();
      expect(mate.backupSetGuid).toBe(f.backupSetGuid);
      expect([f.family.count, mate.family.count]).toEqual([2, 2]);
      expect(f.family.sequence + mate.family.sequence).toBe(3);
      expect(path.basename(path.dirname(f.path))).toBe(`Stripe${f.family.sequence}`);
    }
    expect(both.databases[0]).toMatchObject({ chainOk: true, findings: [] });

    const alone = await verifySqlFolders([at('sql2008-backups', 'RestoreTimeStripe', 'Stripe1')]);
    expect(alone.files.every((f) => f.findings.some((x) => x.code === SqlFindingCode.stripeIncomplete))).toBe(true);
    expect(alone.databases[0]).toMatchObject({ chainOk: false, restorableTo: null });
  });

  it('backuppassword/passwd.bak: media password reported; its header still names database and server', async () => {
    const r = await verifySqlFolders([at('backuppassword')]);
    const f = r.files[0]!;
    expect(f).toMatchObject({ database: 'stripetest', server: 'JUMPBOX\\SQL2008R2', type: 'full', passwordProtected: true });
    expect(f.findings.map((x) => x.code)).toEqual([SqlFindingCode.password]);
  });

  it('single full backups: singlerestore, testlastbackup, detachattach', async () => {
    const r = await verifySqlFolders([at('singlerestore'), at('detachattach')]);
    expect(r.databases.map((d) => [d.name, d.restoreSequence.map((s) => s.type).join(','), d.chainOk])).toEqual([
      ['singlerestore', 'full', true],
      ['detachattach', 'full', true],
      ['testlastbackup', 'full', true],
    ]);
  });

  it('OlaMsFilter/complex: logs continuous (LastLSN(n) = FirstLSN(n+1)); diffs name their full by GUID and LSN', async () => {
    const r = await verifySqlFolders([at('OlaMsFilter', 'complex')]);
    expect(r.databases).toHaveLength(1);
    expect(r.databases[0]).toMatchObject({ chainOk: true, findings: [] });
    const logs = r.files.filter((f) => f.type === 'log').sort((a, b) => (BigInt(a.firstLsn) < BigInt(b.firstLsn) ? -1 : BigInt(a.firstLsn) > BigInt(b.firstLsn) ? 1 : Number(BigInt(a.lastLsn) - BigInt(b.lastLsn))));
    expect(logs).toHaveLength(12);
    for (let i = 1; i < logs.length; i++) expect(logs[i]!.firstLsn, logs[i]!.path).toBe(logs[i - 1]!.lastLsn);
    expect(logs[0]!.firstLsn).toBe('21000000015900037');
    const fulls = r.files.filter((f) => f.type === 'full');
    expect(fulls.map((f) => [f.firstLsn, f.backupSetGuid])).toEqual([
      ['21000000015900037', '93fa8171-b0cf-4e2f-b0fa-4af74621d2bd'],
      ['21000000020100037', 'fe796e00-6d2a-468e-ab9a-72485590ae51'],
    ]);
    for (const d of r.files.filter((f) => f.type === 'diff')) {
      const baseFull = fulls.find((f) => f.backupSetGuid === d.differentialBaseGuid)!;
      expect(baseFull.firstLsn).toBe(d.differentialBaseLsn);
    }
  });

  it('removing test_LOG_20160629_142900.trn breaks the log chain: bridged by a diff (warning), broken without the diffs', async () => {
    const { files } = await findBackupFiles([at('OlaMsFilter', 'complex')], repo);
    const kept = files.filter((f) => !f.endsWith('test_LOG_20160629_142900.trn'));
    const withDiffs = analyzeBackups(await scanFiles(kept));
    const gap = withDiffs.databases[0]!.findings.find((f) => f.code === SqlFindingCode.logGap)!;
    expect(gap).toMatchObject({ severity: 'warning' });
    expect(gap.file!.endsWith('test_LOG_20160629_143000.trn')).toBe(true);
    expect(gap.message).toContain('21000000023900001');
    expect(gap.message).toContain('21000000024100001');
    expect(withDiffs.databases[0]!.chainOk).toBe(true);

    const noDiffs = analyzeBackups(await scanFiles(kept.filter((f) => !f.includes(`${path.sep}Diff${path.sep}`))));
    const d = noDiffs.databases[0]!;
    expect(d.chainOk).toBe(false);
    expect(d.findings.find((f) => f.code === SqlFindingCode.logGap)).toMatchObject({ severity: 'error' });
    // The last log that moves the LSN is 14:26; the empty log 14:27 after it ends at the same LSN, so the database can
    // be restored to 14:27's finish time (the files' real clock: 2018-07-02 08:17:52).
    expect(path.basename(d.restoreSequence.at(-1)!.files[0]!)).toBe('test_LOG_20160629_142600.trn');
    expect(d.restorableTo).toBe('2018-07-02T08:17:52+01:00');
  });

  it('the whole folder: 70 files read, databases told apart by server and creation date, one finding (the password)', async () => {
    const r = await verifySqlFolders([dir]);
    expect(r.files).toHaveLength(70);
    expect(r.otherFiles).toEqual([]);
    expect(r.databases.filter((d) => d.name === 'OlaMsFilterTest')).toHaveLength(2);
    expect(r.databases.filter((d) => d.name === 'RestoreTimeClean').map((d) => d.server).sort()).toEqual(['SQL2008', 'WIN-JNMR8KM0U3B\\SQL2016']);
    expect(r.databases.flatMap((d) => d.findings).map((f) => f.code)).toEqual([SqlFindingCode.password]);
  });
});
