import { zipSync, strToU8 } from 'fflate';

/** Test support: a small published topology (REFERENCE §f.3 shape) and an Export-CsConfiguration-like zip around it. */
export interface MiniPool {
  fqdn: string;
  site?: string;
  number: number;
  machines: string[];
}

const NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008';

export function miniTopologyXml(pools: MiniPool[]): string {
  const cid = (p: MiniPool) => `<ClusterId SiteId="${p.site ?? '1'}" Number="${p.number}" />`;
  const sites = [...new Set(pools.map((p) => p.site ?? '1'))];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Topology xmlns="${NS}">`,
    '<InternalDomains AllowAllDomains="false" DefaultDomain="contoso.test"><InternalDomain Name="contoso.test" Authoritative="false" AllowSubDomains="false" /></InternalDomains>',
    `<Sites>${sites.map((s) => `<CentralSite SiteId="${s}"><Name>Site ${s}</Name><Location /></CentralSite>`).join('')}</Sites>`,
    '<Clusters>',
    ...pools.map(
      (p) =>
        `<Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="${p.fqdn}">${cid(p)}${p.machines
          .map((m, i) => `<Machine OrdinalInCluster="${i + 1}" Fqdn="${m}" FaultDomain="${m}" UpgradeDomain="${m}" />`)
          .join('')}</Cluster>`,
    ),
    '</Clusters>',
    '<SqlInstances />',
    '<Services>',
    ...pools.map(
      (p, i) =>
        `<Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="${p.site ?? '1'}" RoleName="UserServices" Instance="${i + 1}" /><DependsOn /><InstalledOn>${cid(p)}</InstalledOn></Service>`,
    ),
    '</Services>',
    '</Topology>',
    '',
  ].join('\n');
}

/** A zip with DocItemSet.xml and the topology as its own entry, as the CMS export carries it (REFERENCE §f.2). */
export function cmsExportZip(pools: MiniPool[], extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'DocItemSet.xml': strToU8('<?xml version="1.0" encoding="utf-8"?><DocItemSet><DocItem Name="urn:xds:Microsoft.Rtc.Management.Xds.Topology"/></DocItemSet>'),
    'Topology.xml': strToU8(miniTopologyXml(pools)),
    ...extra,
  });
}
