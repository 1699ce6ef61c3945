import { sqlName, type SqlStore, type Topology } from '@lyncdr/topology';
import type { Lang, Text } from '../../model';
import { databaseTypeOf, ownerOf } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';

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

/** The facts both mirrored Back End runbooks print: deployment, the mirrored instances with their types, the owner. */
export function mirroredFacts(t: Topology, instances: MirroredInstance[], lang: Lang): [string, Text][] {
  const tr = pick(lang);
  const L = runbookLabels(lang);
  return [
    [L.facts.deployment, t.deployment ?? tbd(lang)],
    [tr('Mirrored instances', 'Instances en miroir'), instances.map((m) => `${sqlName(m.primary)} → ${sqlName(m.mirror)} (${m.types.join(', ')})`).join('; ')],
    [L.facts.owner, ownerOf(t, instances.map((m) => m.pool)) ?? { text: tbd(lang), style: 'blank' }],
  ];
}

/** Why an instance holding the Central Management store is not in either mirrored Back End runbook. */
export function cmsNote(lang: Lang): string {
  return pick(lang)(
    'An instance that holds the Central Management store is not covered here: the Microsoft page sends a failure of the database hosting the Central Management store to restore-cms.',
    'Une instance qui contient le magasin central de gestion n’est pas traitée ici : la page Microsoft renvoie la panne de la base qui héberge le magasin central de gestion vers restore-cms.',
  );
}
