/* An item in words for people ("User data export (rtcxds) — pool01"), from its inventory entry and where it was placed. */
import { t } from './i18n.js';
import { shortName } from './util.js';
import { goalWords } from './view-readiness.js';

/** Categories whose inventory name is a bare database or export name: the words say what it is. */
const NAMED = new Set(['userdata', 'configuration', 'lis', 'rgs', 'archiving', 'monitoring-cdr', 'monitoring-qoe', 'persistentchat', 'sql-other']);
/** Status items the planner adds for its probes and drills (no inventory entry): `<kind>:<subject>`. */
const PROBES = new Set(['backup-service', 'mirror', 'mirror-state', 'cms-replication', 'drill', 'documents', 'peer']);

const hostOf = (host) => {
  const unc = /^\\\\([^\\]+)/.exec(host ?? '');
  return shortName(unc ? unc[1] : host ?? '');
};

/**
 * `{ name, where }`: what the item is (its category in words around the inventory name), and the pool (short name)
 * it belongs to — or, for data several pools share, its server; empty for global data.
 * `row` is a placed row (`{ id, name, pool }`), `inv` its `/api/dashboard/items` entry or undefined.
 */
export function itemWords(row, inv) {
  const id = String(row.id);
  if (!inv) {
    // A goal's readiness (`readiness:<goal>:<pool>[/<federation or type>]`): the goal in words names its pool.
    const rd = /^readiness:([^:]+):([^/]*)(?:\/(.*))?$/.exec(id);
    if (rd) {
      const [, goal, pool, extra] = rd;
      const args = pool && pool !== 'global' ? { pool, ...(goal === 'db-failover' ? { type: extra ?? '' } : {}) } : {};
      return { name: t('probe_readiness', { goal: goalWords(goal, args) }), where: '' };
    }
    const colon = id.indexOf(':');
    const kind = colon > 0 ? id.slice(0, colon) : '';
    const subject = colon > 0 ? id.slice(colon + 1) : id;
    if (PROBES.has(kind)) {
      const global = subject === 'global' || kind === 'documents' || kind === 'peer';
      return { name: t(`probe_${kind === 'mirror-state' ? 'mirror' : kind}`, { name: subject }), where: global ? '' : shortName(row.pool ?? subject) };
    }
    return { name: row.name ?? id, where: row.pool ? shortName(row.pool) : '' };
  }
  const name = inv.category && NAMED.has(inv.category) ? t(`cat_${inv.category}`, { name: inv.name }) : inv.name;
  const pools = inv.pools ?? [];
  let where = '';
  // Global data (the CMS export, certificates…) belongs to no pool, whatever pool holds it today.
  if (inv.scope === 'global') where = '';
  else if (inv.scope === 'pool' && inv.scopeRef) where = shortName(inv.scopeRef);
  else if (pools.length === 1) where = shortName(pools[0]);
  else if (pools.length > 1 && inv.host) where = hostOf(inv.host);
  else if (row.pool) where = shortName(row.pool);
  return { name, where };
}

/** The item in one line: `name — where` (or the name alone). */
export function itemLine(row, inv) {
  const w = itemWords(row, inv);
  return w.where ? `${w.name} — ${w.where}` : w.name;
}
