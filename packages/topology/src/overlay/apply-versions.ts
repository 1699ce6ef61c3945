import type { Overlay, Pool, SqlInstanceRef, SqlStore, TopologyFinding } from '../model';
import { REF, finding } from '../findings/finding';
import { sameInstance, sqlName } from '../query';

/**
 * The overlay's `products:` (per pool) and `product:` (every other pool) win over the topology's ServiceVersion; a
 * pool whose topology version differs is an OVERLAY_CONFLICT finding, as for pairs. Mutates the pool copies it is given.
 */
export function applyProducts(pools: Pool[], o: Overlay): TopologyFinding[] {
  const out: TopologyFinding[] = [];
  for (const p of pools) {
    const said = o.products?.[p.fqdn] ?? o.product ?? null;
    if (!said) continue;
    if (p.productSource === 'topology' && p.product && p.product !== said) {
      const key = o.products?.[p.fqdn] ? `products.${p.fqdn}` : 'product';
      out.push(
        finding(
          'OVERLAY_CONFLICT',
          'warning',
          p.fqdn,
          `the topology's ServiceVersion gives ${p.product} for ${p.fqdn}, lyncdr.yaml ${key} says ${said}; lyncdr uses ${said} — correct whichever is wrong`,
          null,
        ),
      );
    }
    p.product = said;
    p.productSource = 'overlay';
  }
  return out;
}

/**
 * HA type of each SQL store's instance: `mirror` for the instances `mirrors:` names, then the overlay's `backEndHa:`
 * (which wins; a different type for a mirrored instance is an OVERLAY_CONFLICT finding). The topology XML does not say
 * (docs/topology.md), so an instance nobody names stays `unknown`. A `backEndHa:` key that is no SQL instance of the
 * topology goes to `unknownSql` (which throws). Mutates the store copies it is given.
 */
export function applyBackEndHa(
  stores: SqlStore[],
  o: Overlay,
  unknownSql: (path: string, sql: SqlInstanceRef) => never,
): TopologyFinding[] {
  const out: TopologyFinding[] = [];
  for (const s of stores) {
    if (s.mirror) {
      s.haType = 'mirror';
      s.haSource = 'mirrors';
    }
  }
  for (const e of o.backEndHa ?? []) {
    const hits = stores.filter((s) => sameInstance(s, e.sql));
    if (!hits.length) unknownSql(`backEndHa.${e.key.toLowerCase()}`, e.sql);
    if (hits.some((s) => s.haSource === 'mirrors') && e.type !== 'mirror') {
      out.push(
        finding(
          'OVERLAY_CONFLICT',
          'warning',
          sqlName(e.sql),
          `lyncdr.yaml mirrors: names ${sqlName(e.sql)} as a mirrored primary, backEndHa: says ${e.type}; lyncdr uses ${e.type} — correct whichever is wrong`,
          REF.backEndHa,
        ),
      );
    }
    for (const s of hits) {
      s.haType = e.type;
      s.haSource = 'overlay';
    }
  }
  return out;
}
