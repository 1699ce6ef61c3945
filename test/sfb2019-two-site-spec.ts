import { frontEndSite, type SpecService, type TopologySpec } from '../packages/topology/src/testing/index';

/** `ServiceVersion` of every Skype for Business Server 2019 service (packages/topology/src/product/product-version.ts). */
const SFB2019 = '8';
const d = (h: string): string => `${h}.litware.example`;

/** One site: an Enterprise Edition Front End pool (collocated Mediation), its back end on an AG listener, file store, Edge pool. */
function site(id: string, n: string): SpecService[] {
  // In Topology Builder the SQL Server FQDN of an AlwaysOn store is the Availability Group listener
  // (docs-sfb/alwayson-availability-group.md); `rtc` is the instance name of every replica.
  const services = frontEndSite(id, n, `${id}-Registrar-1`, ['1-ArchivingStore-1', '1-MonitoringStore-1'], { host: d, sql: d(`sqlag${n}`), share: 'sfbshare', mediation: true });
  return services.map((s) => ({ ...s, serviceVersion: SFB2019 }));
}

const ARCHMON = { sql: d('sqlmon01'), instance: 'archmon' };

/**
 * examples/sfb2019-two-site: two central sites (Amsterdam, Rotterdam) with paired Skype for Business Server 2019
 * Enterprise Edition pools, each with its back end on an AlwaysOn Availability Group (listeners `sqlag01`, `sqlag02`),
 * a file store and an Edge pool; archiving and monitoring on `sqlmon01\archmon`; the CMS in pool01. No Persistent
 * Chat and no XMPP (SfB 2019 has neither: docs-sfb/SfBServer2019/deprecated.md). Every Service carries
 * ServiceVersion 8. Pairs, AlwaysOn and the federation route are in examples/sfb2019-two-site/lyncdr.yaml.
 */
export const sfb2019TwoSiteSpec: TopologySpec = {
  domain: 'litware.example',
  sites: [
    { id: '1', name: 'Amsterdam', location: 'Amsterdam, NL' },
    { id: '2', name: 'Rotterdam', location: 'Rotterdam, NL' },
  ],
  clusters: [
    { site: '1', number: 1, fqdn: d('pool01'), machines: [d('fe01a'), d('fe01b'), d('fe01c')] },
    { site: '1', number: 2, fqdn: d('sqlag01'), sql: ['rtc'] },
    { site: '1', number: 3, fqdn: d('fs01') },
    { site: '1', number: 4, fqdn: d('edge01'), machines: [d('edge01a'), d('edge01b')] },
    { site: '1', number: 5, fqdn: d('sqlmon01'), sql: ['archmon'] },
    { site: '2', number: 1, fqdn: d('pool02'), machines: [d('fe02a'), d('fe02b'), d('fe02c')] },
    { site: '2', number: 2, fqdn: d('sqlag02'), sql: ['rtc'] },
    { site: '2', number: 3, fqdn: d('fs02') },
    { site: '2', number: 4, fqdn: d('edge02'), machines: [d('edge02a'), d('edge02b')] },
  ],
  services: [
    ...site('1', '01'),
    ...[
      {
        site: '1',
        role: 'CentralMgmt',
        instance: 1,
        on: d('pool01'),
        deps: ['1-CentralMgmtStore-1', '1-FileStore-1'],
        element: { name: 'CentralMgmtService', attrs: { IsActive: 'true' } },
      },
      { site: '1', role: 'CentralMgmtStore', instance: 1, on: { sql: d('sqlag01'), instance: 'rtc' } },
      { site: '1', role: 'ArchivingStore', instance: 1, on: ARCHMON },
      { site: '1', role: 'MonitoringStore', instance: 1, on: ARCHMON },
    ].map((s): SpecService => ({ ...s, serviceVersion: SFB2019 })),
    ...site('2', '02'),
  ],
};
