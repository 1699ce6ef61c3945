import type { Topology, TopologyFinding } from '../model';
import { isUserPool } from '../query';
import { REF, finding } from './finding';

/** Findings about the deployment as a whole: unpaired Front End pools, the CMS, shared file stores, dependencies. */
export function checkStructure(t: Omit<Topology, 'findings'>): TopologyFinding[] {
  const out: TopologyFinding[] = [];
  const ids = new Set(t.services.map((s) => s.id));
  for (const s of t.services) {
    if (!s.installedOn) {
      out.push(
        finding(
          'SERVICE_NOT_INSTALLED',
          'warning',
          s.id,
          `service ${s.id} has no InstalledOn: it runs on no pool or SQL instance; check the topology in Topology Builder`,
          null,
        ),
      );
    }
    for (const d of s.dependsOn) {
      if (!ids.has(d)) {
        out.push(
          finding(
            'DEPENDENCY_MISSING',
            'error',
            s.id,
            `service ${s.id} depends on ${d}, which is not in the topology; add the missing service or remove the dependency in Topology Builder`,
            null,
          ),
        );
      }
    }
  }
  for (const p of t.pools) {
    if (isUserPool(p) && !p.backupPool) {
      out.push(
        finding(
          'POOL_NO_BACKUP',
          'warning',
          p.fqdn,
          `${p.fqdn} has no backup pool: if it is lost its users have no pool to fail over to; pair it with a pool in another site (Topology Builder, Resiliency) and list the pair under "pairs" in lyncdr.yaml`,
          REF.frontEndDr,
        ),
      );
    }
    if (p.kind === 'Edge' && !p.nextHop) {
      out.push(
        finding(
          'EDGE_NO_NEXT_HOP',
          'info',
          p.fqdn,
          `the next hop of Edge pool ${p.fqdn} is not known; set it under "nextHops" in lyncdr.yaml so a failover plan can repoint it`,
          REF.failingOver,
        ),
      );
    }
  }
  if (t.cms) {
    const pool = t.pools.find((p) => p.fqdn === t.cms!.pool);
    if (pool && !pool.backupPool) {
      out.push(
        finding(
          'CMS_POOL_UNPAIRED',
          'warning',
          pool.fqdn,
          `the Central Management store is on ${pool.fqdn}, which has no backup pool: there is no standby CMS to fail over to; pair this pool`,
          REF.cmsFailover,
        ),
      );
    }
  } else if (t.sqlStores.some((s) => s.kind === 'CentralManagement')) {
    out.push(
      finding(
        'CMS_SERVICE_MISSING',
        'warning',
        null,
        'a CentralMgmtStore is defined but no CentralMgmt service places the CMS on a pool; check the topology',
        REF.cmsFailover,
      ),
    );
  }
  for (const f of t.fileStores) {
    if (f.pools.length > 1) {
      out.push(
        finding(
          'FILESTORE_SHARED',
          'info',
          f.unc,
          `file store ${f.unc} is used by ${f.pools.join(', ')}: losing it affects all of them; back it up once and restore it before their services start`,
          REF.fileSharing,
        ),
      );
    }
    if (!f.share) {
      out.push(
        finding(
          'FILESTORE_NO_SHARE',
          'error',
          f.id,
          `file store ${f.id} on ${f.server} has no ShareName; fix the FileStoreService element`,
          null,
        ),
      );
    }
  }
  return out;
}
