import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@lyncdr/logger';
import type { StatusEntry } from '@lyncdr/protocol';
import { createSqliteStore, type Store } from '@lyncdr/store';
import type { AlertChannel } from '../alerts/channel';
import { createNotifier } from '../alerts/notifier';
import { createAlertGate } from './alert-gate';

const entry = (itemId: string, status: StatusEntry['status']): StatusEntry => ({ itemId, status, reason: `${status} because`, lastGood: null, ageSeconds: null });

describe('the notifier with a peer that sends first', () => {
  let dir: string;
  let store: Store;
  let sent: { kind: string; changes?: { itemId: string }[] }[];
  const webhook: AlertChannel = { name: 'webhook', send: async (body) => (sent.push(body as never), { delivered: true, attempts: 1, detail: 'HTTP 204' }) };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-gate-'));
    store = createSqliteStore({ file: path.join(dir, 'p.sqlite'), now: () => new Date() });
    sent = [];
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs alerts as not sent while the peer sends, then sends those held after the peer went silent', async () => {
    let at = '2026-12-04T10:00:00Z';
    const down = new Set<string>();
    let silent: string | null = null;
    const gate = createAlertGate({ order: ['paris', 'london'], self: 'london', down: () => down, silentSince: () => silent });
    const notifier = createNotifier({ store, log: silentLogger, now: () => new Date(at), silence: [], channels: [webhook], gate });

    await notifier.onChanges([{ entry: entry('a', 'late'), previous: 'ok' }], 'contoso');
    expect(sent).toEqual([]);
    expect(store.listAlerts(10)).toMatchObject([{ itemId: 'a', channel: 'peer', delivered: false, detail: 'not sent: peer paris sends' }]);
    await notifier.dailySummary({ deployment: 'contoso', generatedAt: at, items: [] } as never);
    expect(sent).toEqual([]);

    silent = '2026-12-04T10:01:00.000Z';
    at = '2026-12-04T10:01:30Z';
    await notifier.onChanges([{ entry: entry('b', 'failed'), previous: 'ok' }], 'contoso');
    expect(sent).toEqual([]);

    down.add('paris');
    at = '2026-12-04T10:03:00Z';
    await notifier.onChanges([{ entry: entry('peer:paris', 'failed'), previous: 'ok' }], 'contoso');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.changes!.map((c) => c.itemId)).toEqual(['b', 'peer:paris']);
    expect(store.listAlerts(10).filter((a) => a.channel === 'webhook').map((a) => a.itemId).sort()).toEqual(['b', 'peer:paris']);

    // Paris answers again: it sends the alerts again, but the news that it is back comes from here (it cannot say it).
    down.delete('paris');
    silent = null;
    at = '2026-12-04T10:10:00Z';
    await notifier.onChanges([{ entry: entry('peer:paris', 'ok'), previous: 'failed' }, { entry: entry('c', 'late'), previous: 'ok' }], 'contoso');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.changes!.map((c) => c.itemId)).toEqual(['peer:paris']);
    expect(store.listAlerts(20).find((a) => a.itemId === 'c')).toMatchObject({ channel: 'peer', delivered: false, detail: 'not sent: peer paris sends' });
  });
});
