import { LyncdrError } from '@lyncdr/errors';
import { child, children, type XmlElement } from '../xml/parse-xml';
import type { RawCluster, RawService, RawSqlInstance, RawTopology } from './raw';
import { bool, invalid, required, serviceAttributes } from './xml-helpers';

/**
 * Reads a Topology Builder document (.tbxml): TopologyBuilder/NewTopology/PartialTopology with
 * CentralSites/CentralSite/Clusters/Cluster/Machines/Machine and SqlInstances nested in their cluster, and Services
 * that name their cluster or SQL instance and their dependencies by UniqueId (REFERENCE §f.3).
 * The .tbxml form has no ServiceId: the `SiteId-RoleName-Instance` id is rebuilt from the site of the cluster the
 * service is installed on, its role, and its rank among the services of that role in that site (document order),
 * which is how the published form numbers them (docs/topology.md).
 */
export function readTbxml(root: XmlElement, file: string): RawTopology {
  const partial = child(child(root, 'NewTopology'), 'PartialTopology');
  if (!partial)
    throw invalid(
      file,
      root,
      'TopologyBuilder has no NewTopology/PartialTopology; open the file in Topology Builder and save it again',
    );

  const sites = [] as RawTopology['sites'];
  const clusters: RawCluster[] = [];
  const sqlInstances: RawSqlInstance[] = [];
  const readSite = (s: XmlElement, kind: 'central' | 'branch'): void => {
    const id = required(s, 'SiteId', file);
    const name = child(s, 'Name')?.text.trim() || s.attrs.Name || id;
    sites.push({ id, name, location: child(s, 'Location')?.text.trim() || null, kind, line: s.line });
    for (const c of children(child(s, 'Clusters'), 'Cluster')) {
      const key = required(c, 'UniqueId', file).toLowerCase();
      const fqdn = required(c, 'Fqdn', file).toLowerCase();
      const machines = children(child(c, 'Machines'), 'Machine').map((m) => (m.attrs.Fqdn ?? fqdn).toLowerCase());
      clusters.push({ key, fqdn, site: id, machines, singleMachine: bool(c.attrs.IsSingleMachineOnly), line: c.line });
      for (const q of children(child(c, 'SqlInstances'), 'SqlInstance')) {
        sqlInstances.push({
          key: required(q, 'UniqueId', file).toLowerCase(),
          clusterKey: key,
          name: q.attrs.Name?.trim() || null,
          line: q.line,
        });
      }
    }
    for (const r of child(s, 'RemoteSites')?.children ?? []) if (r.attrs.SiteId) readSite(r, 'branch');
  };
  for (const s of children(child(partial, 'CentralSites'), 'CentralSite')) readSite(s, 'central');

  const clusterSite = new Map(clusters.map((c) => [c.key, c.site]));
  const sqlCluster = new Map(sqlInstances.map((q) => [q.key, q.clusterKey]));
  const rank = new Map<string, number>();
  const services: RawService[] = [];
  for (const s of children(child(partial, 'Services'), 'Service')) {
    const key = required(s, 'UniqueId', file).toLowerCase();
    const role = required(s, 'RoleName', file);
    const on = required(s, 'InstalledOn', file).toLowerCase();
    let installedOn: RawService['installedOn'] = null;
    let site: string | undefined;
    if (clusterSite.has(on)) {
      installedOn = { cluster: on };
      site = clusterSite.get(on);
    } else if (sqlCluster.has(on)) {
      installedOn = { sql: on };
      site = clusterSite.get(sqlCluster.get(on)!);
    }
    if (!installedOn || site === undefined) {
      throw new LyncdrError(
        'E_TOPOLOGY_REFERENCE',
        `service ${role} (UniqueId ${key}) is installed on ${on}, which is no Cluster or SqlInstance in this file; fix InstalledOn or add the missing cluster`,
        {
          location: { file, line: s.line, where: 'Service@InstalledOn' },
        },
      );
    }
    const n = (rank.get(`${site}-${role}`) ?? 0) + 1;
    rank.set(`${site}-${role}`, n);
    services.push({
      key,
      id: `${site}-${role}-${n}`,
      site,
      role,
      instance: String(n),
      type: s.attrs.Type ?? null,
      installedOn,
      dependsOn: children(child(s, 'DependsOn'), 'Dependency').map((d) =>
        required(d, 'ServiceUniqueId', file).toLowerCase(),
      ),
      attributes: serviceAttributes(s),
      serviceVersion: s.attrs.ServiceVersion ?? null,
      line: s.line,
    });
  }
  return { format: 'tbxml', signature: partial.attrs.Signature ?? null, sites, clusters, sqlInstances, services };
}
