import { LyncdrError } from '@lyncdr/errors';
import type { FileStore, InstalledOn, Pool, Service, SqlStore, Topology } from '../model';
import type { RawTopology } from '../read/raw';
import { checkIdentity } from './check-identity';
import { findCms } from './find-cms';
import { poolKind, storeRole } from './roles';
import { withTopologyProducts } from '../product/product-version';

/**
 * Builds the model from what a reader found: pools with their kind, machines and services; SQL stores with their
 * databases; file stores with their UNC path; the CMS location; Edge associations and next hops. Pairs, mirrors and
 * federation routes are not in the XML (REFERENCE §f.3) and come from the overlay. Identity problems that make the
 * model ambiguous (duplicate FQDNs or ids, a service installed on a cluster that is not there) are errors; the rest
 * become findings.
 */
export function buildModel(raw: RawTopology, file: string): Omit<Topology, 'findings'> {
  checkIdentity(raw, file);
  const clusterByKey = new Map(raw.clusters.map((c) => [c.key, c]));
  const sqlByKey = new Map<string, { server: string; instance: string | null; clusterKey: string }>();
  for (const q of raw.sqlInstances) {
    const c = clusterByKey.get(q.clusterKey);
    if (!c) {
      throw new LyncdrError(
        'E_TOPOLOGY_REFERENCE',
        `SQL instance ${q.name ?? '(default)'} is on cluster ${q.clusterKey}, which is not in the file; add the cluster or fix the reference`,
        {
          location: { file, line: q.line, where: 'SqlInstance' },
        },
      );
    }
    sqlByKey.set(q.key, { server: c.fqdn, instance: q.name, clusterKey: c.key });
  }

  const idByKey = new Map(raw.services.map((s) => [s.key, s.id]));

  const services: Service[] = [...raw.services]
    .sort((a, b) => byId(a.id, b.id))
    .map((s) => {
      let installedOn: InstalledOn | null = null;
      if (s.installedOn && 'cluster' in s.installedOn) {
        const c = clusterByKey.get(s.installedOn.cluster);
        if (!c) throw reference(file, s.id, s.line, `cluster ${s.installedOn.cluster}`);
        installedOn = { kind: 'pool', fqdn: c.fqdn };
      } else if (s.installedOn) {
        const q = sqlByKey.get(s.installedOn.sql);
        if (!q) throw reference(file, s.id, s.line, `SQL instance ${s.installedOn.sql}`);
        installedOn = { kind: 'sql', server: q.server, instance: q.instance };
      }
      // A dependency on a service that is not in the file keeps its reference so the finding can name it.
      const dependsOn = s.dependsOn.map((k) => idByKey.get(k) ?? k);
      return {
        id: s.id,
        site: s.site,
        role: s.role,
        instance: s.instance,
        installedOn,
        dependsOn,
        attributes: s.attributes,
        serviceVersion: s.serviceVersion,
      };
    });
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const poolOf = (id: string): string | null => {
    const on = serviceById.get(id)?.installedOn;
    return on?.kind === 'pool' ? on.fqdn : null;
  };
  const dependents = new Map<string, Service[]>();
  for (const s of services) {
    for (const d of s.dependsOn) {
      const list = dependents.get(d);
      if (list) list.push(s);
      else dependents.set(d, [s]);
    }
  }
  const onPool = new Map<string, Service[]>();
  for (const s of services) {
    if (s.installedOn?.kind !== 'pool') continue;
    const list = onPool.get(s.installedOn.fqdn);
    if (list) list.push(s);
    else onPool.set(s.installedOn.fqdn, [s]);
  }
  const sqlOfCluster = new Map<string, string[]>();
  for (const q of raw.sqlInstances) sqlOfCluster.set(q.clusterKey, [...(sqlOfCluster.get(q.clusterKey) ?? []), q.key]);
  const userStoreSql = new Set(
    raw.services.flatMap((s) =>
      s.role === 'UserStore' && s.installedOn && 'sql' in s.installedOn ? [s.installedOn.sql] : [],
    ),
  );
  const usersOf = (id: string): string[] =>
    [...new Set((dependents.get(id) ?? []).map((s) => poolOf(s.id)).filter((p): p is string => p !== null))].sort();

  // Pools by site (in the order the sites are listed), then in document order; services and stores by id.
  const siteRank = new Map(raw.sites.map((s, i) => [s.id, i]));
  const clusters = [...raw.clusters].sort((a, b) => (siteRank.get(a.site) ?? 1e9) - (siteRank.get(b.site) ?? 1e9));
  const pools: Pool[] = clusters.map((c) => {
    const mine = onPool.get(c.fqdn) ?? [];
    const roles = new Set(mine.map((s) => s.role));
    const registrar = mine.find((s) => s.role === 'Registrar');
    const ownSql = sqlOfCluster.get(c.key) ?? [];
    const hostsOwnUserStore = ownSql.some((k) => userStoreSql.has(k));
    const kind = poolKind({
      roles,
      isDirector: registrar?.attributes.IsDirector?.toLowerCase() === 'true',
      hostsOwnUserStore,
      singleMachine: c.singleMachine,
      hasSqlInstances: ownSql.length > 0,
    });
    // Edge association: the Edge service a Registrar depends on; Edge next hop: the Registrar the Edge service
    // depends on (lync-server-2013-changing-the-edge-pool-associated-with-a-front-end-pool.md, REFERENCE §e.5).
    const edgePool = registrar
      ? (registrar.dependsOn
          .map((d) => (serviceById.get(d)?.role === 'EdgeServer' ? poolOf(d) : null))
          .find((p) => p) ?? null)
      : null;
    const edge = mine.find((s) => s.role === 'EdgeServer');
    const nextHop = edge
      ? (edge.dependsOn.map((d) => (serviceById.get(d)?.role === 'Registrar' ? poolOf(d) : null)).find((p) => p) ??
        null)
      : null;
    return {
      fqdn: c.fqdn,
      site: c.site,
      kind,
      machines: c.machines.length ? c.machines : [c.fqdn],
      services: mine.map((s) => s.id),
      backupPool: null,
      edgePool,
      nextHop,
      mirroredBackEnd: false,
    };
  });

  const sqlStores: SqlStore[] = services
    .filter((s) => s.installedOn?.kind === 'sql')
    .map((s) => {
      const on = s.installedOn as Extract<InstalledOn, { kind: 'sql' }>;
      const role = storeRole(s.role);
      return {
        id: s.id,
        kind: role.kind,
        server: on.server,
        instance: on.instance,
        databases: [...role.databases],
        pools: usersOf(s.id),
        mirror: null,
        witness: null,
        haType: 'unknown' as const,
        haSource: 'unknown' as const,
      };
    });

  const fileStores: FileStore[] = services
    .filter((s) => s.role === 'FileStore' && s.installedOn?.kind === 'pool')
    .map((s) => {
      const server = (s.installedOn as Extract<InstalledOn, { kind: 'pool' }>).fqdn;
      const share = s.attributes.ShareName ?? '';
      return { id: s.id, server, share, unc: `\\\\${server}\\${share}`, pools: usersOf(s.id) };
    });

  return withTopologyProducts({
    source: { file, format: raw.format, sha256: null, signature: raw.signature },
    deployment: null,
    sites: raw.sites.map(({ line: _line, ...s }) => s),
    pools,
    services,
    sqlStores,
    fileStores,
    cms: findCms(services, sqlStores, poolOf),
    pairs: [],
    federation: { lyncEdge: null, xmppEdge: null },
    overlay: null,
  });
}

const collator = new Intl.Collator('en', { numeric: true });

/** Natural order of service ids (`1-Registrar-2` before `1-Registrar-10`, site 2 before site 10). */
function byId(a: string, b: string): number {
  return collator.compare(a, b);
}

function reference(file: string, id: string, line: number, what: string): LyncdrError {
  return new LyncdrError(
    'E_TOPOLOGY_REFERENCE',
    `service ${id} is installed on ${what}, which is not in the file; fix InstalledOn or add the missing element`,
    {
      location: { file, line, where: `Service[${id}]/InstalledOn` },
    },
  );
}
