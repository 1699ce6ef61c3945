import type { Pool, Service, SqlStore, Topology } from './model';
import { canonicalJson, canonicalOverlay } from './fingerprint';
import { sameFqdn, sameInstance, sqlName } from './query';

/** One thing present in both topologies that differs, with each difference in words (`site 1 → 2`). */
export interface Change {
  id: string;
  changes: string[];
}

export interface AddedRemoved {
  added: string[];
  removed: string[];
}

/**
 * What changed between two topologies. Pools, machines, file stores and pairs are named by lower-cased FQDN or UNC,
 * SQL stores by `kind server\instance`; every list is sorted.
 */
export interface TopologyDiff {
  pools: AddedRemoved & { changed: Change[] };
  machines: AddedRemoved;
  services: AddedRemoved & { changed: Change[] };
  /** By name. */
  sites: AddedRemoved;
  sqlStores: AddedRemoved & { changed: Change[] };
  fileStores: AddedRemoved;
  /** Backup pool pairs, `a ⇄ b`. */
  pairs: AddedRemoved;
  /** The Central Management store moved: `pool (server\instance)`, or `none`. */
  cms: { from: string; to: string } | null;
  /**
   * Edge routes, FQDNs lower-cased: a pool's Edge association (`pool → Edge edge`), an Edge pool's next hop
   * (`edge → next hop pool`) and the federation routes (`Lync federation via edge`, `XMPP federation via edge`).
   */
  edgeRoutes: AddedRemoved;
  /** The deployment's product version changed (`unknown` when not known). */
  product: { from: string; to: string } | null;
  /**
   * Overlay facts that changed (`owners`, `schedules`, `targets`, …, or `overlay` when one side has none): the ones a
   * plan or a worksheet prints, as the fingerprint counts them (fingerprint.ts).
   */
  overlay: string[];
  /** True when nothing differs. */
  same: boolean;
}

/** What changed from the older topology to the newer one. */
export function diffTopologies(older: Topology, newer: Topology): TopologyDiff {
  const pools = diffBy(older.pools, newer.pools, (p) => p.fqdn.toLowerCase(), poolChanges);
  const machines = diffSets(machinesOf(older), machinesOf(newer));
  const services = diffBy(older.services, newer.services, (s) => s.id, serviceChanges);
  const sites = diffSets(older.sites.map((s) => s.name), newer.sites.map((s) => s.name));
  const sqlStores = diffBy(older.sqlStores, newer.sqlStores, storeKey, storeChanges);
  const fileStores = diffSets(older.fileStores.map((f) => f.unc.toLowerCase()), newer.fileStores.map((f) => f.unc.toLowerCase()));
  const pairs = diffSets(pairsOf(older), pairsOf(newer));
  const edgeRoutes = diffSets(edgeRoutesOf(older), edgeRoutesOf(newer));
  const cms = sameCms(older, newer) ? null : { from: cmsName(older), to: cmsName(newer) };
  const [pa, pb] = [older.product?.version ?? 'unknown', newer.product?.version ?? 'unknown'];
  const product = pa === pb ? null : { from: pa, to: pb };
  const overlay = overlayChanges(older, newer);
  const lists = [pools.added, pools.removed, pools.changed, machines.added, machines.removed, services.added, services.removed, services.changed];
  lists.push(sites.added, sites.removed, sqlStores.added, sqlStores.removed, sqlStores.changed, fileStores.added, fileStores.removed, pairs.added, pairs.removed);
  lists.push(edgeRoutes.added, edgeRoutes.removed, overlay);
  const same = cms === null && product === null && lists.every((l) => l.length === 0);
  return { pools, machines, services, sites, sqlStores, fileStores, pairs, edgeRoutes, cms, product, overlay, same };
}

function diffSets(a: string[], b: string[]): AddedRemoved {
  const sa = new Set(a);
  const sb = new Set(b);
  return { added: [...sb].filter((x) => !sa.has(x)).sort(), removed: [...sa].filter((x) => !sb.has(x)).sort() };
}

