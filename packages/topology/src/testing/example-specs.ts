import type { SpecService, TopologySpec } from './topology-spec';

const d = (h: string): string => `${h}.contoso.example`;
const registrar = (isDirector: boolean) => ({ name: 'RegistrarService', attrs: { IsDirector: String(isDirector) } });
const share = (name: string) => ({ name: 'FileStoreService', attrs: { ShareName: name } });

interface SiteOptions {
  /** FQDN of a host name in the deployment's domain. */
  host: (h: string) => string;
  /** The back end's SQL Server (an AlwaysOn store's is the Availability Group listener). */
  sql: string;
  share: string;
  /** A Mediation Server collocated on the Front End pool. */
  mediation: boolean;
}

/** The services of one Enterprise Edition Front End pool and its back end, file store and Edge pool. */
export function frontEndSite(site: string, n: string, edgeNextHop: string, extraRegistrarDeps: string[], o: SiteOptions = { host: d, sql: d(`sql${n}`), share: 'lyncshare', mediation: false }): SpecService[] {
  const pool = o.host(`pool${n}`);
  const store = { sql: o.sql, instance: 'rtc' };
  return [
    { site, role: 'UserServices', instance: 1, on: pool, deps: [`${site}-UserStore-1`, `${site}-FileStore-1`] },
    {
      site,
      role: 'Registrar',
      instance: 1,
      on: pool,
      deps: [`${site}-UserServices-1`, `${site}-WebServices-1`, `${site}-EdgeServer-1`, ...extraRegistrarDeps],
      element: registrar(false),
    },
    {
      site,
      role: 'WebServices',
      instance: 1,
      on: pool,
      deps: [`${site}-FileStore-1`, `${site}-UserServices-1`],
      element: { name: 'WebService', attrs: {} },
    },
    {
      site,
      role: 'ConfServices',
      instance: 1,
      on: pool,
      deps: [`${site}-FileStore-1`, `${site}-WebServices-1`, `${site}-UserServices-1`, `${site}-EdgeServer-1`],
      element: { name: 'ConfService', attrs: {} },
    },
    {
      site,
      role: 'ApplicationServer',
      instance: 1,
      on: pool,
      deps: [`${site}-Registrar-1`, `${site}-FileStore-1`, `${site}-ApplicationStore-1`],
      element: { name: 'ApplicationServerService', attrs: {} },
    },
    ...(o.mediation ? [{ site, role: 'MediationServer', instance: 1, on: pool, deps: [`${site}-Registrar-1`, `${site}-EdgeServer-1`] }] : []),
    { site, role: 'UserStore', instance: 1, on: store },
    { site, role: 'ApplicationStore', instance: 1, on: store },
    { site, role: 'FileStore', instance: 1, on: o.host(`fs${n}`), element: share(o.share) },
    { site, role: 'EdgeServer', instance: 1, on: o.host(`edge${n}`), deps: [edgeNextHop] },
  ];
}

/**
 * Example (a): two central sites (Paris, Lyon) with paired Enterprise Edition Front End pools, mirrored back ends,
 * an Edge pool per site (Paris's Edge uses the Director as next hop), a Director, archiving and monitoring stores,
 * Persistent Chat with its compliance store, a stand-alone Mediation pool in Lyon, and the CMS in pool01.
 * Pairs, mirrors and federation routes are in examples/two-site/lyncdr.yaml (their XML encoding is unknown).
 */
