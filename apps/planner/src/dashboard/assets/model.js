/* Places every status entry in the deployment: its pool and site, from the inventory item and the topology. */
import { SEVERITY, worst } from './util.js';

/** Indexes the topology: pools by FQDN, the pool of each machine, the pools of each SQL server. */
export function indexTopology(topology) {
  const pools = new Map(), byHost = new Map(), bySql = new Map(), sites = new Map();
  if (!topology) return { pools, byHost, bySql, sites };
  for (const s of topology.sites) sites.set(s.id, s);
  for (const p of topology.pools) {
    pools.set(p.fqdn.toLowerCase(), p);
    for (const m of p.machines) byHost.set(m.toLowerCase(), p.fqdn);
  }
  for (const s of topology.sqlStores) {
    const key = s.server.toLowerCase();
    if (s.pools.length && !bySql.has(key)) bySql.set(key, s.pools[0]);
  }
  return { pools, byHost, bySql, sites };
}

function poolOf(ix, inv, itemId) {
  const known = (f) => (f && ix.pools.has(f.toLowerCase()) ? ix.pools.get(f.toLowerCase()).fqdn : null);
  if (inv) {
    for (const p of inv.pools ?? []) if (known(p)) return known(p);
    if (inv.scope === 'pool' && known(inv.scopeRef)) return known(inv.scopeRef);
    const host = (inv.host ?? '').toLowerCase();
    if (ix.byHost.has(host)) return ix.byHost.get(host);
    if (known(host)) return known(host);
    if (ix.bySql.has(host)) return ix.bySql.get(host);
    const unc = /^\\\\([^\\]+)/.exec(inv.host ?? '');
    if (unc && ix.byHost.has(unc[1].toLowerCase())) return ix.byHost.get(unc[1].toLowerCase());
  }
  // Probe entries (backup-service:<pool>, mirror-state:…, cms-replication:…) and items named after a host.
  const tail = String(itemId).split(/[:@]/).pop() ?? '';
  return known(tail) ?? ix.byHost.get(tail.toLowerCase()) ?? null;
}

/** One row per status entry: { id, name, entry, pool, site }. */
export function placeItems(ix, inventory, entries) {
  return entries.map((entry) => {
    const inv = inventory.get(entry.itemId) ?? null;
    const pool = poolOf(ix, inv, entry.itemId);
    let site = pool ? ix.pools.get(pool.toLowerCase())?.site ?? null : null;
    if (!site && inv?.scope === 'site') site = inv.scopeRef;
    return { id: entry.itemId, name: inv?.name ?? entry.itemId.split(':')[0], entry, pool, site };
  });
}

/** Worst status of the data each pool holds. */
export function poolStatuses(rows) {
  const by = new Map();
  for (const r of rows) {
    if (!r.pool) continue;
    if (!by.has(r.pool)) by.set(r.pool, []);
    by.get(r.pool).push(r.entry.status);
  }
  return new Map([...by].map(([p, list]) => [p, worst(list)]));
}

/**
 * The rows from the most to the least urgent: failed, late, unknown, ok; within a status the oldest backup first (no
 * known backup counts as the oldest), then by name. Returns a new array.
 */
export function bySeverity(rows) {
  const rank = (r) => {
    const i = SEVERITY.indexOf(r.entry.status);
    return i < 0 ? SEVERITY.length : i;
  };
  const age = (r) => (r.entry.ageSeconds === null || r.entry.ageSeconds === undefined ? Infinity : r.entry.ageSeconds);
  return [...rows].sort((a, b) => rank(a) - rank(b) || age(b) - age(a) || String(a.name).localeCompare(String(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
