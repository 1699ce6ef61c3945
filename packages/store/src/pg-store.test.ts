import { describe, expect, it } from 'vitest';
import { createCommitter, createPostgresStore, openStore, type Store } from './index';
import { storeTargets } from './testing/store-targets';

const now = () => new Date('2026-12-04T08:00:00.000Z');
const postgres = storeTargets().filter((t) => t.name === 'postgres');

function codeOf(f: () => unknown): { code?: string; message: string } {
  try {
    f();
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return { message: 'no error' };
}

describe('postgres store: opening', () => {
  it('names an unreachable server by its URL without the password, within the connect timeout', () => {
    const started = Date.now();
    const e = codeOf(() => createPostgresStore({ url: 'postgres://lyncdr:s3cret@127.0.0.1:1/lyncdr', schema: 'lyncdr', now, connectTimeoutMs: 2000 }));
    expect(e.code).toBe('E_STORE_OPEN');
    expect(e.message).toContain('postgres://lyncdr@127.0.0.1:1/lyncdr');
    expect(e.message).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(codeOf(() => createPostgresStore({ url: 'postgres://x@127.0.0.1:1/x', schema: 'a"; DROP TABLE x; --', now })).code).toBe('E_CONFIG');
  });
});

describe.each(postgres)('postgres store: schemas and versions', (target) => {
  it('keeps each deployment in its own schema, created when missing', () => {
    const a = target.open(now);
    const b = openStore({ store: (a as Store & { postgres: { url: string } }).postgres.url, file: 'unused', schema: `${(a as Store & { postgres: { schema: string } }).postgres.schema}_b`, now });
    try {
      a.addToken('fe1', 'agent', 'h1');
      expect(b.listTokens()).toEqual([]);
      expect(b.findByTokenHash('h1')).toBeNull();
      expect(a.findByTokenHash('h1')?.name).toBe('fe1');
    } finally {
      a.close();
      b.close();
    }
  });

  it('refuses a schema written by a newer lyncdr (E_STORE_VERSION) and backups through lyncdr (E_STORE_BACKUP)', async () => {
    const store = target.open(now);
    await expect(store.backupTo('/tmp/x.sqlite')).rejects.toMatchObject({ code: 'E_STORE_BACKUP', message: expect.stringContaining('pg_dump') });
    await target.sql(store, "INSERT INTO migrations (n, name, applied_at) VALUES (999, 'from the future', 'then')");
    store.close();
    expect(codeOf(() => target.reopen(store, now)).code).toBe('E_STORE_VERSION');
  });

  it('refuses any UPDATE or DELETE of the run history, even through SQL', async () => {
    const store = target.open(now);
    try {
      store.appendRunEvent({ runId: 'run-a', seq: 1, at: '2026-12-04T06:01:00.000Z', operator: 'alice', type: 'started', data: {} });
      store.putEvidence({ id: 'ev-1', runId: 'run-a', name: 'out.txt', at: '2026-12-04T06:05:00.000Z', content: new Uint8Array([1, 2]) });
      for (const sql of ["UPDATE run_events SET operator = 'mallory'", 'DELETE FROM run_events', "UPDATE run_evidence SET content = '\\x00'", 'DELETE FROM run_evidence', 'TRUNCATE run_events']) {
        await expect(target.sql(store, sql)).rejects.toThrow('run history is append-only');
      }
      await expect(target.sql(store, "INSERT INTO run_events (run_id, seq, at, operator, type, data) VALUES ('run-a', 1, 't', 'mallory', 'started', '{}') ON CONFLICT (run_id, seq) DO UPDATE SET operator = 'mallory'"))
        .rejects.toThrow('run history is append-only');
      expect(store.runEvents('run-a').map((e) => e.operator)).toEqual(['alice']);
      expect([...store.getEvidence('run-a', 'ev-1')!.content]).toEqual([1, 2]);
    } finally {
      store.close();
    }
  });

  it('opens its connections again after PostgreSQL dropped them: the call that meets the loss fails with a code, the next ones work', async () => {
    const store = target.open(now);
    const c = await createCommitter(store);
    try {
      store.addToken('fe1', 'agent', 'h');
      const t = '2026-11-22T10:00:00.000Z';
      const r = (id: string) => ({ id, agentId: 'fe1', collector: 'x', receivedAt: t, startedAt: t, finishedAt: t, durationMs: 1, ok: true, raw: '{}', observations: [] });
      expect(await c.commit([r('rep-1')], [])).toEqual([{ id: 'rep-1', duplicate: false }]);
      const killed = await target.sql(store, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'lyncdr planner%' AND pid <> pg_backend_pid()");
      expect(killed.length).toBeGreaterThanOrEqual(2); // the store's connection and the committer's
      // Each side meets the loss at most once, with a stable code, then works on a new connection.
      let reads = 0;
      for (;;) {
        try {
          expect(store.countReports()).toBe(1);
          break;
        } catch (e) {
          expect((e as { code?: string }).code).toMatch(/^E_STORE_(UNAVAILABLE|WRITE)$/);
          expect(++reads).toBeLessThan(3);
        }
      }
      let commits = 0;
      for (;;) {
        try {
          expect(await c.commit([r('rep-2')], [])).toEqual([{ id: 'rep-2', duplicate: false }]);
          break;
        } catch (e) {
          expect((e as { code?: string }).code).toBe('E_STORE_WRITE');
          expect(++commits).toBeLessThan(3);
        }
      }
      expect(store.countReports()).toBe(2);
    } finally {
      await c.close();
      store.close();
    }
  });

  it('commits report batches through its asynchronous committer, acked only once readable by every connection', async () => {
    const store = target.open(now);
    const c = await createCommitter(store);
    try {
      expect(c.mode).toBe('postgres');
      store.addToken('fe1', 'agent', 'h');
      const t = '2026-11-22T10:00:00.000Z';
      const r = (id: string) => ({ id, agentId: 'fe1', collector: 'x', receivedAt: t, startedAt: t, finishedAt: t, durationMs: 1, ok: true, raw: '{}', observations: [] });
      // Batches handed over at once are committed one after another, each answered in input order.
      const [a, b] = await Promise.all([c.commit([r('rep-1'), r('rep-2')], [{ name: 'fe1', at: t, version: '9.9' }]), c.commit([r('rep-2'), r('rep-3')], [])]);
      expect(a).toEqual([{ id: 'rep-1', duplicate: false }, { id: 'rep-2', duplicate: false }]);
      expect(b).toEqual([{ id: 'rep-2', duplicate: true }, { id: 'rep-3', duplicate: false }]);
      const other = target.reopen(store, now);
      expect(other.countReports()).toBe(3);
      expect(other.getToken('fe1')?.version).toBe('9.9');
      other.close();
    } finally {
      await c.close();
      store.close();
    }
  });
});
