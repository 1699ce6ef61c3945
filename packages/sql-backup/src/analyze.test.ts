import { describe, expect, it } from 'vitest';
import { analyzeBackups, allFindings } from './analyze';
import { SqlFindingCode } from './errors';
import { parseBackupHeader } from './parse-header';
import type { ScannedFile } from './report-types';
import { buildSyntheticBackup, databaseHistory, guidOf, lsnOf, type SyntheticBackup } from './testing/synthetic-backup';

function scanned(specs: SyntheticBackup[], name = (s: SyntheticBackup, i: number) => `/b/${s.database}/${i}.${s.type === 'L' ? 'trn' : 'bak'}`): ScannedFile[] {
  return specs.map((s, i) => {
    const { head, tail, size } = buildSyntheticBackup(s);
    return { path: name(s, i), size, header: parseBackupHeader(head, { bytes: tail, base: size - tail.length }), error: null };
  });
}

const week = () => databaseHistory({ database: 'LcsCDR', server: 'SQLBE01\\RTC', days: 3, logMinutes: 60 });
const codes = (r: ReturnType<typeof analyzeBackups>) => allFindings(r).map((f) => f.code).sort();

describe('analyzeBackups: restore chains', () => {
  it('a healthy week: latest full → latest diff → logs, chain OK, restorable to the last log', () => {
    const specs = week();
    const r = analyzeBackups(scanned(specs));
    expect(codes(r)).toEqual([]);
    expect(r.databases).toHaveLength(1);
    const d = r.databases[0]!;
    const lastLog = specs.filter((s) => s.type === 'L').pop()!;
    expect(d).toMatchObject({ name: 'LcsCDR', server: 'SQLBE01\\RTC', chainOk: true, restorableTo: `${lastLog.finish}Z` });
    expect(d.restoreSequence[0]!.type).toBe('full');
    expect(d.restoreSequence[1]!.type).toBe('diff');
    expect(d.restoreSequence.slice(2).every((s) => s.type === 'log')).toBe(true);
    expect(d.lastFull).toBe(`${specs.filter((s) => s.type === 'D').pop()!.finish}Z`);
    expect(d.lastDiff).toBe(`${specs.filter((s) => s.type === 'I').pop()!.finish}Z`);
    expect(r.files).toHaveLength(specs.length);
    expect(r.files.every((f) => ['full', 'diff', 'log'].includes(f.type))).toBe(true);
    // Every full but the newest is known to be the differential base (not copy-only).
    expect(r.files.filter((f) => f.type === 'full').map((f) => f.copyOnly)).toEqual([false, false, false]);
  });

  it('a missing log after the last diff is a gap: chain broken, restorable only to before the gap', () => {
    const specs = week();
    const logs = specs.map((s, i) => [s, i] as const).filter(([s]) => s.type === 'L');
    const [removed, idx] = logs[logs.length - 5]!;
    const r = analyzeBackups(scanned(specs.filter((_, i) => i !== idx)));
    const d = r.databases[0]!;
    expect(d.chainOk).toBe(false);
    const gap = d.findings.find((f) => f.code === SqlFindingCode.logGap)!;
    expect(gap.message).toContain(removed.firstLsn);
    // The list is re-indexed after the removal: the log that followed the removed one now has its index.
    expect(gap.file).toBe(`/b/LcsCDR/${idx}.trn`);
    const before = logs[logs.length - 6]![0];
    expect(d.restorableTo).toBe(`${before.finish}Z`);
    expect(r.files.find((f) => f.path === gap.file)!.findings.map((f) => f.code)).toContain(SqlFindingCode.logGap);
  });

  it('reports every gap, not only the first', () => {
    const specs = week();
    const logIdx = specs.map((s, i) => (s.type === 'L' ? i : -1)).filter((i) => i >= 0);
    const drop = new Set([logIdx[logIdx.length - 3]!, logIdx[logIdx.length - 8]!]);
    const r = analyzeBackups(scanned(specs.filter((_, i) => !drop.has(i))));
    expect(r.databases[0]!.findings.filter((f) => f.code === SqlFindingCode.logGap)).toHaveLength(2);
  });

  it('a differential whose base full is missing is reported; the chain still runs from the latest full on logs', () => {
    const specs = week();
    const lastFull = specs.map((s, i) => (s.type === 'D' ? i : -1)).filter((i) => i >= 0).pop()!;
    const r = analyzeBackups(scanned(specs.filter((_, i) => i !== lastFull)));
    const d = r.databases[0]!;
    expect(d.findings.map((f) => f.code)).toContain(SqlFindingCode.diffBaseMissing);
    // Logs continue across the missing full, so the older full restores to the end: the newest backup is reached.
    expect(d.chainOk).toBe(true);
    expect(d.restoreSequence[0]!.type).toBe('full');
  });

  it('two differentials on one base: the newer one is used, nothing to report (DoubleDiffing)', () => {
    const g = guidOf(900);
    const specs: SyntheticBackup[] = [
      { database: 'rgsconfig', server: 'SQL1', type: 'D', firstLsn: lsnOf(24, 68, 99), lastLsn: lsnOf(24, 109), start: '2024-01-01T10:00:00', backupSetGuid: g },
      { database: 'rgsconfig', server: 'SQL1', type: 'I', firstLsn: lsnOf(24, 117, 34), lastLsn: lsnOf(24, 132), start: '2024-01-01T11:00:00', backupSetGuid: guidOf(901), differentialBaseGuid: g, differentialBaseLsn: lsnOf(24, 68, 99), currentDifferentialBaseGuid: g },
      { database: 'rgsconfig', server: 'SQL1', type: 'I', firstLsn: lsnOf(24, 132), lastLsn: lsnOf(24, 134), start: '2024-01-01T12:00:00', backupSetGuid: guidOf(902), differentialBaseGuid: g, differentialBaseLsn: lsnOf(24, 68, 99), currentDifferentialBaseGuid: g },
    ];
    const r = analyzeBackups(scanned(specs));
    expect(codes(r)).toEqual([]);
    expect(r.databases[0]!.restoreSequence.map((s) => s.lastLsn)).toEqual([lsnOf(24, 109), lsnOf(24, 134)]);
    expect(r.databases[0]!.chainOk).toBe(true);
    expect(r.databases[0]!.restorableTo).toBe('2024-01-01T12:00:00Z');
  });

  it('an incomplete striped set is reported on the file present and is not used', () => {
    const ms = guidOf(77);
    const full = { database: 'xds', server: 'SQL1', type: 'D' as const, firstLsn: lsnOf(20, 74, 170), lastLsn: lsnOf(20, 144), start: '2024-01-01T10:00:00', backupSetGuid: guidOf(70) };
    const both = analyzeBackups(scanned([
      { ...full, family: { mediaSetId: ms, sequence: 1, count: 2 } },
      { ...full, family: { mediaSetId: ms, sequence: 2, count: 2 } },
    ]));
    expect(codes(both)).toEqual([]);
    expect(both.databases[0]!.restoreSequence[0]!.files).toHaveLength(2);
    const one = analyzeBackups(scanned([{ ...full, family: { mediaSetId: ms, sequence: 1, count: 2 } }]));
    expect(codes(one)).toEqual([SqlFindingCode.noFull, SqlFindingCode.stripeIncomplete]);
    expect(one.files[0]!.findings[0]!.message).toMatch(/stripe 1 of 2 .*family 2 is missing/);
    expect(one.databases[0]).toMatchObject({ chainOk: false, restorableTo: null });
  });

  it('infers a copy-only full: the next backup names the earlier full as differential base', () => {
    const g1 = guidOf(1);
    const specs: SyntheticBackup[] = [
      { database: 'lis', server: 'SQL1', type: 'D', firstLsn: lsnOf(5, 10), lastLsn: lsnOf(5, 20), start: '2024-01-01T01:00:00', backupSetGuid: g1 },
      { database: 'lis', server: 'SQL1', type: 'D', firstLsn: lsnOf(5, 30), lastLsn: lsnOf(5, 40), start: '2024-01-01T05:00:00', backupSetGuid: guidOf(2), currentDifferentialBaseGuid: g1 },
      { database: 'lis', server: 'SQL1', type: 'I', firstLsn: lsnOf(5, 50), lastLsn: lsnOf(5, 60), start: '2024-01-01T13:00:00', backupSetGuid: guidOf(3), differentialBaseGuid: g1, differentialBaseLsn: lsnOf(5, 10), currentDifferentialBaseGuid: g1 },
    ];
    const r = analyzeBackups(scanned(specs));
    expect(r.files.map((f) => f.copyOnly)).toEqual([false, true, null]);
    expect(codes(r)).toEqual([SqlFindingCode.copyOnly]);
    // SIMPLE recovery, no logs: the copy-only full cannot reach the diff, the older full can.
    expect(r.databases[0]!.restoreSequence.map((s) => s.type)).toEqual(['full', 'diff']);
    expect(r.databases[0]!.restoreSequence[0]!.files[0]).toBe('/b/lis/0.bak');
    expect(r.databases[0]!.chainOk).toBe(true);
  });

  it('no full backup at all, and a truncated newest log', () => {
    const specs = week();
    const noFull = analyzeBackups(scanned(specs.filter((s) => s.type === 'L')));
    expect(noFull.databases[0]).toMatchObject({ chainOk: false, restorableTo: null, lastFull: null });
    expect(noFull.databases[0]!.findings.map((f) => f.code)).toContain(SqlFindingCode.noFull);

    const files = scanned(specs);
    const last = files[files.length - 1]!;
    last.header = { ...last.header!, complete: false };
    const r = analyzeBackups(files);
    expect(r.databases[0]!.chainOk).toBe(false);
    expect(r.files.find((f) => f.path === last.path)!.findings.map((f) => f.code)).toEqual([SqlFindingCode.truncated]);
  });

  it('groups by header, not by file name; same name on two servers or recreated = separate databases', () => {
    const a = week();
    const b = databaseHistory({ database: 'LcsCDR', server: 'SQLBE02\\RTC', days: 1, logMinutes: 60, guidBase: 5000 });
    const c = databaseHistory({ database: 'LcsCDR', server: 'SQLBE01\\RTC', days: 1, logMinutes: 60, guidBase: 9000 }).map((s) => ({ ...s, databaseCreated: '2023-05-05T05:05:05' }));
    const r = analyzeBackups(scanned([...a, ...b, ...c], (_s, i) => `/mixed/LcsLog_FULL_${i}.bak`));
    expect(r.databases.map((d) => `${d.server}|${d.name}|${d.created}`)).toEqual([
      'SQLBE01\\RTC|LcsCDR|2020-01-01T00:00:00Z',
      'SQLBE01\\RTC|LcsCDR|2023-05-05T05:05:05Z',
      'SQLBE02\\RTC|LcsCDR|2020-01-01T00:00:00Z',
    ]);
    expect(r.databases.every((d) => d.chainOk)).toBe(true);
    expect(r.files.filter((f) => f.type === 'log').length).toBe([...a, ...b, ...c].filter((s) => s.type === 'L').length);
  });

  it('unreadable files and other backup kinds are findings; the rest is still checked', () => {
    const files = scanned([...week(), { database: 'LcsCDR', server: 'SQLBE01\\RTC', type: 'F', firstLsn: lsnOf(99, 1), lastLsn: lsnOf(99, 2), start: '2024-03-10T00:00:00', backupSetGuid: guidOf(4242) }]);
    files.push({ path: '/b/junk.bak', size: 10, header: null, error: { code: SqlFindingCode.notBackup, message: 'not a backup' } });
    const r = analyzeBackups(files);
    expect(r.otherFiles.map((f) => [f.path, f.kind])).toEqual([[files[files.length - 2]!.path, 'file'], ['/b/junk.bak', null]]);
    expect(r.files.every((f) => f.type !== ('file' as never))).toBe(true);
    expect(r.findings.map((f) => f.code)).toEqual([SqlFindingCode.notBackup]);
    expect(r.databases[0]!.findings.map((f) => f.code)).toEqual([SqlFindingCode.otherType]);
    expect(r.databases[0]!.chainOk).toBe(true);
  });

  it('an empty scan is a finding', () => {
    expect(analyzeBackups([]).findings.map((f) => f.code)).toEqual([SqlFindingCode.noBackups]);
  });
});
