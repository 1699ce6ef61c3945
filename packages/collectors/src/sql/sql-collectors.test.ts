import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Observation } from '@lyncdr/protocol';
import { databaseHistory, guidOf, lsnOf, writeSyntheticBackup, type SyntheticBackup } from '@lyncdr/sql-backup/testing';
import type { BridgeRunner, CollectorContext } from '../types';
import { historyTime, normaliseSqlHistory } from './normalise-history';
import { sqlCollectors } from './index';
import { summariseHistory } from './summarise-history';

const here = path.dirname(fileURLToPath(import.meta.url));
const sample = async () => JSON.parse(await readFile(path.join(here, 'testdata/sql-history.sample.json'), 'utf8')) as unknown;

/** The Windows side is faked: a bridge that answers with recorded sql-history.ps1 output and records its calls. */
function fakeBridge(answer: (script: string, args: Record<string, unknown>) => unknown) {
  const calls: [string, Record<string, unknown>][] = [];
  const bridge: BridgeRunner = {
    run: async (script, args = {}) => {
      calls.push([script, args]);
      const a = answer(script, args);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return { bridge, calls };
}
const ctx = (bridge: BridgeRunner): CollectorContext => ({ now: () => new Date('2024-03-04T17:00:00Z'), bridge });
const collector = (id: string) => sqlCollectors.find((c) => c.id === id)!;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lyncdr-sql-collectors-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('msdb history normalisation', () => {
  it('turns times and time_zone into ISO 8601 with the offset', () => {
    expect(historyTime('2024-03-04T01:00:05', 4)).toBe('2024-03-04T01:00:05+01:00');
    expect(historyTime('2024-03-04T01:00:05', -20)).toBe('2024-03-04T01:00:05-05:00');
    expect(historyTime('2024-03-04T01:00:05', 0)).toBe('2024-03-04T01:00:05Z');
    expect(historyTime('2024-03-04T01:00:05', 127)).toBe('2024-03-04T01:00:05');
    expect(historyTime('garbage', 4)).toBeNull();
  });

  it('groups stripe rows into one backup set and keeps LSNs as decimal text', async () => {
    const { backups, findings, truncated } = normaliseSqlHistory(await sample(), 'SQLBE01.contoso.com\\RTC');
    expect(findings).toEqual([]);
    expect(truncated).toBe(false);
    expect(backups).toHaveLength(7);
    const full = backups.find((b) => b.backupSetGuid === guidOf(1))!;
    expect(full).toMatchObject({ server: 'SQLBE01\\RTC', database: 'LcsCDR', type: 'full', start: '2024-03-04T01:00:05+01:00', finish: '2024-03-04T01:03:41+01:00', firstLsn: '38000000012300045', copyOnly: false, hasChecksums: true, size: 52428800 });
    expect(full.devices.map((d) => d.split('\\').pop())).toEqual(['SQLBE01$RTC_LcsCDR_FULL_20240304_010005_1.bak', 'SQLBE01$RTC_LcsCDR_FULL_20240304_010005_2.bak']);
  });

  it('accepts one object instead of an array, and reports rows it cannot use', () => {
    const one = normaliseSqlHistory({ backups: { database: 'xds', type: 'D', startLocal: '2024-01-01T00:00:00', timeZone: 0, backupSetGuid: 'A', device: 'x.bak' } }, 'SQL1');
    expect(one.backups).toHaveLength(1);
    const bad = normaliseSqlHistory({ backups: [{ type: 'D' }], truncated: true }, 'SQL1');
    expect(bad.findings.map((f) => f.code)).toEqual(['E_SQL_HISTORY_SHAPE', 'E_SQL_HISTORY_TRUNCATED']);
  });

  it('summarises the last full/diff/log per database with findings for missing fulls and checksums', async () => {
    const s = summariseHistory(normaliseSqlHistory(await sample(), 'SQL').backups);
    const cdr = s.find((d) => d.database === 'LcsCDR')!;
    expect(cdr.lastFull).toMatchObject({ start: '2024-03-04T15:10:00+01:00', copyOnly: true });
    expect(cdr.lastDiff!.start).toBe('2024-03-04T13:00:00+01:00');
    expect(cdr.lastLog!.lastLsn).toBe('38000000019000001');
    expect(cdr.findings.map((f) => f.code)).toEqual(['E_SQL_NO_CHECKSUM']);
    expect(s.find((d) => d.database === 'QoEMetrics')!.findings.map((f) => f.code)).toEqual(['E_SQL_HISTORY_NO_FULL']);
  });
});

describe('sql-history collector', () => {
  it('calls the bridge script per instance and cross-checks msdb against the files', async () => {
    const folder = path.join(dir, 'cross');
    await mkdir(folder, { recursive: true });
    const mk = (n: number, type: SyntheticBackup['type'], start: string, extra: Partial<SyntheticBackup> = {}): SyntheticBackup => ({ database: 'LcsCDR', server: 'SQLBE01\\RTC', type, firstLsn: lsnOf(38, n * 10), lastLsn: lsnOf(38, n * 10 + 5), start, backupSetGuid: guidOf(n), zone: 4, ...extra });
    const ms = guidOf(1);
    await writeSyntheticBackup(path.join(folder, 'a1.bak'), mk(1, 'D', '2024-03-04T01:00:05', { family: { mediaSetId: ms, sequence: 1, count: 2 } }));
    await writeSyntheticBackup(path.join(folder, 'a2.bak'), mk(1, 'D', '2024-03-04T01:00:05', { family: { mediaSetId: ms, sequence: 2, count: 2 } }));
    await writeSyntheticBackup(path.join(folder, 'l2.trn'), mk(2, 'L', '2024-03-04T02:00:00'));
    await writeSyntheticBackup(path.join(folder, 'd3.bak'), mk(3, 'I', '2024-03-04T13:00:00'));
    await writeSyntheticBackup(path.join(folder, 'l6.trn'), mk(6, 'L', '2024-03-04T16:00:00'));
    await writeSyntheticBackup(path.join(folder, 'unknown.trn'), mk(7, 'L', '2024-03-04T17:00:00'));
    const recorded = await sample();
    const { bridge, calls } = fakeBridge((_s, a) => (a.SqlInstance === 'SQLMON01' ? { backups: [] } : recorded));
    const run = await collector('sql-history').run({ instances: ['SQLBE01.contoso.com\\RTC', { instance: 'SQLMON01', databases: ['LcsCDR', 'QoEMetrics'], days: 7 }], folders: [folder] }, ctx(bridge));
    expect(calls).toEqual([
      ['sql-history.ps1', { SqlInstance: 'SQLBE01.contoso.com\\RTC' }],
      ['sql-history.ps1', { SqlInstance: 'SQLMON01', Databases: 'LcsCDR,QoEMetrics', Days: 7 }],
    ]);
    for (const o of run.observations) Observation.parse(o);
    const cdr = run.observations.find((o) => o.subject === 'SQLBE01\\RTC/LcsCDR')!;
    const codes = cdr.findings.map((f) => [f.code, (f.path ?? '').split(/[\\/]/).pop()]);
    expect(codes).toContainEqual(['E_SQL_HISTORY_FILE_MISSING', 'SQLBE01$RTC_LcsCDR_LOG_20240304_140000.trn']);
    expect(codes).toContainEqual(['E_SQL_FILE_NOT_IN_HISTORY', 'unknown.trn']);
    expect(codes.filter(([c]) => c === 'E_SQL_HISTORY_FILE_MISSING')).toHaveLength(1);
    expect(cdr.ok).toBe(false);
    expect(cdr.lastGood).toBe('2024-03-04T16:00:02+01:00');
    expect(run.ok).toBe(false);
  });

  it('a failing bridge is a run finding with the bridge code; the other instances still run', async () => {
    const recorded = await sample();
    const { bridge } = fakeBridge((_s, a) => (a.SqlInstance === 'DOWN' ? Object.assign(new Error('sql-history.ps1 exited with 1: login failed'), { code: 'E_BRIDGE_EXIT' }) : recorded));
    const run = await collector('sql-history').run({ instances: ['DOWN', 'SQLBE01.contoso.com\\RTC'] }, ctx(bridge));
    expect(run.findings.map((f) => f.message)).toEqual(['msdb backup history for DOWN failed: sql-history.ps1 exited with 1: login failed']);
    expect(run.observations.map((o) => o.subject).sort()).toEqual(['SQLBE01\\RTC/LcsCDR', 'SQLBE01\\RTC/QoEMetrics']);
  });

  it('rejects a config without instances, naming the key', async () => {
    const { bridge } = fakeBridge(() => null);
    await expect(collector('sql-history').run({ instances: [] }, ctx(bridge))).rejects.toMatchObject({ code: 'E_COLLECTOR_CONFIG', message: expect.stringContaining('collectors.sql-history.instances') });
  });
});

describe('sql-files collector', () => {
  it('one observation per database, wire-valid, with the chain state', async () => {
    const folder = path.join(dir, 'files');
    await mkdir(path.join(folder, 'LcsLog'), { recursive: true });
    await mkdir(path.join(folder, 'mgc'), { recursive: true });
    const good = databaseHistory({ database: 'LcsLog', server: 'SQLARCH\\ARCH', days: 1, logMinutes: 180 });
    let i = 0;
    for (const s of good) await writeSyntheticBackup(path.join(folder, 'LcsLog', `${i++}.bak`), s);
    const lone = databaseHistory({ database: 'mgc', server: 'SQLPC\\PC', days: 1, logMinutes: 180, guidBase: 500 }).filter((s) => s.type === 'L');
    for (const s of lone) await writeSyntheticBackup(path.join(folder, 'mgc', `${i++}.trn`), s);
    const progress: [string, number | undefined, number | undefined][] = [];
    const run = await collector('sql-files').run({ folders: [folder] }, { ...ctx(fakeBridge(() => null).bridge), progress: (m, d, t) => progress.push([m, d, t]) });
    for (const o of run.observations) Observation.parse(o);
    const log = run.observations.find((o) => o.subject === 'SQLARCH\\ARCH/LcsLog')!;
    expect(log).toMatchObject({ kind: 'sql-files', ok: true, findings: [] });
    expect(log.lastGood).toBe(`${good.filter((s) => s.type === 'L').pop()!.finish}Z`);
    expect(log.data).toMatchObject({ chainOk: true, files: good.length });
    const mgc = run.observations.find((o) => o.subject === 'SQLPC\\PC/mgc')!;
    expect(mgc).toMatchObject({ ok: false, lastGood: null });
    expect(mgc.findings.map((f) => f.code)).toEqual(['E_SQL_NO_FULL']);
    expect(run.ok).toBe(false);
    expect(progress.at(-1)).toEqual(['backup headers read', good.length + lone.length, good.length + lone.length]);
  });
});
