import type { PoolKind, SqlStoreKind } from '../model';

/**
 * SQL store roles and the databases each holds (REFERENCE §a.1; database names from
 * lync-server-2013-deploying-sql-mirroring-for-back-end-server-high-availability.md and
 * extra__lync-server-2013-database-installation-using-lync-server-management-shell.md).
 * The Persistent Chat store role names are not shown by any reference page: `PersistentChatStore` and
 * `PersistentChatComplianceStore` are assumed (docs/topology.md).
 */
export const STORE_ROLES: Record<string, { kind: SqlStoreKind; databases: string[] }> = {
  UserStore: { kind: 'BackEnd', databases: ['rtcxds', 'rtcshared', 'rtcab'] },
  BackendStore: { kind: 'BackEnd', databases: ['rtcxds', 'rtcshared', 'rtcab'] },
  ABSStore: { kind: 'BackEnd', databases: ['rtcab'] },
  ApplicationStore: { kind: 'Application', databases: ['rgsconfig', 'rgsdyn', 'cpsdyn'] },
  CentralMgmtStore: { kind: 'CentralManagement', databases: ['xds', 'lis'] },
  ArchivingStore: { kind: 'Archiving', databases: ['LcsLog'] },
  MonitoringStore: { kind: 'Monitoring', databases: ['LcsCDR', 'QoEMetrics'] },
  PersistentChatStore: { kind: 'PersistentChat', databases: ['mgc'] },
  PersistentChatComplianceStore: { kind: 'PersistentChatCompliance', databases: ['mgccomp'] },
};

export function storeRole(role: string): { kind: SqlStoreKind; databases: string[] } {
  return STORE_ROLES[role] ?? { kind: 'Other', databases: [] };
}

/** Roles whose presence on a cluster decides its kind, strongest first. */
const KIND_BY_ROLE: [string, PoolKind][] = [
  ['EdgeServer', 'Edge'],
  ['PersistentChatServer', 'PersistentChat'],
  ['MediationServer', 'Mediation'],
  ['WacService', 'OfficeWebApps'],
  ['VideoInteropServer', 'VideoInterop'],
  ['TrustedApplicationPool', 'TrustedApplication'],
  ['FileStore', 'FileServer'],
];

/**
 * The kind of a cluster from the services installed on it: a Registrar makes it a Director (IsDirector=true), a
 * Standard Edition server (its user store on a SQL instance of the same cluster, or IsSingleMachineOnly) or an
 * Enterprise Edition Front End pool; otherwise the first role of KIND_BY_ROLE; a cluster that only holds SQL
 * instances is a SQL server.
 */
export function poolKind(input: {
  roles: Set<string>;
  isDirector: boolean;
  hostsOwnUserStore: boolean;
  singleMachine: boolean | null;
  hasSqlInstances: boolean;
}): PoolKind {
  const { roles } = input;
  if (roles.has('Registrar')) {
    if (input.isDirector) return 'Director';
    return input.hostsOwnUserStore || input.singleMachine === true ? 'StandardEdition' : 'FrontEnd';
  }
  if (roles.has('UserServices')) return 'FrontEnd';
  for (const [role, kind] of KIND_BY_ROLE) if (roles.has(role)) return kind;
  if (input.hasSqlInstances) return 'SqlServer';
  return 'Other';
}
