import type { FileStore, Overlay, Pool, Site, SqlStore, Topology } from '@lyncdr/topology';

/** Shape of a generated deployment, for tests, examples and benchmarks. */
export interface SampleTopologyOptions {
  /** `ee`: Enterprise Edition pools with SQL back ends and file servers; `se`: Standard Edition servers. */
  edition?: 'ee' | 'se';
  /** Number of central sites, one user pool each; pools are paired two by two when `paired`. */
  sites?: number;
  paired?: boolean;
  mirrored?: boolean;
  archiving?: boolean;
  monitoring?: boolean;
  persistentChat?: boolean;
  /** Put the Central Management store in the first pool (default true). */
  cms?: boolean;
  edge?: boolean;
  director?: boolean;
  overlay?: Partial<Overlay> | null;
  domain?: string;
}

const SITE_NAMES = ['red', 'dub', 'sin', 'nyc', 'par', 'tok', 'syd', 'ber'];

function siteCode(i: number): string {
  const base = SITE_NAMES[i % SITE_NAMES.length]!;
  return i < SITE_NAMES.length ? base : `${base}${Math.floor(i / SITE_NAMES.length)}`;
}

function emptyOverlay(): Overlay {
  return { deployment: null, pairs: [], language: null, owners: {}, destinations: {}, schedules: {}, targets: { rpoMinutes: null, rtoMinutes: null, perPool: {} }, federation: {}, nextHops: {}, extra: {} };
}

