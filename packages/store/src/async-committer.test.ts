import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommitter, createSqliteStore, createWorkerCommitter } from './index';
import { storeTargets } from './testing/store-targets';

describe('worker committer', () => {
  it('commits on a worker thread; the main connection reads the commit as soon as it resolves', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-committer-'));
    const store = createSqliteStore({ file: path.join(dir, 'p.sqlite'), now: () => new Date() });
    store.addToken('fe1', 'agent', 'h');
    const c = await createWorkerCommitter(store.file, store);
    expect(c.mode).toBe('worker');
    const t = '2026-11-22T10:00:00.000Z';
    const r = { id: 'rep-00000001', agentId: 'fe1', collector: 'x', receivedAt: t, startedAt: t, finishedAt: t, durationMs: 1, ok: true, raw: '{}', observations: [] };
    expect(await c.commit([r], [{ name: 'fe1', at: t, version: '9.9' }])).toEqual([{ id: 'rep-00000001', duplicate: false }]);
    expect(store.hasReport('rep-00000001')).toBe(true);
    expect(store.getToken('fe1')?.version).toBe('9.9');
    expect(await c.commit([r], [])).toEqual([{ id: 'rep-00000001', duplicate: true }]);
    await c.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.each(storeTargets())('the $name store\'s committer', (target) => {
  it('commits apart from the caller\'s connection; a read on the store sees each commit as soon as it resolves', async () => {
    const store = target.open(() => new Date());
    store.addToken('fe1', 'agent', 'h');
    const c = await createCommitter(store);
    try {
      expect(c.mode).toBe(target.name === 'sqlite' ? 'worker' : 'postgres');
      const t = '2026-11-22T10:00:00.000Z';
      const obs = { kind: 'file-store', subject: 's', itemId: 'filestore:s', lastGood: t, ok: true, findings: [], data: {} };
      const r = (id: string, durationMs: number) => ({ id, agentId: 'fe1', collector: 'file-store', receivedAt: t, startedAt: t, finishedAt: t, durationMs, ok: true, raw: '{}', observations: [obs] });
      for (let i = 1; i <= 12; i++) {
        expect(await c.commit([r(`rep-${i}`, i)], i === 1 ? [{ name: 'fe1', at: t, host: 'fe1.contoso.test' }] : [])).toEqual([{ id: `rep-${i}`, duplicate: false }]);
        expect(store.countReports()).toBe(i);
      }
      expect(await c.commit([r('rep-3', 3)], [])).toEqual([{ id: 'rep-3', duplicate: true }]);
      // The running history of the subject: the ten runs before the newest, newest first.
      expect(store.latestObservations()[0]).toMatchObject({ reportId: 'rep-12', durationMs: 12, recentDurationsMs: [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] });
      expect(store.getToken('fe1')).toMatchObject({ host: 'fe1.contoso.test', lastRuns: { 'file-store': t } });
    } finally {
      await c.close();
      store.close();
    }
  });
});
