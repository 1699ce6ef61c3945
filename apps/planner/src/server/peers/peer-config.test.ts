import { describe, expect, it } from 'vitest';
import type { LyncdrError } from '@lyncdr/errors';
import { parsePlannerConfig } from '../config';
import { alertOrder, peerToken } from './peer-config';

const two = `
self: { name: paris, url: "https://lyncdr-paris.contoso.example:8470/" }
peers:
  - { name: london, url: "https://lyncdr-london.contoso.example:8470", token: "r3ad" }
`;

function configError(text: string): LyncdrError {
  try {
    parsePlannerConfig(text, 'planner.yaml');
  } catch (e) {
    return e as LyncdrError;
  }
  throw new Error('no error');
}

describe('planner.yaml peers', () => {
  it('reads self, peers and the polling defaults; the order is alphabetical when not given', () => {
    const c = parsePlannerConfig(two, 'planner.yaml');
    expect(c.self).toEqual({ name: 'paris', url: 'https://lyncdr-paris.contoso.example:8470' });
    expect(c.peers).toEqual([{ name: 'london', url: 'https://lyncdr-london.contoso.example:8470', token: 'r3ad' }]);
    expect(c.peering).toEqual({ pollSeconds: 30, timeoutSeconds: 5, downAfterSeconds: 90 });
    expect(alertOrder(c)).toEqual(['london', 'paris']);
    expect(alertOrder(parsePlannerConfig(`${two}alerts: { peerOrder: [paris, london] }`, 'p.yaml'))).toEqual(['paris', 'london']);
    expect(parsePlannerConfig('', 'p.yaml')).toMatchObject({ self: null, peers: [], alerts: { peerOrder: null } });
  });

  it('takes the token from an environment variable', () => {
    const c = parsePlannerConfig('self: { name: a }\npeers: [{ name: b, url: "http://b:8470", tokenEnv: B_TOKEN }]', 'p.yaml');
    expect(peerToken(c.peers[0]!, { B_TOKEN: 'x' })).toBe('x');
    expect(peerToken(c.peers[0]!, {})).toBeNull();
  });

  it('refuses what cannot work, with E_CONFIG naming the field', () => {
    const cases: [string, string, RegExp][] = [
      ['peers: [{ name: b, url: "http://b:8470", token: t }]', 'self', /self: \{ name, url \}/],
      ['self: { name: a }\npeers: [{ name: a, url: "http://b:8470", token: t }]', 'peers.0.name', /used twice/],
      ['self: { name: a }\npeers: [{ name: b, url: "ftp://b", token: t }]', 'peers.0.url', /http:\/\/ or https:\/\//],
      ['self: { name: a }\npeers: [{ name: b, url: "http://b" }]', 'peers.0.token', /token or tokenEnv/],
      ['self: { name: Paris }', 'self.name', /lowercase/],
      [`${two}alerts: { peerOrder: [paris] }`, 'alerts.peerOrder', /missing: london/],
      [`${two}alerts: { peerOrder: [paris, london, rome] }`, 'alerts.peerOrder.2', /neither self.name nor a peer/],
      [`${two}alerts: { peerOrder: [paris, paris, london] }`, 'alerts.peerOrder.1', /listed twice/],
      ['peering: { pollSeconds: 0 }', 'peering.pollSeconds', /./],
    ];
    for (const [text, where, message] of cases) {
      const e = configError(text);
      expect(e.code, text).toBe('E_CONFIG');
      expect(e.location, text).toMatchObject({ file: 'planner.yaml', where });
      expect(e.message, text).toMatch(message);
    }
  });
});
