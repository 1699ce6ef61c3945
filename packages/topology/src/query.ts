/**
 * Read-only questions asked of a topology by the inventory, the DR engine, the documents and the planner. FQDNs are
 * compared without regard to case (DNS names are case-insensitive, and topology XML, the overlay and the command line
 * do not agree on case). Topologies are treated as immutable: lookups build their index once per topology object.
 */
import type { FileStore, Pool, SqlStore, SqlStoreKind, Topology } from './model';

/** A SQL Server instance: its FQDN and the named instance, or null for the default instance. */
export interface SqlInstance {
  server: string;
  instance: string | null;
}

/** The same FQDN, ignoring case. */
export function sameFqdn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The same SQL Server instance: the same server FQDN and instance name, ignoring case (null is the default instance). */
export function sameInstance(a: SqlInstance, b: SqlInstance): boolean {
  return sameFqdn(a.server, b.server) && (a.instance ?? '').toLowerCase() === (b.instance ?? '').toLowerCase();
}

/** `server\instance`, or the server alone for the default instance (the form -DBInstance and SSMS expect). */
export function sqlName(s: SqlInstance): string {
  return s.instance ? `${s.server}\\${s.instance}` : s.server;
}

/** `-SqlServerFqdn <server> [-SqlInstanceName <instance>]` (the instance left out for the default instance). */
export function sqlArgs(s: SqlInstance): string {
  return `-SqlServerFqdn ${s.server}${s.instance ? ` -SqlInstanceName ${s.instance}` : ''}`;
}

/** Pools that home users and run the Application Server: Enterprise Edition Front End pools and Standard Edition servers. */
export function isUserPool(p: Pool): boolean {
  return p.kind === 'FrontEnd' || p.kind === 'StandardEdition';
}

export function userPools(t: Topology): Pool[] {
  return t.pools.filter(isUserPool);
}

const poolIndex = new WeakMap<Topology, Map<string, Pool>>();

/** The pool with this FQDN. */
export function findPool(t: Topology, fqdn: string): Pool | undefined {
  let index = poolIndex.get(t);
  if (!index) {
    index = new Map(t.pools.map((p) => [p.fqdn.toLowerCase(), p]));
    poolIndex.set(t, index);
  }
  return index.get(fqdn.toLowerCase());
}

/** True when the store or file store is used by the pool. */
function usedBy(x: { pools: string[] }, pool: string): boolean {
  return x.pools.some((p) => sameFqdn(p, pool));
}

/** SQL stores of a kind, in topology order; with `pool`, only those the pool uses. */
export function storesOf(t: Topology, kind: SqlStoreKind, pool?: string): SqlStore[] {
  return t.sqlStores.filter((s) => s.kind === kind && (pool === undefined || usedBy(s, pool)));
}

const backEndIndex = new WeakMap<Topology, Map<string, SqlStore>>();

/** The Back End (user) store of a Front End pool or Standard Edition server: the first one the topology lists. */
export function backEndOf(t: Topology, pool: string): SqlStore | null {
  let index = backEndIndex.get(t);
  if (!index) {
    index = new Map();
    for (const s of t.sqlStores) {
      if (s.kind !== 'BackEnd') continue;
      for (const p of s.pools) if (!index.has(p.toLowerCase())) index.set(p.toLowerCase(), s);
    }
    backEndIndex.set(t, index);
  }
  return index.get(pool.toLowerCase()) ?? null;
}

/** The file store a pool uses, if the topology says so. */
export function fileStoreOf(t: Topology, pool: string): FileStore | null {
  return t.fileStores.find((f) => usedBy(f, pool)) ?? null;
}
