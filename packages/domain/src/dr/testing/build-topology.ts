/**
 * A small builder of Topology objects for tests and benchmarks: pools with kinds, sites, pairs, Back End stores
 * (optionally mirrored), the CMS and federation routes. Pure.
 */
import type { Pool, PoolKind, SqlStore, Topology } from '@lyncdr/topology';

export interface PoolSpec {
  fqdn: string;
  site: string;
  kind?: PoolKind;
  machines?: string[];
  nextHop?: string | null;
  edgePool?: string | null;
  /** Back End SQL server (FQDN) for Front End pools; the mirror server when mirrored. */
  sql?: { server: string; instance?: string | null; mirror?: string | null };
}

export interface TopologySpec {
  sites?: { id: string; name: string; kind?: 'central' | 'branch' }[];
  pools: PoolSpec[];
  pairs?: [string, string][];
  cmsPool?: string | null;
  federation?: { lync?: string | null; xmpp?: string | null };
}

export function buildTopology(spec: TopologySpec): Topology {
  const siteIds = [...new Set(spec.pools.map((p) => p.site))];
  const sites: { id: string; name: string; kind?: 'central' | 'branch' }[] = spec.sites ?? siteIds.map((id) => ({ id, name: `Site${id}` }));
  const pairs = (spec.pairs ?? []).map(([a, b]) => (a < b ? [a, b] : [b, a]) as [string, string]);
  const partner = (f: string): string | null => {
    const p = pairs.find((x) => x.includes(f));
    return p ? (p[0] === f ? p[1] : p[0]) : null;
  };
  const pools: Pool[] = spec.pools.map((p) => ({
    fqdn: p.fqdn,
    site: p.site,
    kind: p.kind ?? 'FrontEnd',
    machines: p.machines ?? [`${p.fqdn.split('.')[0]}-m1.${p.fqdn.split('.').slice(1).join('.')}`],
    services: [],
    backupPool: partner(p.fqdn),
    edgePool: p.edgePool ?? null,
    nextHop: p.nextHop ?? null,
    mirroredBackEnd: Boolean(p.sql?.mirror),
  }));
  const sqlStores: SqlStore[] = spec.pools
    .filter((p) => p.sql)
    .map((p, i) => ({
      id: `${p.site}-UserStore-${i + 1}`,
      kind: 'BackEnd',
      server: p.sql?.server ?? '',
      instance: p.sql?.instance === undefined ? 'rtc' : p.sql.instance,
      databases: ['rtcxds', 'rtcshared', 'rtcab'],
      pools: [p.fqdn],
      mirror: p.sql?.mirror ? { server: p.sql.mirror, instance: 'rtc' } : null,
      witness: null,
    }));
  const cmsPool = spec.cmsPool ?? null;
  const cmsSql = cmsPool ? spec.pools.find((p) => p.fqdn === cmsPool)?.sql?.server ?? cmsPool : null;
  return {
    source: { file: 'built-in-test', format: 'published', sha256: null, signature: null },
    deployment: 'test',
    sites: sites.map((s) => ({ id: s.id, name: s.name, location: null, kind: s.kind ?? 'central' })),
    pools,
    services: [],
    sqlStores,
    fileStores: [],
    cms: cmsPool && cmsSql ? { sqlServer: cmsSql, instance: 'rtc', pool: cmsPool, standbyPool: partner(cmsPool) } : null,
    pairs,
    federation: { lyncEdge: spec.federation?.lync ?? null, xmppEdge: spec.federation?.xmpp ?? null },
    overlay: null,
    findings: [],
  };
}

/** Two sites, P1 (site 1, CMS, mirrored) paired with P2 (site 2); an Edge pool per site, each using its local pool. */
export function twoSiteTopology(): Topology {
  return buildTopology({
    sites: [{ id: '1', name: 'Redmond' }, { id: '2', name: 'Dublin' }],
    pools: [
      { fqdn: 'p1.contoso.com', site: '1', machines: ['fe1-p1.contoso.com', 'fe2-p1.contoso.com'], edgePool: 'edge1.contoso.com', sql: { server: 'sql1.contoso.com', mirror: 'sql1m.contoso.com' } },
      { fqdn: 'p2.contoso.com', site: '2', machines: ['fe1-p2.contoso.com', 'fe2-p2.contoso.com'], edgePool: 'edge2.contoso.com', sql: { server: 'sql2.contoso.com', mirror: 'sql2m.contoso.com' } },
      { fqdn: 'edge1.contoso.com', site: '1', kind: 'Edge', machines: ['edge1-a.contoso.com'], nextHop: 'p1.contoso.com' },
      { fqdn: 'edge2.contoso.com', site: '2', kind: 'Edge', machines: ['edge2-a.contoso.com'], nextHop: 'p2.contoso.com' },
    ],
    pairs: [['p1.contoso.com', 'p2.contoso.com']],
    cmsPool: 'p1.contoso.com',
    federation: { lync: 'edge1.contoso.com', xmpp: 'edge1.contoso.com' },
  });
}
