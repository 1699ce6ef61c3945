import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { silentLogger } from '@lyncdr/logger';
import { PlannerConfig } from '../config';
import { createPeers } from './peers';

const store = { countReports: () => 0, listTokens: () => [] };
const now = () => new Date('2026-12-04T10:00:00Z');
const config = (over: Record<string, unknown>) => PlannerConfig.parse({
  self: { name: 'paris' }, peers: [{ name: 'london', url: 'https://london.contoso.example:8470', tokenEnv: 'LONDON_TOKEN' }], ...over,
});

describe('the peer planners put together', () => {
  it('stops the planner at start when a peer\'s token variable is not set', () => {
    let error: unknown;
    try {
      createPeers({ config: config({}), store, now, log: silentLogger, onChange: () => {}, env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LyncdrError);
    expect(error).toMatchObject({ code: 'E_CONFIG', location: { where: 'peers.0.tokenEnv' }, message: expect.stringMatching(/LONDON_TOKEN is not set/) });
  });

  it('names this planner first in documents (its listen URL without self.url), then its peers; none without self', () => {
    const fetchSync = () => Promise.reject(new Error('not polled in this test'));
    const peers = createPeers({ config: config({}), store, now, log: silentLogger, onChange: () => {}, env: { LONDON_TOKEN: 't' }, fetchSync });
    expect(peers.planners()).toEqual([]);
    peers.start('http://127.0.0.1:8470');
    peers.stop();
    expect(peers.planners()).toEqual([
      { name: 'paris', url: 'http://127.0.0.1:8470', self: true },
      { name: 'london', url: 'https://london.contoso.example:8470', self: false },
    ]);
    const named = createPeers({ config: config({ self: { name: 'paris', url: 'https://paris.contoso.example:8470' } }), store, now, log: silentLogger, onChange: () => {}, env: { LONDON_TOKEN: 't' } });
    expect(named.planners()[0]).toEqual({ name: 'paris', url: 'https://paris.contoso.example:8470', self: true });
    expect(named.entries(now())).toMatchObject([{ itemId: 'peer:london', status: 'unknown' }]);
    expect(named.metrics().map((f) => f.name)).toContain('lyncdr_peer_down');
    const alone = createPeers({ config: PlannerConfig.parse({}), store, now, log: silentLogger, onChange: () => {} });
    expect(alone.planners()).toEqual([]);
    expect(alone.gate).toBeNull();
    expect(alone.metrics()).toEqual([]);
    expect(alone.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/sync-state', 'GET /api/peers']);
  });
});
