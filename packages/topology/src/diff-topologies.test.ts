import { describe, expect, it } from 'vitest';
import { diffTopologies } from './diff-topologies';
import { parseTopologyDocument, type Topology } from './index';
import { twoSiteSpec } from './testing/example-specs';
import { renderPublished } from './testing/render-published';

const contoso: Topology = parseTopologyDocument(new Uint8Array(Buffer.from(renderPublished(twoSiteSpec))), { file: 't.xml' });
const pool01 = contoso.pools.find((p) => p.fqdn === 'pool01.contoso.example')!;

describe('diffTopologies', () => {
  it('finds nothing between a topology and itself, or the same one written in capitals', () => {
    const d = diffTopologies(contoso, contoso);
    expect(d.same).toBe(true);
    expect(d.cms).toBeNull();
    const loud: Topology = {
      ...contoso,
      pools: contoso.pools.map((p) => ({ ...p, fqdn: p.fqdn.toUpperCase(), machines: p.machines.map((m) => m.toUpperCase()) })),
      sqlStores: contoso.sqlStores.map((s) => ({ ...s, server: s.server.toUpperCase() })),
      fileStores: contoso.fileStores.map((f) => ({ ...f, unc: f.unc.toUpperCase() })),
      pairs: contoso.pairs.map(([a, b]) => [b.toUpperCase(), a.toUpperCase()]),
    };
    expect(diffTopologies(contoso, loud).same).toBe(true);
  });

  it('names added and removed pools and machines, and what changed in a pool, in sorted lists', () => {
    const newer: Topology = {
      ...contoso,
      pools: [{ ...pool01, machines: [...pool01.machines, 'fe99.contoso.example'], backupPool: 'pool02.contoso.example' }, ...contoso.pools.filter((p) => p.fqdn !== pool01.fqdn && p.kind !== 'Edge')],
    };
    const d = diffTopologies(contoso, newer);
    expect(d.same).toBe(false);
    expect(d.pools.added).toEqual([]);
    expect(d.pools.removed).toEqual(contoso.pools.filter((p) => p.kind === 'Edge').map((p) => p.fqdn).sort());
    expect(d.pools.changed).toEqual([
      { id: 'pool01.contoso.example', changes: [`backup pool ${pool01.backupPool ?? 'none'} → pool02.contoso.example`, 'machine added fe99.contoso.example'] },
    ]);
    expect(d.machines.added).toEqual(['fe99.contoso.example']);
  });

  it('names changed services, SQL stores and their mirrors, file stores, pairs, sites and a moved CMS', () => {
    const [s0, ...rest] = contoso.services;
    const be = contoso.sqlStores.find((s) => s.kind === 'BackEnd')!;
    const newer: Topology = {
      ...contoso,
      sites: [...contoso.sites, { id: '9', name: 'Oslo', location: null, kind: 'central' }],
      services: [{ ...s0!, dependsOn: [] }, ...rest],
      sqlStores: contoso.sqlStores.map((s) => (s === be ? { ...be, mirror: { server: 'sqlm.contoso.example', instance: 'rtc' } } : s)),
      fileStores: [],
      pairs: [['pool01.contoso.example', 'pool02.contoso.example']],
      cms: contoso.cms ? { ...contoso.cms, pool: 'pool02.contoso.example' } : null,
    };
    const d = diffTopologies(contoso, newer);
    expect(d.services.changed.map((c) => c.id)).toEqual([s0!.id]);
    expect(d.services.changed[0]!.changes[0]).toMatch(/^depends on \[.+\] → \[\]$/);
    expect(d.sites).toEqual({ added: ['Oslo'], removed: [] });
    expect(d.sqlStores.changed).toEqual([{ id: `BackEnd ${be.server}\\${be.instance}`, changes: ['mirror none → sqlm.contoso.example\\rtc'] }]);
    expect(d.fileStores.removed).toEqual([...new Set(contoso.fileStores.map((f) => f.unc.toLowerCase()))].sort());
    expect(d.pairs.added).toEqual(contoso.pairs.length ? [] : ['pool01.contoso.example ⇄ pool02.contoso.example']);
    if (contoso.cms) expect(d.cms).toEqual({ from: `${contoso.cms.pool} (sql01.contoso.example\\rtc)`, to: 'pool02.contoso.example (sql01.contoso.example\\rtc)' });
  });

  it('names Edge routes added and removed, a changed product version, HA type and overlay facts', () => {
    const edge = contoso.pools.find((p) => p.kind === 'Edge' && p.nextHop)!;
    const be = contoso.sqlStores.find((s) => s.kind === 'BackEnd')!;
    const overlay = { deployment: null, pairs: [], language: null, owners: {}, destinations: {}, schedules: {}, targets: { rpoMinutes: null, rtoMinutes: null, perPool: {} }, federation: {}, nextHops: {}, extra: {} };
    const older: Topology = { ...contoso, overlay };
    const newer: Topology = {
      ...contoso,
      pools: contoso.pools.map((p) => (p === edge ? { ...p, nextHop: 'dir99.contoso.example' } : p === pool01 ? { ...p, product: 'sfb2019' as const } : p)),
      sqlStores: contoso.sqlStores.map((s) => (s === be ? { ...s, haType: 'alwayson' as const } : s)),
      federation: { ...contoso.federation, xmppEdge: 'EDGE02.contoso.example' },
      product: { version: 'sfb2019', source: 'overlay' },
      overlay: { ...overlay, schedules: { sql: 'daily 01:00' }, file: 'other.yaml' },
    };
    const d = diffTopologies(older, newer);
    expect(d.same).toBe(false);
    expect(d.edgeRoutes.added).toEqual([`${edge.fqdn} → next hop dir99.contoso.example`, ...(contoso.federation.xmppEdge ? [] : ['XMPP federation via edge02.contoso.example'])].sort());
    expect(d.edgeRoutes.removed).toEqual([`${edge.fqdn} → next hop ${edge.nextHop}`]);
    expect(d.pools.changed).toContainEqual({ id: pool01.fqdn, changes: [`product ${pool01.product ?? 'unknown'} → sfb2019`] });
    expect(d.sqlStores.changed).toEqual([{ id: `BackEnd ${be.server}\\${be.instance}`, changes: [`HA ${be.haType ?? 'unknown'} → alwayson`] }]);
    expect(d.product).toEqual({ from: contoso.product?.version ?? 'unknown', to: 'sfb2019' });
    expect(d.overlay).toEqual(['schedules']);
    expect(diffTopologies(older, contoso).overlay).toEqual(['overlay']);
  });
});
