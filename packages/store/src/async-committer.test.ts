import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore, createWorkerCommitter } from './index';

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
