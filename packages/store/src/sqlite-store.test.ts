import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabaseFile, createSqliteStore, migrations, type ReportInput, type Store } from './index';
import { storeTargets } from './testing/store-targets';

const now = () => new Date('2026-11-22T10:00:00.000Z');

function report(id: string, over: Partial<ReportInput> = {}): ReportInput {
  return {
    id, agentId: 'fe1', collector: 'file-store', receivedAt: '2026-11-22T10:00:00.000Z', startedAt: '2026-11-22T09:59:00.000Z',
    finishedAt: '2026-11-22T10:00:00.000Z', durationMs: 60_000, ok: true, raw: '{}',
    observations: [{ kind: 'file-store', subject: '\\\\fs1\\share', itemId: 'filestore:\\\\fs1\\share', lastGood: '2026-11-22T09:00:00.000Z', ok: true, findings: [], data: {} }],
    ...over,
  };
}

const targets = storeTargets();

describe.each(targets)('$name store', (target) => {
  let store: Store;
  beforeEach(() => {
    store = target.open(now);
  });
  afterEach(() => {
    store.close();
  });

  it('records its migrations, every one of them', async () => {
    expect((await target.sql(store, 'SELECT n FROM migrations ORDER BY n')).map((r) => (r as { n: number }).n)).toEqual(migrations.map((m) => m.n));
  });

  it('stores a report once and reports a replay as duplicate', () => {
    expect(store.commitReports([report('rep-00000001')])).toEqual([{ id: 'rep-00000001', duplicate: false }]);
    expect(store.commitReports([report('rep-00000001'), report('rep-00000002')])).toEqual([
      { id: 'rep-00000001', duplicate: true }, { id: 'rep-00000002', duplicate: false },
    ]);
    expect(store.countReports()).toBe(2);
    expect(store.runHistory('file-store|filestore:\\\\fs1\\share', 10)).toHaveLength(2);
  });

  it('keys duplicates on (agent, id): another agent may reuse an id, the same agent may not', () => {
    expect(store.commitReports([report('rep-00000001')])).toEqual([{ id: 'rep-00000001', duplicate: false }]);
    expect(store.commitReports([report('rep-00000001', { agentId: 'fe2' }), report('rep-00000001')])).toEqual([
      { id: 'rep-00000001', duplicate: false }, { id: 'rep-00000001', duplicate: true },
    ]);
    expect(store.countReports()).toBe(2);
    expect(store.hasReport('rep-00000001', 'fe2')).toBe(true);
    expect(store.hasReport('rep-00000001', 'fe3')).toBe(false);
    expect(store.hasReport('rep-00000001')).toBe(true);
  });

  it('migrates a database keyed on report id alone, keeping its reports and recognising their replays', async () => {
    store.close();
    store = await target.atVersion(4, "INSERT INTO reports VALUES ('rep-00000001', 'fe1', 'file-store', 't', 't', 't', 1, 1, '{}')", now);
    expect(store.hasReport('rep-00000001', 'fe1')).toBe(true);
    expect(store.commitReports([report('rep-00000001'), report('rep-00000001', { agentId: 'fe2' })]).map((r) => r.duplicate)).toEqual([true, false]);
    const index = target.name === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE name = 'reports_received'"
      : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'reports_received'";
    expect(await target.sql(store, index)).toHaveLength(1);
  });

  it('keeps each agent\'s clock offset and its newest 20 refusals, written with a report batch or alone', () => {
    store.addToken('fe1', 'agent', 'h1');
    expect(store.getToken('fe1')).toMatchObject({ clockOffsetMs: null, findings: [] });
    const at = now().toISOString();
    const findings = Array.from({ length: 25 }, (_, i) => ({ at, code: 'E_CLOCK_SKEW', message: `m${i}`, ref: `rep-${i}` }));
    store.commitReports([], [{ name: 'fe1', at, clockOffsetMs: 90_000.4, findings }]);
    const fe1 = store.getToken('fe1')!;
    expect(fe1.clockOffsetMs).toBe(90_000);
    expect(fe1.findings.map((f) => f.message)).toEqual(Array.from({ length: 20 }, (_, i) => `m${24 - i}`));
    // A touch without an offset keeps the last one.
    store.touchAgent('fe1', { at, findings: [{ at, code: 'E_COLLECTOR_UNDECLARED', message: 'x', ref: null }] });
    expect(store.getToken('fe1')?.clockOffsetMs).toBe(90_000);
    expect(store.getToken('fe1')?.findings[0]).toEqual({ at, code: 'E_COLLECTOR_UNDECLARED', message: 'x', ref: null });
    expect(store.listTokens()[0]!.findings).toHaveLength(20);
  });

  it('keeps the newest good backup time when a later run fails', () => {
    store.commitReports([report('rep-00000001')]);
    store.commitReports([report('rep-00000002', {
      ok: false, finishedAt: '2026-11-22T11:00:00.000Z',
      observations: [{ kind: 'file-store', subject: 's', itemId: 'filestore:\\\\fs1\\share', lastGood: null, ok: false, findings: [], data: {} }],
    })]);
    const [latest] = store.latestObservations();
    expect(latest?.runOk).toBe(false);
    expect(latest?.lastGoodEver).toBe('2026-11-22T09:00:00.000Z');
    expect(store.getToken('fe1')).toBeNull();
  });

  it('manages hashed tokens: add, find by hash, revoke, last runs', () => {
    store.addToken('fe1', 'agent', 'h1');
    expect(() => store.addToken('fe1', 'agent', 'h2')).toThrow(/already exists/);
    expect(() => store.addToken('bad name!', 'agent', 'h3')).toThrow(/not valid/);
    store.commitReports([report('rep-00000001')]);
    store.touchAgent('fe1', { at: now().toISOString(), version: '0.1.0', host: 'fe1.contoso.test' });
    const found = store.findByTokenHash('h1');
    expect(found).toMatchObject({ name: 'fe1', role: 'agent', revokedAt: null, version: '0.1.0', lastRuns: { 'file-store': '2026-11-22T10:00:00.000Z' } });
    expect(found?.collectors).toEqual([]);
    // The hello's collector list is kept; a later touch without one (a heartbeat, a report) leaves it.
    store.touchAgent('fe1', { at: now().toISOString(), collectors: ['file-store', 'sql-files'] });
    store.commitReports([report('rep-00000002')], [{ name: 'fe1', at: now().toISOString() }]);
    expect(store.getToken('fe1')?.collectors).toEqual(['file-store', 'sql-files']);
    store.commitReports([], [{ name: 'fe1', at: now().toISOString(), collectors: ['exports'] }]);
    expect(store.getToken('fe1')).toMatchObject({ collectors: ['exports'], version: '0.1.0' });
    expect(store.revokeToken('fe1')).toBe(true);
    expect(store.revokeToken('nobody')).toBe(false);
    expect(store.findByTokenHash('h1')?.revokedAt).toBe(now().toISOString());
  });

  it('records evaluations and returns only status changes', () => {
    const e = { itemId: 'a', status: 'ok' as const, reason: 'fine', lastGood: null, ageSeconds: null };
    expect(store.recordEvaluation('2026-11-22T10:00:00.000Z', [e])).toEqual([{ entry: e, previous: null }]);
    expect(store.recordEvaluation('2026-11-22T10:01:00.000Z', [e])).toEqual([]);
    const late = { ...e, status: 'late' as const, reason: 'late by 1 h' };
    expect(store.recordEvaluation('2026-11-22T10:02:00.000Z', [late])).toEqual([{ entry: late, previous: 'ok' }]);
    expect(store.currentStatus()).toEqual([{ ...late, since: '2026-11-22T10:02:00.000Z' }]);
    expect(store.evaluationHistory('a', 10).map((r) => r.status)).toEqual(['late', 'ok']);
  });

  it('keeps reason codes and parameters in the history and the alert log, for a dashboard in another language', () => {
    const e = { itemId: 'b', status: 'late' as const, reason: 'last good backup 2 d ago', reasonCode: 'item.late', reasonParams: { ageSeconds: 172800, periodSeconds: 86400 }, lastGood: null, ageSeconds: null };
    store.recordEvaluation('2026-11-22T10:00:00.000Z', [e]);
    store.recordEvaluation('2026-11-22T10:05:00.000Z', [{ ...e, status: 'failed' as const, reason: 'no code here', reasonCode: undefined, reasonParams: undefined }]);
    const [noCode, coded] = store.evaluationHistory('b', 10);
    expect(coded).toMatchObject({ status: 'late', reason: e.reason, reasonCode: 'item.late', reasonParams: { ageSeconds: 172800, periodSeconds: 86400 } });
    expect(noCode).toEqual({ at: '2026-11-22T10:05:00.000Z', itemId: 'b', status: 'failed', reason: 'no code here', lastGood: null });
    store.logAlert({ at: '2026-11-22T10:00:00.000Z', itemId: 'b', from: null, to: 'late', reason: e.reason, reasonCode: e.reasonCode, reasonParams: e.reasonParams, channel: 'log', delivered: true, detail: 'log only' });
    expect(store.listAlerts(1)[0]).toMatchObject({ reasonCode: 'item.late', reasonParams: { ageSeconds: 172800 } });
  });

  it('versions the topology only when it changes', () => {
    expect(store.saveTopology('t.xml', 'h1', '{}', [])?.version).toBe(1);
    expect(store.saveTopology('t.xml', 'h1', '{}', [])).toBeNull();
    expect(store.saveTopology('t.xml', 'h2', '{"a":1}', ['pool added'])).toMatchObject({ version: 2, diff: ['pool added'] });
    expect(store.listTopologies(10).map((t) => t.version)).toEqual([2, 1]);
  });

  it('prunes raw report bodies but still recognises their ids', () => {
    store.commitReports([report('rep-00000001', { receivedAt: '2026-01-01T00:00:00.000Z' }), report('rep-00000002')]);
    expect(store.pruneReports('2026-06-01T00:00:00.000Z')).toBe(1);
    expect(store.commitReports([report('rep-00000001')])[0]?.duplicate).toBe(true);
  });

  it('logs alerts', () => {
    store.logAlert({ at: 'x', itemId: 'a', from: 'ok', to: 'late', reason: 'r', channel: 'webhook', delivered: true, detail: '200' });
    expect(store.listAlerts(5)).toMatchObject([{ itemId: 'a', to: 'late', delivered: true }]);
  });

  it('works out a subject\'s running history inside one batch as across batches, and a repeat in the batch is a duplicate', () => {
    const key = 'file-store|filestore:\\\\fs1\\share';
    const failed = { kind: 'file-store', subject: 's', itemId: 'filestore:\\\\fs1\\share', lastGood: null, ok: false, findings: [], data: {} };
    expect(store.commitReports([report('rep-0'), report('rep-0', { agentId: 'fe2' })]).map((r) => r.duplicate)).toEqual([false, false]);
    const batch = [
      report('rep-1', { durationMs: 1, observations: [{ ...report('x').observations[0]!, lastGood: '2026-11-22T09:30:00.000Z' }] }),
      report('rep-2', { durationMs: 2, finishedAt: '2026-11-22T10:05:00.000Z' }),
      report('rep-2', { durationMs: 99 }),
      report('rep-0'),
      report('rep-3', { durationMs: 3, ok: false, finishedAt: '2026-11-22T10:02:00.000Z', observations: [failed] }),
    ];
    expect(store.commitReports(batch).map((r) => r.duplicate)).toEqual([false, false, true, true, false]);
    const [latest] = store.latestObservations();
    expect(latest).toMatchObject({ key, reportId: 'rep-3', durationMs: 3, runOk: false, lastGoodEver: '2026-11-22T09:30:00.000Z', recentDurationsMs: [2, 1, 60_000, 60_000] });
    expect(store.runHistory(key, 10).map((o) => o.reportId)).toEqual(['rep-3', 'rep-2', 'rep-1', 'rep-0', 'rep-0']);
    store.addToken('fe1', 'agent', 'h1');
    expect(store.getToken('fe1')?.lastRuns).toEqual({ 'file-store': '2026-11-22T10:05:00.000Z' });
  });

  it('answers a second connection with what the first one committed', () => {
    store.addToken('fe1', 'agent', 'h1');
    store.commitReports([report('rep-00000001')]);
    const other = target.reopen(store, now);
    try {
      expect(other.countReports()).toBe(1);
      expect(other.commitReports([report('rep-00000001')])[0]?.duplicate).toBe(true);
      expect(other.findByTokenHash('h1')?.lastRuns).toEqual({ 'file-store': '2026-11-22T10:00:00.000Z' });
    } finally {
      other.close();
    }
  });
});

