import { child, children, type XmlElement } from '../xml/parse-xml';
import type { RawCluster, RawService, RawSqlInstance, RawTopology } from './raw';
import { invalid, required, serviceAttributes } from './xml-helpers';

/**
 * Reads the published topology (`Get-CsTopology -AsXml`, also the one inside Export-CsConfiguration): flat lists of
 * Sites, Clusters (ClusterId SiteId/Number + Machine), SqlInstances (SqlInstanceId Name + ClusterId) and Services
 * (ServiceId SiteId/RoleName/Instance, DependsOn, InstalledOn). Shape from REFERENCE §f.3.
 */
export function readPublished(root: XmlElement, file: string): RawTopology {
  const clusterKey = (id: XmlElement): string => `${required(id, 'SiteId', file)}:${required(id, 'Number', file)}`;
  const sqlKey = (id: XmlElement): string => {
    const cid = child(id, 'ClusterId');
    if (!cid) throw invalid(file, id, 'SqlInstanceId has no ClusterId child; fix the element');
    return `${clusterKey(cid)}/${(id.attrs.Name ?? '').toLowerCase()}`;
  };
  const serviceKey = (id: XmlElement): string =>
    `${required(id, 'SiteId', file)}-${required(id, 'RoleName', file)}-${required(id, 'Instance', file)}`;

  const sites = [] as RawTopology['sites'];
  for (const s of child(root, 'Sites')?.children ?? []) {
    if (s.name !== 'CentralSite' && s.name !== 'BranchSite') continue;
    const id = required(s, 'SiteId', file);
    const name = child(s, 'Name')?.text.trim() || s.attrs.Name || id;
    const location = child(s, 'Location')?.text.trim() || null;
    sites.push({ id, name, location, kind: s.name === 'CentralSite' ? 'central' : 'branch', line: s.line });
  }

  const clusters: RawCluster[] = [];
  for (const c of children(child(root, 'Clusters'), 'Cluster')) {
    const cid = child(c, 'ClusterId');
    if (!cid) throw invalid(file, c, `Cluster ${c.attrs.Fqdn ?? ''} has no ClusterId child; fix the element`);
    const fqdn = required(c, 'Fqdn', file).toLowerCase();
    const machines = children(c, 'Machine')
      .map((m, i) => ({ fqdn: (m.attrs.Fqdn ?? fqdn).toLowerCase(), ord: Number(m.attrs.OrdinalInCluster ?? i + 1) }))
      .sort((a, b) => a.ord - b.ord)
      .map((m) => m.fqdn);
    clusters.push({
      key: clusterKey(cid),
      fqdn,
      site: required(cid, 'SiteId', file),
      machines,
      singleMachine: null,
      line: c.line,
    });
  }

  const sqlInstances: RawSqlInstance[] = [];
  for (const s of children(child(root, 'SqlInstances'), 'SqlInstance')) {
    const id = child(s, 'SqlInstanceId');
    if (!id) throw invalid(file, s, 'SqlInstance has no SqlInstanceId child; fix the element');
    const cid = child(id, 'ClusterId');
    if (!cid) throw invalid(file, id, 'SqlInstanceId has no ClusterId child; fix the element');
    sqlInstances.push({
      key: sqlKey(id),
      clusterKey: clusterKey(cid),
      name: id.attrs.Name?.trim() || null,
      line: s.line,
    });
  }

  const services: RawService[] = [];
  for (const s of children(child(root, 'Services'), 'Service')) {
    const sid = child(s, 'ServiceId');
    if (!sid) throw invalid(file, s, 'Service has no ServiceId child; fix the element');
    const key = serviceKey(sid);
    const on = child(s, 'InstalledOn');
    let installedOn: RawService['installedOn'] = null;
    const onCluster = child(on, 'ClusterId');
    const onSql = child(on, 'SqlInstanceId');
    if (onSql) installedOn = { sql: sqlKey(onSql) };
    else if (onCluster) installedOn = { cluster: clusterKey(onCluster) };
    const dependsOn = children(child(s, 'DependsOn'), 'Dependency')
      .map((d) => child(d, 'ServiceId'))
      .filter((d): d is XmlElement => d !== undefined)
      .map(serviceKey);
    services.push({
      key,
      id: key,
      site: sid.attrs.SiteId!,
      role: sid.attrs.RoleName!,
      instance: sid.attrs.Instance!,
      type: s.attrs.Type ?? null,
      installedOn,
      dependsOn,
      attributes: serviceAttributes(s),
      serviceVersion: s.attrs.ServiceVersion ?? null,
      line: s.line,
    });
  }
  return { format: 'published', signature: root.attrs.Signature ?? null, sites, clusters, sqlInstances, services };
}
