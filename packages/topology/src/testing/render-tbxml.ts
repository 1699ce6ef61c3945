import { NS, attrs, esc, serviceId, type TopologySpec } from './topology-spec';

/** Deterministic GUID-shaped ids, so the rendered file is stable. */
function guid(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * Renders a spec as a Topology Builder document (.tbxml, REFERENCE §f.3): clusters, machines and SQL instances
 * nested in their site; services naming their cluster, SQL instance and dependencies by UniqueId. The spec must list
 * the services of one role and site in instance order (1, 2, …): that is how the reader numbers them back.
 */
export function renderTbxml(spec: TopologySpec): string {
  const clusterGuid = new Map(spec.clusters.map((c, i) => [c.fqdn, guid(1, i + 1)]));
  const sqlGuid = new Map<string, string>();
  let q = 0;
  for (const c of spec.clusters) for (const name of c.sql ?? []) sqlGuid.set(`${c.fqdn}\\${name}`, guid(2, ++q));
  const services = spec.services;
  const serviceGuid = new Map(services.map((s, i) => [serviceId(s), guid(3, i + 1)]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(`<TopologyBuilder IsFreeFromChanges="true" FileName="topology.tbxml" xmlns="${NS.builder}">`);
  out.push('  <NewTopology>');
  out.push(
    `    <PartialTopology IsPublished="true" Signature="00000000-0000-0000-0000-000000000000" xmlns="${NS.writable}">`,
  );
  out.push(
    `      <InternalDomains AllowAllDomains="false" DefaultDomain="${esc(spec.domain)}" xmlns="${NS.topology}">`,
  );
  out.push(`        <InternalDomain Name="${esc(spec.domain)}" Authoritative="false" AllowSubDomains="false" />`);
  out.push('      </InternalDomains>');
  out.push('      <CentralSites>');
  for (const site of spec.sites) {
    out.push(`        <CentralSite SiteId="${esc(site.id)}">`);
    out.push(`          <Name xmlns="${NS.topology}">${esc(site.name)}</Name>`);
    out.push(
      site.location
        ? `          <Location xmlns="${NS.topology}">${esc(site.location)}</Location>`
        : `          <Location xmlns="${NS.topology}" />`,
    );
    out.push('          <Clusters>');
    for (const c of spec.clusters.filter((x) => x.site === site.id)) {
      const single = c.machines ? 'false' : 'true';
      out.push(
        `            <Cluster IsSingleMachineOnly="${single}" UniqueId="${clusterGuid.get(c.fqdn)}" RequiresReplication="${c.machines ? 'true' : 'false'}" RequiresSetup="true" Fqdn="${esc(c.fqdn)}">`,
      );
      out.push('              <Machines>');
      if (c.machines)
        for (const m of c.machines)
          out.push(`                <Machine Fqdn="${esc(m)}" FaultDomain="${esc(m)}" UpgradeDomain="${esc(m)}" />`);
      else out.push('                <Machine />');
      out.push('              </Machines>');
      if (c.sql?.length) {
        out.push('              <SqlInstances>');
        for (const name of c.sql)
          out.push(
            `                <SqlInstance UniqueId="${sqlGuid.get(`${c.fqdn}\\${name}`)}" Name="${esc(name)}" />`,
          );
        out.push('              </SqlInstances>');
      } else out.push('              <SqlInstances />');
      out.push('            </Cluster>');
    }
    out.push('          </Clusters>');
    out.push('          <RemoteSites />');
    out.push('        </CentralSite>');
  }
  out.push('      </CentralSites>');
  out.push('      <Services>');
  for (const s of services) {
    const on = typeof s.on === 'string' ? clusterGuid.get(s.on) : sqlGuid.get(`${s.on.sql}\\${s.on.instance}`);
    if (!on) throw new Error(`spec: ${serviceId(s)} is installed on something that is not in the spec`);
    const type = s.element
      ? ` Type="Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.${esc(s.element.name)}"`
      : '';
    out.push(
      `        <Service UniqueId="${serviceGuid.get(serviceId(s))}" RoleName="${esc(s.role)}" RoleVersion="1" InstalledOn="${on}" ServiceVersion="${esc(s.serviceVersion ?? '6')}"${type}>`,
    );
    if (s.deps?.length) {
      out.push('          <DependsOn>');
      for (const d of s.deps)
        out.push(
          `            <Dependency ServiceUniqueId="${serviceGuid.get(d) ?? guid(0xdead, 0)}" Usage="Default" />`,
        );
      out.push('          </DependsOn>');
    } else out.push('          <DependsOn />');
    out.push(`          <Ports xmlns="${NS.roles}" />`);
    if (s.element) out.push(`          <${s.element.name}${attrs(s.element.attrs)} xmlns="${NS.roles}" />`);
    out.push('        </Service>');
  }
  out.push('      </Services>');
  out.push('    </PartialTopology>');
  out.push('  </NewTopology>');
  out.push('</TopologyBuilder>');
  return out.join('\n') + '\n';
}
