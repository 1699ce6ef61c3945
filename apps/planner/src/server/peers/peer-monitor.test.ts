import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@lyncdr/logger';
import { createPeerMonitor, fetchSyncState } from './peer-monitor';
import type { SyncState } from './sync-state';

const ours: SyncState = { planner: 'paris', at: '2026-12-04T10:00:00.000Z', reports: 3, newestReport: null, agents: { fe01: '2026-12-04T09:59:00.000Z' } };

describe('the peer monitor', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = null;
  });
  const serve = async (handler: Parameters<typeof createServer>[1]) => {
    server = createServer(handler);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('reads a peer\'s sync state with its read token, and says why it cannot', async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      seen.push(req.headers.authorization);
      if (req.headers.authorization !== 'Bearer good') return void res.writeHead(401).end();
      if (req.url !== '/api/sync-state') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...ours, planner: 'london' }));
    });
    await expect(fetchSyncState({ name: 'london', url, token: 'good' }, 2000)).resolves.toMatchObject({ planner: 'london', reports: 3 });
    await expect(fetchSyncState({ name: 'london', url, token: 'bad' }, 2000)).rejects.toThrow(/read token was refused \(HTTP 401\)/);
    expect(seen).toEqual(['Bearer good', 'Bearer bad']);
    server!.closeAllConnections();
    await new Promise<void>((r) => server!.close(() => r()));
    // The port of the stopped server refuses connections.
    await expect(fetchSyncState({ name: 'x', url, token: 'good' }, 2000)).rejects.toThrow(/ECONNREFUSED/);
    const slow = await serve(() => {});
    await expect(fetchSyncState({ name: 'slow', url: slow, token: 't' }, 200)).rejects.toThrow('no answer within 0.2 s');
    server!.closeAllConnections();
  });

  it('tells when a peer stops answering and when it is down', async () => {
    let now = new Date('2026-12-04T10:00:00Z');
    let up = true;
    let changes = 0;
    const monitor = createPeerMonitor({
      peers: [{ name: 'london', url: 'http://london', token: 't' }], ours: () => ours, now: () => now, log: silentLogger,
      pollMs: 30_000, timeoutMs: 1000, downAfterMs: 60_000, onChange: () => changes++,
      fetchSync: async () => {
        if (!up) throw new Error('ECONNREFUSED');
        return { ...ours, agents: { fe01: '2026-12-04T09:58:00.000Z' } };
      },
    });
    await monitor.pollNow();
    expect(monitor.states()[0]).toMatchObject({ reachable: true, gap: { behindSeconds: 60 } });
    expect(changes).toBe(1);
    up = false;
    now = new Date('2026-12-04T10:00:30Z');
    await monitor.pollNow();
    expect(monitor.states()[0]).toMatchObject({ reachable: false, error: 'ECONNREFUSED' });
    expect(monitor.silentSince('london')).toBe('2026-12-04T10:00:30.000Z');
    expect(monitor.down()).toEqual(new Set());
    expect(changes).toBe(2);
    now = new Date('2026-12-04T10:01:30Z');
    await monitor.pollNow();
    expect(monitor.down()).toEqual(new Set(['london']));
    expect(changes).toBe(3);
    await monitor.pollNow();
    expect(changes).toBe(3);
    up = true;
    await monitor.pollNow();
    expect(monitor.down()).toEqual(new Set());
    expect(monitor.silentSince('london')).toBeNull();
    expect(changes).toBe(4);
  });
});
