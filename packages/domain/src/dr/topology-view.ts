/** Read-only helpers over the topology and the DR state, shared by the operations and the goals. */
import { backEndOf, findPool, isUserPool, type Pool, type Topology } from '@lyncdr/topology';
import type { DrState } from './types';

/** The pool and Back End lookups are the topology package's (FQDNs compared ignoring case). */
export { backEndOf, findPool };

/** Partner by pool, built once per pairs array (the state replaces the array whenever pairing changes). */
const partnerIndex = new WeakMap<[string, string][], Map<string, string>>();

/** Pools that can be paired and failed over: Enterprise Edition Front End pools and Standard Edition servers. */
export function isRegistrarPool(p: Pool | undefined): boolean {
  return p !== undefined && isUserPool(p);
}

export function isEdgePool(p: Pool | undefined): boolean {
  return p !== undefined && p.kind === 'Edge';
}

export function partnerOf(state: DrState, fqdn: string): string | null {
  let index = partnerIndex.get(state.pairs);
  if (!index) {
    index = new Map();
    for (const [a, b] of state.pairs) {
      index.set(a, b);
      index.set(b, a);
    }
    partnerIndex.set(state.pairs, index);
  }
  return index.get(fqdn) ?? null;
}

/** A pool is down when it is listed, or when every one of its machines is. */
const downIndex = new WeakMap<string[], Set<string>>();

export function isDown(state: DrState, t: Topology, fqdn: string): boolean {
  let down = downIndex.get(state.down);
  if (!down) {
    down = new Set(state.down);
    downIndex.set(state.down, down);
  }
  if (down.has(fqdn)) return true;
  const p = findPool(t, fqdn);
  return p !== undefined && p.machines.length > 0 && p.machines.every((m) => down.has(m));
}

export function siteOf(t: Topology, fqdn: string): string | null {
  return findPool(t, fqdn)?.site ?? null;
}

export function siteName(t: Topology, siteId: string): string {
  return t.sites.find((s) => s.id === siteId)?.name ?? siteId;
}

/** True when the pool's Back End SQL server is listed as down (then -DisasterMode is needed, cmdlets/Invoke-CsPoolFailOver.md). */
export function backEndDown(state: DrState, t: Topology, fqdn: string): boolean {
  const be = backEndOf(t, fqdn);
  if (!be) return false;
  const mirrorUp = be.mirror !== null && !state.down.includes(be.mirror.server);
  return state.down.includes(be.server) && !mirrorUp;
}

/** Pool that owns a SQL server (its Back End), for mapping -BackupSqlServerFqdn back to a pool. */
export function poolOfSqlServer(t: Topology, server: string): string | null {
  const key = server.toLowerCase();
  const store = t.sqlStores.find(
    (s) => s.kind === 'BackEnd' && (s.server.toLowerCase() === key || s.mirror?.server.toLowerCase() === key),
  );
  const pool = store?.pools.map((p) => findPool(t, p)).find(isRegistrarPool);
  return pool?.fqdn ?? null;
}

/** Edge pools still running whose next hop is the given pool. */
export function edgesUsingNextHop(state: DrState, t: Topology, fqdn: string): string[] {
  return Object.entries(state.nextHops)
    .filter(([edge, hop]) => hop === fqdn && !isDown(state, t, edge))
    .map(([edge]) => edge)
    .sort();
}

export function sortedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Machines of a pool, or the pool FQDN itself when the topology lists none. */
export function machinesOf(t: Topology, fqdn: string): string[] {
  const p = findPool(t, fqdn);
  return p && p.machines.length > 0 ? p.machines : [fqdn];
}

export function syncKey(from: string, to: string): string {
  return `${from}>${to}`;
}
