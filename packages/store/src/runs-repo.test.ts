import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, MAX_EVIDENCE_BYTES, migrations, type RunEventRecord, type Store } from './index';
import { storeTargets } from './testing/store-targets';

const now = () => new Date('2026-12-04T06:00:00.000Z');

function event(runId: string, seq: number, over: Partial<RunEventRecord> = {}): RunEventRecord {
  return {
    runId, seq, at: `2026-12-04T06:${String(seq).padStart(2, '0')}:00.000Z`, operator: 'alice', type: seq === 1 ? 'started' : 'step',
    data: { n: seq, note: `step ${seq}` }, ...over,
  };
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const targets = storeTargets();

describe.each(targets)('runs in the $name store', (target) => {
  let store: Store;
  beforeEach(() => {
    store = target.open(now);
  });
  afterEach(() => {
    store.close();
  });

  it('reads a run\'s events back in seq order with their data parsed, and none for an unknown run', () => {
    store.appendRunEvent(event('run-20261204-0001', 1, { data: { goal: 'pool-failover', args: { pool: 'pool1.contoso.com' } } }));
    store.appendRunEvent(event('run-20261204-0002', 1));
    store.appendRunEvent(event('run-20261204-0001', 2, { operator: 'bob', data: { n: 3, status: 'done', note: 'é ✓' } }));
    store.appendRunEvent(event('run-20261204-0001', 3, { type: 'finished', data: undefined }));
    expect(store.runEvents('run-20261204-0001')).toEqual([
      { runId: 'run-20261204-0001', seq: 1, at: '2026-12-04T06:01:00.000Z', operator: 'alice', type: 'started', data: { goal: 'pool-failover', args: { pool: 'pool1.contoso.com' } } },
      { runId: 'run-20261204-0001', seq: 2, at: '2026-12-04T06:02:00.000Z', operator: 'bob', type: 'step', data: { n: 3, status: 'done', note: 'é ✓' } },
      { runId: 'run-20261204-0001', seq: 3, at: '2026-12-04T06:03:00.000Z', operator: 'alice', type: 'finished', data: null },
    ]);
    expect(store.runEvents('run-20261204-0002').map((e) => e.seq)).toEqual([1]);
    expect(store.runEvents('run-20261204-0099')).toEqual([]);
  });

  it('refuses a duplicate, a skipped or a first seq other than 1 with E_RUN_CONFLICT, and keeps the history as it was', () => {
    expect(codeOf(() => store.appendRunEvent(event('run-a', 2)))).toBe('E_RUN_CONFLICT');
    expect(codeOf(() => store.appendRunEvent(event('run-a', 0)))).toBe('E_RUN_CONFLICT');
    store.appendRunEvent(event('run-a', 1));
    store.appendRunEvent(event('run-a', 2));
    // Two browsers tick at once: both computed seq 3 from the same state; the second is refused and must retry.
    store.appendRunEvent(event('run-a', 3, { operator: 'alice' }));
    expect(codeOf(() => store.appendRunEvent(event('run-a', 3, { operator: 'bob' })))).toBe('E_RUN_CONFLICT');
    expect(codeOf(() => store.appendRunEvent(event('run-a', 5)))).toBe('E_RUN_CONFLICT');
    expect(codeOf(() => store.appendRunEvent(event('run-a', 1.5)))).toBe('E_RUN_CONFLICT');
    expect(store.runEvents('run-a').map((e) => [e.seq, e.operator])).toEqual([[1, 'alice'], [2, 'alice'], [3, 'alice']]);
    store.appendRunEvent(event('run-a', 4, { operator: 'bob' }));
    expect(store.runEvents('run-a').map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('sees an event appended through another connection before it checks the seq', () => {
    store.appendRunEvent(event('run-a', 1));
    const other = target.reopen(store, now);
    try {
      other.appendRunEvent(event('run-a', 2, { operator: 'bob' }));
      expect(codeOf(() => store.appendRunEvent(event('run-a', 2)))).toBe('E_RUN_CONFLICT');
      store.appendRunEvent(event('run-a', 3));
      expect(other.runEvents('run-a').map((e) => [e.seq, e.operator])).toEqual([[1, 'alice'], [2, 'bob'], [3, 'alice']]);
    } finally {
      other.close();
    }
  });

  it('lists runs newest first by the time of their first event, with their count and last time', () => {
    expect(store.listRuns()).toEqual([]);
    store.appendRunEvent(event('run-old', 1, { at: '2026-12-01T08:00:00.000Z' }));
    store.appendRunEvent(event('run-new', 1, { at: '2026-12-03T08:00:00.000Z' }));
    store.appendRunEvent(event('run-old', 2, { at: '2026-12-04T09:00:00.000Z' }));
    store.appendRunEvent(event('run-mid', 1, { at: '2026-12-02T08:00:00.000Z' }));
    store.appendRunEvent(event('run-mid', 2, { at: '2026-12-02T08:30:00.000Z' }));
    store.appendRunEvent(event('run-mid', 3, { at: '2026-12-02T09:15:00.000Z' }));
    expect(store.listRuns()).toEqual([
      { runId: 'run-new', startedAt: '2026-12-03T08:00:00.000Z', events: 1, lastAt: '2026-12-03T08:00:00.000Z' },
      { runId: 'run-mid', startedAt: '2026-12-02T08:00:00.000Z', events: 3, lastAt: '2026-12-02T09:15:00.000Z' },
      { runId: 'run-old', startedAt: '2026-12-01T08:00:00.000Z', events: 2, lastAt: '2026-12-04T09:00:00.000Z' },
    ]);
  });

  it('keeps evidence with its sha256 and size and gives the same bytes back', () => {
    const content = new TextEncoder().encode('Invoke-CsPoolFailOver -PoolFqdn pool1.contoso.com\r\nDone. ✓\n');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const rec = store.putEvidence({ id: 'ev-1', runId: 'run-a', name: 'failover.txt', at: '2026-12-04T06:05:00.000Z', content });
    expect(rec).toEqual({ id: 'ev-1', runId: 'run-a', name: 'failover.txt', sha256, size: content.byteLength, at: '2026-12-04T06:05:00.000Z' });
    const back = store.getEvidence('run-a', 'ev-1');
    expect(back).toMatchObject(rec);
    expect(Buffer.from(back!.content).equals(Buffer.from(content))).toBe(true);
    // A view into a larger buffer stores only its own bytes.
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const part = store.putEvidence({ id: 'ev-2', runId: 'run-a', name: 'part.bin', at: '2026-12-04T06:06:00.000Z', content: whole.subarray(2, 5) });
    expect(part.size).toBe(3);
    expect([...store.getEvidence('run-a', 'ev-2')!.content]).toEqual([1, 2, 3]);
    const empty = store.putEvidence({ id: 'ev-3', runId: 'run-a', name: 'empty.txt', at: '2026-12-04T06:07:00.000Z', content: new Uint8Array(0) });
    expect(empty).toMatchObject({ size: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(store.getEvidence('run-a', 'ev-3')!.content.byteLength).toBe(0);
    expect(store.getEvidence('run-a', 'ev-9')).toBeNull();
    expect(store.getEvidence('run-b', 'ev-1')).toBeNull();
  });

  it('refuses evidence above MAX_EVIDENCE_BYTES and an id the run already used', () => {
    expect(MAX_EVIDENCE_BYTES).toBe(5 * 1024 * 1024);
    const at = '2026-12-04T06:05:00.000Z';
    expect(store.putEvidence({ id: 'ev-max', runId: 'run-a', name: 'max.bin', at, content: new Uint8Array(MAX_EVIDENCE_BYTES) }).size).toBe(MAX_EVIDENCE_BYTES);
    expect(codeOf(() => store.putEvidence({ id: 'ev-big', runId: 'run-a', name: 'big.bin', at, content: new Uint8Array(MAX_EVIDENCE_BYTES + 1) })))
      .toBe('E_RUN_EVIDENCE_TOO_LARGE');
    expect(store.getEvidence('run-a', 'ev-big')).toBeNull();
    expect(codeOf(() => store.putEvidence({ id: 'ev-max', runId: 'run-a', name: 'other.txt', at, content: new Uint8Array([1]) }))).toBe('E_RUN_CONFLICT');
    expect(store.getEvidence('run-a', 'ev-max')).toMatchObject({ name: 'max.bin', size: MAX_EVIDENCE_BYTES });
    // Ids are unique within a run: another run may use the same one.
    expect(store.putEvidence({ id: 'ev-max', runId: 'run-b', name: 'b.txt', at, content: new Uint8Array([1]) }).size).toBe(1);
  });

  it('opens a store written before runs existed, migrates it and keeps its data', async () => {
    store.close();
    store = await target.atVersion(6, "INSERT INTO tokens (name, role, token_hash, created_at) VALUES ('ops', 'admin', 'h1', 'then')", now);
    expect(store.getToken('ops')).toMatchObject({ name: 'ops', role: 'admin' });
    expect(store.listRuns()).toEqual([]);
    store.appendRunEvent(event('run-a', 1));
    expect(store.listRuns().map((r) => r.runId)).toEqual(['run-a']);
    expect((await target.sql(store, 'SELECT n FROM migrations ORDER BY n')).map((r) => (r as { n: number }).n)).toEqual(migrations.map((m) => m.n));
  });
});

describe('runs in the sqlite store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-runs-'));
    store = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses any UPDATE or DELETE of the run history, even through SQL', () => {
    store.appendRunEvent(event('run-a', 1));
    store.putEvidence({ id: 'ev-1', runId: 'run-a', name: 'out.txt', at: '2026-12-04T06:05:00.000Z', content: new Uint8Array([1, 2]) });
    const db = new Database(store.file);
    try {
      db.pragma('busy_timeout = 5000');
      expect(() => db.prepare("UPDATE run_events SET operator = 'mallory' WHERE run_id = 'run-a'").run()).toThrow('run history is append-only');
      expect(() => db.prepare("DELETE FROM run_events WHERE run_id = 'run-a'").run()).toThrow('run history is append-only');
      expect(() => db.prepare("UPDATE run_evidence SET content = x'00' WHERE id = 'ev-1'").run()).toThrow('run history is append-only');
      expect(() => db.prepare('DELETE FROM run_evidence').run()).toThrow('run history is append-only');
      expect(() => db.prepare("INSERT OR REPLACE INTO run_events (run_id, seq, at, operator, type, data) VALUES ('run-a', 1, 't', 'mallory', 'started', '{}')").run())
        .toThrow('run history is append-only');
      expect(() => db.prepare("REPLACE INTO run_evidence (run_id, id, name, sha256, size, at, content) VALUES ('run-a', 'ev-1', 'x', 'x', 1, 't', x'00')").run())
        .toThrow('run history is append-only');
    } finally {
      db.close();
    }
    expect(store.runEvents('run-a')).toEqual([event('run-a', 1)]);
    expect([...store.getEvidence('run-a', 'ev-1')!.content]).toEqual([1, 2]);
  });

  it('opens a store file written before runs existed, migrates it and keeps its data', () => {
    store.close();
    const file = path.join(dir, 'old.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE migrations (n INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((x) => x.n <= 6)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations (n, name, applied_at) VALUES (?, ?, ?)').run(m.n, m.name, 'then');
    }
    db.prepare("INSERT INTO tokens (name, role, token_hash, created_at) VALUES ('ops', 'admin', 'h1', 'then')").run();
    db.close();
    store = createSqliteStore({ file, now });
    expect(store.getToken('ops')).toMatchObject({ name: 'ops', role: 'admin' });
    expect(store.listRuns()).toEqual([]);
    store.appendRunEvent(event('run-a', 1));
    expect(store.listRuns().map((r) => r.runId)).toEqual(['run-a']);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT n FROM migrations ORDER BY n').pluck().all()).toEqual(migrations.map((m) => m.n));
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual([
      'run_events_no_delete', 'run_events_no_replace', 'run_events_no_update', 'run_evidence_no_delete', 'run_evidence_no_replace',
      'run_evidence_no_update',
    ]);
    check.close();
  });
});
