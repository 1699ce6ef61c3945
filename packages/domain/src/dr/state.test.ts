import { describe, expect, it } from 'vitest';
import type { LyncdrError } from '@lyncdr/errors';
import { buildState, initialState } from './index';
import { twoSiteTopology } from './testing/build-topology';

const t = twoSiteTopology();

function stateError(input: unknown): LyncdrError {
  try {
    buildState(t, input, 'state.json');
  } catch (e) {
    return e as LyncdrError;
  }
  throw new Error('expected an error');
}

describe('buildState', () => {
  it('starts from the topology: pairs, CMS, Edge next hops, federation', () => {
    const s = initialState(t);
    expect(s.pairs).toEqual([['p1.contoso.com', 'p2.contoso.com']]);
    expect(s.cmsActive).toBe('p1.contoso.com');
    expect(s.nextHops).toEqual({ 'edge1.contoso.com': 'p1.contoso.com', 'edge2.contoso.com': 'p2.contoso.com' });
    expect(s.federation).toEqual({ lync: 'edge1.contoso.com', xmpp: 'edge1.contoso.com' });
  });

  it('reads the DESIGN §4 keys, case-insensitively, and marks the CMS unavailable when its pool is down', () => {
    const s = buildState(t, { failedOver: { 'P1.contoso.com': 'p2.contoso.com' }, down: ['fe1-p1.contoso.com', 'fe2-p1.contoso.com'], cmsActive: null });
    expect(s.failedOver).toEqual({ 'p1.contoso.com': 'p2.contoso.com' });
    expect(s.down).toEqual(['fe1-p1.contoso.com', 'fe2-p1.contoso.com']);
    expect(s.cmsAvailable).toBe(false);
  });

  it.each([
    [{ failedOver: { 'p1.contoso.com': 'p2.contoso.com' }, down: ['p2.contoso.com'] }, /p2\.contoso\.com is listed as down/],
    [{ failedOver: { 'p1.contoso.com': 'p2.contoso.com', 'p2.contoso.com': 'p1.contoso.com' } }, /both directions/],
    [{ failedOver: { 'p1.contoso.com': 'p1.contoso.com' } }, /to itself/],
    [{ failedOver: { 'p1.contoso.com': 'edge2.contoso.com' } }, /not a Front End pool/],
    [{ down: ['ghost.contoso.com'] }, /unknown FQDN "ghost\.contoso\.com" in down\[0\]/],
    [{ cmsActive: 'ghost.contoso.com' }, /unknown FQDN/],
    [{ down: 'p1' }, /down must be an array/],
    [{ bogus: 1 }, /unknown key "bogus"/],
    [{ sync: { 'p1.contoso.com>p2.contoso.com': 'Fine' } }, /must be one of/],
    [[1, 2], /must be a JSON object/],
  ])('rejects the contradictory or malformed state %j', (input, re) => {
    const e = stateError(input);
    expect(e.code).toBe('E_STATE');
    expect(e.message).toMatch(re);
    expect(e.location.file).toBe('state.json');
  });

  it('rejects a failover to a pool that is not the partner', () => {
    const three = { ...t, pools: [...t.pools, { ...t.pools[0]!, fqdn: 'p9.contoso.com', machines: [] }] };
    expect(() => buildState(three, { failedOver: { 'p1.contoso.com': 'p9.contoso.com' } })).toThrow(/not paired \(p1\.contoso\.com is paired with p2\.contoso\.com\)/);
  });
});
