import type { Pool, Service, Topology } from '@lyncdr/topology';

export interface Change {
  id: string;
  changes: string[];
}

export interface TopologyDiff {
  pools: { added: string[]; removed: string[]; changed: Change[] };
  machines: { added: string[]; removed: string[] };
  services: { added: string[]; removed: string[]; changed: Change[] };
  /** True when nothing differs. */
  same: boolean;
}

/** What changed between two topologies (older → newer): pools, machines and services added, removed or changed. */
export function diffTopologies(older: Topology, newer: Topology): TopologyDiff {
  const pools = diffBy(older.pools, newer.pools, (p) => p.fqdn.toLowerCase(), poolChanges);
  const services = diffBy(older.services, newer.services, (s) => s.id, serviceChanges);
  const machinesOf = (t: Topology) => new Set(t.pools.flatMap((p) => p.machines.map((m) => m.toLowerCase())));
  const m0 = machinesOf(older);
  const m1 = machinesOf(newer);
  const machines = { added: [...m1].filter((m) => !m0.has(m)).sort(), removed: [...m0].filter((m) => !m1.has(m)).sort() };
  const same = [pools.added, pools.removed, pools.changed, services.added, services.removed, services.changed, machines.added, machines.removed].every((l) => l.length === 0);
  return { pools, machines, services, same };
}

function diffBy<T>(a: T[], b: T[], key: (x: T) => string, changes: (x: T, y: T) => string[]) {
  const ma = new Map(a.map((x) => [key(x), x]));
  const mb = new Map(b.map((x) => [key(x), x]));
  const added = [...mb.keys()].filter((k) => !ma.has(k)).sort();
  const removed = [...ma.keys()].filter((k) => !mb.has(k)).sort();
  const changed: Change[] = [];
  for (const [k, x] of ma) {
    const y = mb.get(k);
    if (!y) continue;
    const c = changes(x, y);
    if (c.length) changed.push({ id: k, changes: c });
  }
  changed.sort((x, y) => (x.id < y.id ? -1 : 1));
  return { added, removed, changed };
}

function poolChanges(a: Pool, b: Pool): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind ${a.kind} → ${b.kind}`);
  if (a.site !== b.site) out.push(`site ${a.site} → ${b.site}`);
  if (a.backupPool !== b.backupPool) out.push(`backup pool ${a.backupPool ?? 'none'} → ${b.backupPool ?? 'none'}`);
  const ma = new Set(a.machines.map((m) => m.toLowerCase()));
  const mb = new Set(b.machines.map((m) => m.toLowerCase()));
  for (const m of mb) if (!ma.has(m)) out.push(`machine added ${m}`);
  for (const m of ma) if (!mb.has(m)) out.push(`machine removed ${m}`);
  const sa = new Set(a.services);
  const sb = new Set(b.services);
  for (const s of sb) if (!sa.has(s)) out.push(`service added ${s}`);
  for (const s of sa) if (!sb.has(s)) out.push(`service removed ${s}`);
  return out;
}

function serviceChanges(a: Service, b: Service): string[] {
  const out: string[] = [];
  const where = (s: Service) => (s.installedOn ? (s.installedOn.kind === 'pool' ? s.installedOn.fqdn : `${s.installedOn.server}\\${s.installedOn.instance ?? ''}`) : 'none');
  if (where(a) !== where(b)) out.push(`installed on ${where(a)} → ${where(b)}`);
  const da = [...a.dependsOn].sort().join(',');
  const db = [...b.dependsOn].sort().join(',');
  if (da !== db) out.push(`depends on [${da}] → [${db}]`);
  const keys = new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)]);
  for (const k of [...keys].sort()) {
    if (a.attributes[k] !== b.attributes[k]) out.push(`${k} ${a.attributes[k] ?? '(none)'} → ${b.attributes[k] ?? '(none)'}`);
  }
  return out;
}
