import type { CentralManagementStore, Service, SqlStore } from '../model';

/**
 * The CMS: the CentralMgmt service (IsActive="true" when several) on a Front End pool or SE server, and the
 * CentralMgmtStore it depends on (REFERENCE §f.3, lync-server-2013-central-management-store-failover.md).
 */
export function findCms(
  services: Service[],
  stores: SqlStore[],
  poolOf: (id: string) => string | null,
): CentralManagementStore | null {
  const cms = services.filter((s) => s.role === 'CentralMgmt');
  const active = cms.find((s) => s.attributes.IsActive?.toLowerCase() === 'true') ?? cms[0];
  if (!active) return null;
  const pool = poolOf(active.id);
  const store =
    stores.find((st) => st.kind === 'CentralManagement' && active.dependsOn.includes(st.id)) ??
    stores.find((st) => st.kind === 'CentralManagement');
  if (!pool || !store) return null;
  return { sqlServer: store.server, instance: store.instance, pool, standbyPool: null };
}