/** A plain Topology value built in code, without parsing: the deployment shapes the inventory and worksheets handle. */
export function createSampleTopology(opts: SampleTopologyOptions = {}): Topology {
  const o = { edition: 'ee', sites: 2, paired: true, mirrored: false, archiving: true, monitoring: true, persistentChat: false, cms: true, edge: false, director: false, domain: 'contoso.test', ...opts };
  const sites: Site[] = [];
  const pools: Pool[] = [];
  const sqlStores: SqlStore[] = [];
  const fileStores: FileStore[] = [];
  for (let i = 0; i < o.sites; i++) {
    const code = siteCode(i);
    const siteId = String(i + 1);
    sites.push({ id: siteId, name: code.toUpperCase(), location: null, kind: 'central' });
    const fqdn = `pool-${code}.${o.domain}`;
    const partner = o.paired ? (i % 2 === 0 ? (i + 1 < o.sites ? i + 1 : null) : i - 1) : null;
    const ee = o.edition === 'ee';
    pools.push({
      fqdn: ee ? fqdn : `se-${code}.${o.domain}`,
      site: siteId,
      kind: ee ? 'FrontEnd' : 'StandardEdition',
      machines: ee ? [1, 2, 3].map((n) => `fe${n}-${code}.${o.domain}`) : [`se-${code}.${o.domain}`],
      services: [`${siteId}-UserServices-1`, `${siteId}-Registrar-1`, `${siteId}-ApplicationServer-1`, `${siteId}-WebServices-1`],
      backupPool: partner === null ? null : ee ? `pool-${siteCode(partner)}.${o.domain}` : `se-${siteCode(partner)}.${o.domain}`,
      edgePool: o.edge ? `edge-${code}.${o.domain}` : null,
      nextHop: null,
      mirroredBackEnd: ee && o.mirrored,
    });
    const poolFqdn = pools[pools.length - 1]!.fqdn;
    const sqlServer = ee ? `sql-${code}.${o.domain}` : poolFqdn;
    const instance = ee ? 'rtc' : 'rtc';
    const mirror = ee && o.mirrored ? { server: `sql-${code}-m.${o.domain}`, instance: 'rtc' } : null;
    const witness = ee && o.mirrored ? { server: `sql-${code}-w.${o.domain}`, instance: null } : null;
    sqlStores.push({ id: `${siteId}-UserStore-1`, kind: 'BackEnd', server: sqlServer, instance, databases: ['rtcxds', 'rtcshared', 'rtcab'], pools: [poolFqdn], mirror, witness });
    sqlStores.push({ id: `${siteId}-ApplicationStore-1`, kind: 'Application', server: sqlServer, instance, databases: ['rgsconfig', 'rgsdyn', 'cpsdyn'], pools: [poolFqdn], mirror, witness });
    if (i === 0 && o.cms) {
      sqlStores.push({ id: `${siteId}-CentralMgmtStore-1`, kind: 'CentralManagement', server: sqlServer, instance, databases: ['xds', 'lis'], pools: [poolFqdn], mirror, witness });
    }
    if (o.archiving) sqlStores.push({ id: `${siteId}-ArchivingStore-1`, kind: 'Archiving', server: ee ? `sqlarch-${code}.${o.domain}` : sqlServer, instance: ee ? 'arch' : 'rtc', databases: ['LcsLog'], pools: [poolFqdn], mirror: null, witness: null });
    if (o.monitoring) sqlStores.push({ id: `${siteId}-MonitoringStore-1`, kind: 'Monitoring', server: ee ? `sqlarch-${code}.${o.domain}` : sqlServer, instance: ee ? 'mon' : 'rtc', databases: ['LcsCDR', 'QoEMetrics'], pools: [poolFqdn], mirror: null, witness: null });
    const fsServer = ee ? `fs-${code}.${o.domain}` : poolFqdn;
    fileStores.push({ id: `${siteId}-FileStore-1`, server: fsServer, share: ee ? 'lyncshare' : 'share', unc: `\\\\${fsServer}\\${ee ? 'lyncshare' : 'share'}`, pools: [poolFqdn] });
    if (o.edge) pools.push({ fqdn: `edge-${code}.${o.domain}`, site: siteId, kind: 'Edge', machines: [`edge1-${code}.${o.domain}`, `edge2-${code}.${o.domain}`], services: [`${siteId}-EdgeServer-1`], backupPool: null, edgePool: null, nextHop: poolFqdn, mirroredBackEnd: false });
    if (o.director && i === 0) pools.push({ fqdn: `dir-${code}.${o.domain}`, site: siteId, kind: 'Director', machines: [`dir1-${code}.${o.domain}`], services: [`${siteId}-Director-1`], backupPool: null, edgePool: null, nextHop: null, mirroredBackEnd: false });
  }
  if (o.persistentChat && pools[0]) {
    const code = siteCode(0);
    const pc = `pchat-${code}.${o.domain}`;
    pools.push({ fqdn: pc, site: '1', kind: 'PersistentChat', machines: [`pc1-${code}.${o.domain}`], services: ['1-PersistentChatServer-1'], backupPool: null, edgePool: null, nextHop: null, mirroredBackEnd: false });
    sqlStores.push({ id: '1-PersistentChatStore-1', kind: 'PersistentChat', server: `sqlpc-${code}.${o.domain}`, instance: 'pchat', databases: ['mgc'], pools: [pc], mirror: null, witness: null });
    sqlStores.push({ id: '1-PersistentChatComplianceStore-1', kind: 'PersistentChatCompliance', server: `sqlpc-${code}.${o.domain}`, instance: 'pchat', databases: ['mgccomp'], pools: [pc], mirror: null, witness: null });
  }
  const pairs: [string, string][] = [];
  for (const p of pools) {
    if (p.backupPool && p.fqdn < p.backupPool) pairs.push([p.fqdn, p.backupPool]);
  }
  const first = pools[0]!;
  const cmsStore = sqlStores.find((s) => s.kind === 'CentralManagement');
  const overlay = opts.overlay ? { ...emptyOverlay(), ...opts.overlay } : null;
  return {
    source: { file: 'sample', format: 'published', sha256: null, signature: null },
    deployment: overlay?.deployment ?? 'Contoso',
    sites,
    pools,
    services: [],
    sqlStores,
    fileStores,
    cms: cmsStore ? { sqlServer: cmsStore.server, instance: cmsStore.instance, pool: first.fqdn, standbyPool: first.backupPool } : null,
    pairs,
    federation: { lyncEdge: o.edge ? `edge-${siteCode(0)}.${o.domain}` : null, xmppEdge: null },
    overlay,
    findings: [],
  };
}
