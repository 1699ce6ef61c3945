import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@lyncdr/logger';
import { createSqliteStore, type Store } from '@lyncdr/store';
import type { StatusEntry } from '@lyncdr/protocol';
import { createNotifier } from './notifier';
import type { AlertChannel } from './channel';

const entry = (itemId: string, status: StatusEntry['status']): StatusEntry => ({ itemId, status, reason: `${status} because`, lastGood: null, ageSeconds: null });

describe('notifier', () => {
  let dir: string;
  let store: Store;
  let sent: unknown[];
  let lines: string[];
  const webhook: AlertChannel = {
    name: 'webhook',
    send: async (body) => {
      sent.push(body);
      return { delivered: true, attempts: 1, detail: 'HTTP 204' };
    },
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-notifier-'));
    store = createSqliteStore({ file: path.join(dir, 'p.sqlite'), now: () => new Date() });
    sent = [];
    lines = [];
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const make = (at: string) => createNotifier({
    store, now: () => new Date(at), channels: [webhook], log: createLogger({ sinks: [{ write: (r) => lines.push(`${r.msg} ${JSON.stringify(r.fields)}`) }] }),
    silence: [{ from: '01:00', to: '03:00' }],
  });

  it('alerts moves to late/failed and recoveries, not first evidence of ok', async () => {
    await make('2026-11-22T10:00:00Z').onChanges([
      { entry: entry('a', 'ok'), previous: null }, { entry: entry('b', 'ok'), previous: 'unknown' },
      { entry: entry('c', 'failed'), previous: null }, { entry: entry('d', 'ok'), previous: 'late' },
    ], 'contoso');
    expect(sent).toHaveLength(1);
    expect((sent[0] as { changes: { itemId: string }[] }).changes.map((c) => c.itemId)).toEqual(['c', 'd']);
    expect(store.listAlerts(10).map((a) => a.itemId).sort()).toEqual(['c', 'd']);
  });

  it('logs a change inside a silence window as silenced and posts nothing', async () => {
    await make('2026-11-22T02:00:00Z').onChanges([{ entry: entry('a', 'late'), previous: 'ok' }], null);
    expect(sent).toHaveLength(0);
    expect(store.listAlerts(10)).toMatchObject([{ itemId: 'a', channel: 'silenced', delivered: false }]);
    expect(lines[0]).toMatch(/status.changed .*"silenced":true/);
  });

  it('records each channel as soon as it is through, and a channel that throws as not delivered', async () => {
    let release: (d: { delivered: boolean; attempts: number; detail: string }) => void = () => undefined;
    const slow: AlertChannel = { name: 'slow', send: () => new Promise((r) => (release = r)) };
    const broken: AlertChannel = { name: 'broken', send: async () => { throw new Error('socket hang up'); } };
    const n = createNotifier({ store, now: () => new Date('2026-11-22T10:00:00Z'), channels: [webhook, slow, broken], silence: [], log: createLogger({ sinks: [{ write: (r) => lines.push(`${r.msg} ${JSON.stringify(r.fields)}`) }] }) });
    const done = n.onChanges([{ entry: entry('a', 'failed'), previous: 'ok' }], 'contoso');
    for (let i = 0; i < 50 && store.listAlerts(10).length < 2; i++) await new Promise((r) => setImmediate(r));
    expect(store.listAlerts(10).map((a) => [a.channel, a.delivered, a.detail]).sort()).toEqual([['broken', false, 'socket hang up'], ['webhook', true, 'HTTP 204']]);
    release({ delivered: false, attempts: 3, detail: 'HTTP 503' });
    await done;
    expect(store.listAlerts(10).map((a) => [a.channel, a.delivered]).sort()).toEqual([['broken', false], ['slow', false], ['webhook', true]]);
    expect(lines.filter((l) => l.startsWith('alert.failed'))).toEqual([
      'alert.failed {"channel":"broken","changes":1,"attempts":1,"detail":"socket hang up"}',
      'alert.failed {"channel":"slow","changes":1,"attempts":3,"detail":"HTTP 503"}',
    ]);
  });

  it('sends the daily summary with the items that need attention', async () => {
    await make('2026-11-22T08:00:00Z').dailySummary({
      kind: 'lyncdr.status', v: 1, generatedAt: '2026-11-22T08:00:00.000Z', deployment: 'contoso',
      items: [entry('a', 'ok'), entry('b', 'late'), entry('c', 'unknown')],
    });
    expect(sent).toEqual([{
      kind: 'lyncdr.summary', deployment: 'contoso', at: '2026-11-22T08:00:00.000Z', counts: { ok: 1, late: 1, failed: 0, unknown: 1 },
      attention: [{ itemId: 'b', status: 'late', reason: 'late because' }, { itemId: 'c', status: 'unknown', reason: 'unknown because' }],
    }]);
  });
});
