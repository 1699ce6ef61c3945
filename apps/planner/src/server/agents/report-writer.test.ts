import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInlineCommitter, createSqliteStore, type ReportInput, type Store } from '@lyncdr/store';
import { createReportWriter } from './report-writer';

const t = '2026-11-22T10:00:00.000Z';
const report = (id: string, agentId: string): ReportInput => ({
  id, agentId, collector: 'file-store', receivedAt: t, startedAt: t, finishedAt: t, durationMs: 1, ok: true, raw: '{}', observations: [],
});

describe('report writer', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-writer-'));
    store = createSqliteStore({ file: path.join(dir, 'p.sqlite'), now: () => new Date(t) });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in one batch, the same id from two agents is two reports; from one agent twice, one report and a duplicate', async () => {
    const writer = createReportWriter(createInlineCommitter(store));
    const answers = await Promise.all([
      writer.submit(report('rep-00000001', 'fe1')),
      writer.submit(report('rep-00000001', 'fe2')),
      writer.submit(report('rep-00000001', 'fe1')),
    ]);
    expect(answers.map((a) => a.duplicate)).toEqual([false, false, true]);
    expect(store.countReports()).toBe(2);
    expect(await writer.submit(report('rep-00000001', 'fe2'))).toEqual({ duplicate: true });
  });
});