export const twoSiteSpec: TopologySpec = {
  domain: 'contoso.example',
  sites: [
    { id: '1', name: 'Paris', location: 'Paris, FR' },
    { id: '2', name: 'Lyon', location: 'Lyon, FR' },
  ],
  clusters: [
    { site: '1', number: 1, fqdn: d('pool01'), machines: [d('fe01a'), d('fe01b'), d('fe01c')] },
    { site: '1', number: 2, fqdn: d('sql01'), sql: ['rtc'] },
    { site: '1', number: 3, fqdn: d('sql01m'), sql: ['rtc'] },
    { site: '1', number: 4, fqdn: d('sqlw01'), sql: ['witness'] },
    { site: '1', number: 5, fqdn: d('fs01') },
    { site: '1', number: 6, fqdn: d('edge01'), machines: [d('edge01a'), d('edge01b')] },
    { site: '1', number: 7, fqdn: d('dir01'), machines: [d('dir01a'), d('dir01b')] },
    { site: '1', number: 8, fqdn: d('sqlmon01'), sql: ['archmon'] },
    { site: '1', number: 9, fqdn: d('pchat01'), machines: [d('pchat01a'), d('pchat01b')] },
    { site: '1', number: 10, fqdn: d('sqlpc01'), sql: ['mgc'] },
    { site: '2', number: 1, fqdn: d('pool02'), machines: [d('fe02a'), d('fe02b'), d('fe02c')] },
    { site: '2', number: 2, fqdn: d('sql02'), sql: ['rtc'] },
    { site: '2', number: 3, fqdn: d('sql02m'), sql: ['rtc'] },
    { site: '2', number: 4, fqdn: d('sqlw02'), sql: ['witness'] },
    { site: '2', number: 5, fqdn: d('fs02') },
    { site: '2', number: 6, fqdn: d('edge02'), machines: [d('edge02a'), d('edge02b')] },
    { site: '2', number: 7, fqdn: d('med02'), machines: [d('med02a'), d('med02b')] },
  ],
  services: [
    ...frontEndSite('1', '01', '1-Registrar-2', ['1-ArchivingStore-1', '1-MonitoringStore-1']),
    { site: '1', role: 'MediationServer', instance: 1, on: d('pool01'), deps: ['1-Registrar-1', '1-EdgeServer-1'] },
    {
      site: '1',
      role: 'CentralMgmt',
      instance: 1,
      on: d('pool01'),
      deps: ['1-CentralMgmtStore-1', '1-FileStore-1'],
      element: { name: 'CentralMgmtService', attrs: { IsActive: 'true' } },
    },
    { site: '1', role: 'CentralMgmtStore', instance: 1, on: { sql: d('sql01'), instance: 'rtc' } },
    // Director: a Registrar with IsDirector="true" and its web services.
    {
      site: '1',
      role: 'Registrar',
      instance: 2,
      on: d('dir01'),
      deps: ['1-WebServices-2', '1-EdgeServer-1'],
      element: registrar(true),
    },
    {
      site: '1',
      role: 'WebServices',
      instance: 2,
      on: d('dir01'),
      deps: ['1-FileStore-1'],
      element: { name: 'WebService', attrs: {} },
    },
    { site: '1', role: 'ArchivingStore', instance: 1, on: { sql: d('sqlmon01'), instance: 'archmon' } },
    { site: '1', role: 'MonitoringStore', instance: 1, on: { sql: d('sqlmon01'), instance: 'archmon' } },
    {
      site: '1',
      role: 'PersistentChatServer',
      instance: 1,
      on: d('pchat01'),
      deps: ['1-PersistentChatStore-1', '1-PersistentChatComplianceStore-1', '1-Registrar-1', '1-FileStore-1'],
    },
    { site: '1', role: 'PersistentChatStore', instance: 1, on: { sql: d('sqlpc01'), instance: 'mgc' } },
    { site: '1', role: 'PersistentChatComplianceStore', instance: 1, on: { sql: d('sqlpc01'), instance: 'mgc' } },
    ...frontEndSite('2', '02', '2-Registrar-1', ['1-ArchivingStore-1', '1-MonitoringStore-1']),
    { site: '2', role: 'MediationServer', instance: 1, on: d('med02'), deps: ['2-Registrar-1', '2-EdgeServer-1'] },
  ],
};

const e = (h: string): string => `${h}.fabrikam.example`;

/**
 * Example (b): two Standard Edition servers in two sites (Boston, Chicago), paired in lyncdr.yaml, each with its
 * SQL Express instance `rtc` and its own file share; an Edge server in Boston; the CMS on se01.
 */
export const standardEditionSpec: TopologySpec = {
  domain: 'fabrikam.example',
  sites: [
    { id: '1', name: 'Boston', location: 'Boston, MA' },
    { id: '2', name: 'Chicago', location: 'Chicago, IL' },
  ],
  clusters: [
    { site: '1', number: 1, fqdn: e('se01'), sql: ['rtc'] },
    { site: '1', number: 2, fqdn: e('edge01') },
    { site: '2', number: 1, fqdn: e('se02'), sql: ['rtc'] },
  ],
  services: [
    ...(['1', '2'] as const).flatMap((site): SpecService[] => {
      const se = e(`se0${site}`);
      return [
        { site, role: 'UserServices', instance: 1, on: se, deps: [`${site}-UserStore-1`, `${site}-FileStore-1`] },
        {
          site,
          role: 'Registrar',
          instance: 1,
          on: se,
          deps: [`${site}-UserServices-1`, `${site}-WebServices-1`, '1-EdgeServer-1'],
          element: registrar(false),
        },
        {
          site,
          role: 'WebServices',
          instance: 1,
          on: se,
          deps: [`${site}-FileStore-1`, `${site}-UserServices-1`],
          element: { name: 'WebService', attrs: {} },
        },
        {
          site,
          role: 'ApplicationServer',
          instance: 1,
          on: se,
          deps: [`${site}-Registrar-1`, `${site}-FileStore-1`, `${site}-ApplicationStore-1`],
          element: { name: 'ApplicationServerService', attrs: {} },
        },
        { site, role: 'UserStore', instance: 1, on: { sql: se, instance: 'rtc' } },
        { site, role: 'ApplicationStore', instance: 1, on: { sql: se, instance: 'rtc' } },
        { site, role: 'FileStore', instance: 1, on: se, element: share('share') },
      ];
    }),
    {
      site: '1',
      role: 'CentralMgmt',
      instance: 1,
      on: e('se01'),
      deps: ['1-CentralMgmtStore-1', '1-FileStore-1'],
      element: { name: 'CentralMgmtService', attrs: { IsActive: 'true' } },
    },
    { site: '1', role: 'CentralMgmtStore', instance: 1, on: { sql: e('se01'), instance: 'rtc' } },
    { site: '1', role: 'EdgeServer', instance: 1, on: e('edge01'), deps: ['1-Registrar-1'] },
  ],
};
