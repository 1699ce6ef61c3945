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

/** True when the instance holds the Central Management store (its failures follow restore-cms instead). */
export function hostsCms(t: Topology, m: MirroredInstance): boolean {
  return m.stores.some((s) => s.kind === 'CentralManagement') || (t.cms !== null && sqlName({ server: t.cms.sqlServer, instance: t.cms.instance }).toLowerCase() === m.key);
}

/**
 * The mirrored back-end instances of the deployment, optionally only those of the named pools. Instances that hold
 * the Central Management store are left out: both mirrored Back End pages send a failure of the database hosting the
 * Central Management store to the page restoring that server (restore-cms).
 */
export function mirroredInstances(t: Topology, named: string[]): MirroredInstance[] {
  return allMirroredInstances(t, named).filter((m) => !hostsCms(t, m));
}

function allMirroredInstances(t: Topology, named: string[]): MirroredInstance[] {
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
  const all = allMirroredInstances(t, named);
  if (allMirroredInstances(t, []).length === 0) return 'this deployment has no mirrored Back End (no SQL store with a mirror in the topology or in lyncdr.yaml `mirrors:`)';
  if (named.length > 0 && all.length === 0) return `${named.join(', ')} has no mirrored Back End`;
  if (mirroredInstances(t, named).length === 0) {
    return `the mirrored Back End ${all.map((m) => m.key).join(', ')} holds the Central Management store: the Microsoft page sends its failure to the restore-cms runbook`;
  }
  return null;
}