describe('sqlite store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-store-'));
    store = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with synchronous FULL', () => {
    const db = new Database(store.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('backs up a live database with the online backup API; the copy opens and holds the data', async () => {
    store.addToken('fe1', 'agent', 'h1');
    store.commitReports([report('rep-00000001'), report('rep-00000002')]);
    const out = path.join(dir, 'copy.sqlite');
    const check = await backupDatabaseFile(store.file, out);
    expect(check).toMatchObject({ integrity: 'ok', reports: 2, tokens: 1 });
    const copy = createSqliteStore({ file: out, now });
    expect(copy.countReports()).toBe(2);
    expect(copy.findByTokenHash('h1')?.name).toBe('fe1');
    copy.close();
  });

  it('says that the data folder is a file when it is one, or lies under one', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const db of [path.join(file, 'planner.sqlite'), path.join(file, 'sub', 'planner.sqlite')]) {
      expect(() => createSqliteStore({ file: db, now })).toThrow(expect.objectContaining({ code: 'E_DATA_FOLDER', message: expect.stringMatching(/the data folder .* is a file/) }));
    }
  });

  it('refuses a file that is not a planner database with a clear code', async () => {
    const bad = path.join(dir, 'bad.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'this is not sqlite at all, just some text that is long enough to look like a header'.repeat(20));
    expect(() => createSqliteStore({ file: bad, now })).toThrow(/E_STORE_OPEN|not a lyncdr planner database|cannot open/);
    await expect(backupDatabaseFile(path.join(dir, 'none.sqlite'), path.join(dir, 'o.sqlite'))).rejects.toThrow(/no planner database/);
  });
});