function diffBy<T>(a: T[], b: T[], key: (x: T) => string, changes: (x: T, y: T) => string[]): AddedRemoved & { changed: Change[] } {
  const ma = new Map(a.map((x) => [key(x), x]));
  const mb = new Map(b.map((x) => [key(x), x]));
  const { added, removed } = diffSets([...ma.keys()], [...mb.keys()]);
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

function machinesOf(t: Topology): string[] {
  return t.pools.flatMap((p) => p.machines.map((m) => m.toLowerCase()));
}

function pairsOf(t: Topology): string[] {
  return t.pairs.map((p) => p.map((x) => x.toLowerCase()).sort().join(' ⇄ '));
}

function edgeRoutesOf(t: Topology): string[] {
  const out: string[] = [];
  for (const p of t.pools) {
    const fqdn = p.fqdn.toLowerCase();
    if (p.edgePool) out.push(`${fqdn} → Edge ${p.edgePool.toLowerCase()}`);
    if (p.nextHop) out.push(`${fqdn} → next hop ${p.nextHop.toLowerCase()}`);
  }
  if (t.federation.lyncEdge) out.push(`Lync federation via ${t.federation.lyncEdge.toLowerCase()}`);
  if (t.federation.xmppEdge) out.push(`XMPP federation via ${t.federation.xmppEdge.toLowerCase()}`);
  return out;
}

function overlayChanges(a: Topology, b: Topology): string[] {
  if (!a.overlay || !b.overlay) return !a.overlay === !b.overlay ? [] : ['overlay'];
  const ca: Record<string, unknown> = canonicalOverlay(a.overlay);
  const cb: Record<string, unknown> = canonicalOverlay(b.overlay);
  return Object.keys(ca)
    .filter((k) => canonicalJson(ca[k]) !== canonicalJson(cb[k]))
    .sort();
}

function storeKey(s: SqlStore): string {
  return `${s.kind} ${sqlName(s).toLowerCase()}`;
}

function cmsName(t: Topology): string {
  return t.cms ? `${t.cms.pool} (${sqlName({ server: t.cms.sqlServer, instance: t.cms.instance })})` : 'none';
}

function sameCms(a: Topology, b: Topology): boolean {
  if (!a.cms || !b.cms) return a.cms === b.cms;
  return sameFqdn(a.cms.pool, b.cms.pool) && sameInstance({ server: a.cms.sqlServer, instance: a.cms.instance }, { server: b.cms.sqlServer, instance: b.cms.instance });
}

function poolChanges(a: Pool, b: Pool): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind ${a.kind} → ${b.kind}`);
  if (a.site !== b.site) out.push(`site ${a.site} → ${b.site}`);
  const [va, vb] = [a.product ?? 'unknown', b.product ?? 'unknown'];
  if (va !== vb) out.push(`product ${va} → ${vb}`);
  if (a.mirroredBackEnd !== b.mirroredBackEnd) out.push(`mirrored back end ${a.mirroredBackEnd ? 'yes' : 'no'} → ${b.mirroredBackEnd ? 'yes' : 'no'}`);
  if (!sameFqdn(a.backupPool ?? 'none', b.backupPool ?? 'none')) out.push(`backup pool ${a.backupPool ?? 'none'} → ${b.backupPool ?? 'none'}`);
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
  if (!sameFqdn(where(a), where(b))) out.push(`installed on ${where(a)} → ${where(b)}`);
  const da = [...a.dependsOn].sort().join(',');
  const db = [...b.dependsOn].sort().join(',');
  if (da !== db) out.push(`depends on [${da}] → [${db}]`);
  const keys = new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)]);
  for (const k of [...keys].sort()) {
    if (a.attributes[k] !== b.attributes[k]) out.push(`${k} ${a.attributes[k] ?? '(none)'} → ${b.attributes[k] ?? '(none)'}`);
  }
  return out;
}

function storeChanges(a: SqlStore, b: SqlStore): string[] {
  const mirror = (s: SqlStore) => (s.mirror ? sqlName(s.mirror) : 'none');
  const same = a.mirror && b.mirror ? sameInstance(a.mirror, b.mirror) : a.mirror === b.mirror;
  const out = same ? [] : [`mirror ${mirror(a)} → ${mirror(b)}`];
  const [ha, hb] = [a.haType ?? 'unknown', b.haType ?? 'unknown'];
  if (ha !== hb) out.push(`HA ${ha} → ${hb}`);
  return out;
}
