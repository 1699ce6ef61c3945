import { NS, attrs, esc, type SpecCluster, type TopologySpec } from './topology-spec';

/** Renders a spec as a published topology (the Get-CsTopology -AsXml form, REFERENCE §f.3). */
export function renderPublished(spec: TopologySpec): string {
  const byFqdn = new Map(spec.clusters.map((c) => [c.fqdn, c]));
  const clusterId = (c: SpecCluster): string => `<ClusterId SiteId="${esc(c.site)}" Number="${c.number}" />`;
  const cluster = (fqdn: string): SpecCluster => {
    const c = byFqdn.get(fqdn);
    if (!c) throw new Error(`spec: no cluster ${fqdn}`);
    return c;
  };
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(`<Topology xmlns="${NS.topology}" Signature="00000000-0000-0000-0000-000000000000">`);
  out.push(`  <InternalDomains AllowAllDomains="false" DefaultDomain="${esc(spec.domain)}">`);
  out.push(`    <InternalDomain Name="${esc(spec.domain)}" Authoritative="false" AllowSubDomains="false" />`);
  out.push('  </InternalDomains>');
  out.push('  <Sites>');
  for (const s of spec.sites) {
    out.push(
      `    <CentralSite SiteId="${esc(s.id)}"><Name>${esc(s.name)}</Name>${s.location ? `<Location>${esc(s.location)}</Location>` : '<Location />'}</CentralSite>`,
    );
  }
  out.push('  </Sites>');
  out.push('  <Clusters>');
  for (const c of spec.clusters) {
    const replicated = c.machines ? 'true' : 'false';
    out.push(`    <Cluster RequiresReplication="${replicated}" RequiresSetup="true" Fqdn="${esc(c.fqdn)}">`);
    out.push(`      ${clusterId(c)}`);
    (c.machines ?? [c.fqdn]).forEach((m, i) => {
      out.push(
        `      <Machine OrdinalInCluster="${i + 1}" Fqdn="${esc(m)}" FaultDomain="${esc(m)}" UpgradeDomain="${esc(m)}" />`,
      );
    });
    out.push('    </Cluster>');
  }
  out.push('  </Clusters>');
  out.push('  <SqlInstances>');
  for (const c of spec.clusters) {
    for (const name of c.sql ?? [])
      out.push(`    <SqlInstance><SqlInstanceId Name="${esc(name)}">${clusterId(c)}</SqlInstanceId></SqlInstance>`);
  }
  out.push('  </SqlInstances>');
  out.push('  <Services>');
  for (const s of spec.services) {
    const type = s.element
      ? ` Type="Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.${esc(s.element.name)}"`
      : '';
    out.push(`    <Service RoleVersion="1" ServiceVersion="${esc(s.serviceVersion ?? '6')}"${type}>`);
    out.push(`      <ServiceId SiteId="${esc(s.site)}" RoleName="${esc(s.role)}" Instance="${s.instance}" />`);
    if (s.deps?.length) {
      out.push('      <DependsOn>');
      for (const d of s.deps) {
        const [site, role, instance] = splitId(d);
        out.push(
          `        <Dependency Usage="Default"><ServiceId SiteId="${esc(site)}" RoleName="${esc(role)}" Instance="${esc(instance)}" /></Dependency>`,
        );
      }
      out.push('      </DependsOn>');
    } else out.push('      <DependsOn />');
    if (typeof s.on === 'string') out.push(`      <InstalledOn>${clusterId(cluster(s.on))}</InstalledOn>`);
    else
      out.push(
        `      <InstalledOn><SqlInstanceId Name="${esc(s.on.instance)}">${clusterId(cluster(s.on.sql))}</SqlInstanceId></InstalledOn>`,
      );
    out.push(`      <Ports xmlns="${NS.roles}" />`);
    if (s.element) out.push(`      <${s.element.name} xmlns="${NS.roles}"${attrs(s.element.attrs)} />`);
    out.push('    </Service>');
  }
  out.push('  </Services>');
  out.push('</Topology>');
  return out.join('\n') + '\n';
}

/** `1-UserStore-1` → ['1', 'UserStore', '1'] (the site id may itself hold dashes). */
export function splitId(id: string): [string, string, string] {
  const m = /^(.*)-([^-]+)-([^-]+)$/.exec(id);
  if (!m) throw new Error(`spec: bad service id ${id}`);
  return [m[1]!, m[2]!, m[3]!];
}
