import type { SqlStore, Topology } from '@lyncdr/topology';
import { databaseTypeOf, sqlName } from '../common/deployment';

/** A mirrored SQL instance: its stores (one per database type), the pool using it, the mirror and the witness. */
export interface MirroredInstance {
  key: string;
  primary: { server: string; instance: string | null };
  mirror: { server: string; instance: string | null };
  witness: { server: string; instance: string | null } | null;
  pool: string;
  /** Database types for Invoke-CsDatabaseFailover / Uninstall-CsMirrorDatabase (User, Application, CentralMgmt…). */
  types: string[];
  stores: SqlStore[];
}

/** The mirrored back-end instances of the deployment, optionally only those of the named pools. */
export function mirroredInstances(t: Topology, named: string[]): MirroredInstance[] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  const byKey = new Map<string, MirroredInstance>();
  for (const s of t.sqlStores) {
    if (!s.mirror) continue;
    const pool = s.pools[0] ?? null;
    if (!pool) continue;
    if (wanted.size > 0 && !s.pools.some((p) => wanted.has(p.toLowerCase()))) continue;
    const key = sqlName(s).toLowerCase();
    const type = databaseTypeOf(s.kind);
    const entry = byKey.get(key) ?? { key, primary: { server: s.server, instance: s.instance }, mirror: s.mirror, witness: s.witness, pool, types: [], stores: [] };
    if (type && !entry.types.includes(type)) entry.types.push(type);
    entry.stores.push(s);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function mirroredApplies(t: Topology, named: string[]): string | null {
  if (mirroredInstances(t, []).length === 0) return 'this deployment has no mirrored Back End (no SQL store with a mirror in the topology or in lyncdr.yaml `mirrors:`)';
  if (named.length > 0 && mirroredInstances(t, named).length === 0) return `${named.join(', ')} has no mirrored Back End`;
  return null;
}
