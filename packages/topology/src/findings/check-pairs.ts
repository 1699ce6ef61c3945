import type { Pool, Topology, TopologyFinding } from '../model';
import { REF, finding } from './finding';

const PAIRABLE = new Set(['FrontEnd', 'StandardEdition']);

/**
 * Pairing rules (REFERENCE §0 rule 5, §d.1). Blocking ("only the following pairings are supported", "always 1:1 and
 * reciprocal"): EE↔EE or SE↔SE, Front End pools only, one partner each. Recommendations ("should", "assume"):
 * different sites, the same back-end HA technology on both sides.
 */
export function checkPairs(t: Pick<Topology, 'pools' | 'pairs'> & Partial<Pick<Topology, 'sqlStores'>>): TopologyFinding[] {
  const out: TopologyFinding[] = [];
  const byFqdn = new Map(t.pools.map((p) => [p.fqdn, p]));
  const partners = new Map<string, string[]>();
  for (const [a, b] of t.pairs) {
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  for (const [fqdn, list] of partners) {
    if (new Set(list).size > 1) {
      out.push(
        finding(
          'PAIR_NOT_ONE_TO_ONE',
          'error',
          fqdn,
          `pool ${fqdn} is paired with ${list.join(' and ')}; a pool has exactly one backup pool, paired 1:1 and reciprocally — keep one pair`,
          REF.reciprocal,
        ),
      );
    }
  }
  for (const [a, b] of t.pairs) {
    const pa = byFqdn.get(a);
    const pb = byFqdn.get(b);
    const subject = `${a} ↔ ${b}`;
    if (a === b) {
      out.push(
        finding(
          'PAIR_SELF',
          'error',
          a,
          `pool ${a} is paired with itself; pair it with a pool in another site`,
          REF.reciprocal,
        ),
      );
      continue;
    }
    if (!pa || !pb) continue;
    for (const p of [pa, pb]) {
      if (!PAIRABLE.has(p.kind)) {
        out.push(
          finding(
            'PAIR_NOT_FRONT_END',
            'error',
            subject,
            `${p.fqdn} is a ${p.kind} pool; only Front End pools (Enterprise Edition) and Standard Edition servers can be paired`,
            REF.pairing,
          ),
        );
      }
    }
    if (PAIRABLE.has(pa.kind) && PAIRABLE.has(pb.kind) && pa.kind !== pb.kind) {
      out.push(
        finding(
          'PAIR_EDITION_MISMATCH',
          'error',
          subject,
          `${a} is ${label(pa)} and ${b} is ${label(pb)}; only Enterprise Edition ↔ Enterprise Edition or Standard Edition ↔ Standard Edition pairings are supported`,
          REF.pairing,
        ),
      );
    }
    if (pa.site === pb.site) {
      out.push(
        finding(
          'PAIR_SAME_SITE',
          'warning',
          subject,
          `${a} and ${b} are both in site ${pa.site}; paired pools should be in different sites (data centres) to survive a site loss`,
          REF.pairing,
        ),
      );
    }
    if (pa.kind === 'FrontEnd' && pb.kind === 'FrontEnd' && pa.mirroredBackEnd !== pb.mirroredBackEnd) {
      const [m, n] = pa.mirroredBackEnd ? [a, b] : [b, a];
      out.push(
        finding(
          'PAIR_HA_MISMATCH',
          'warning',
          subject,
          `${m} has a mirrored back end and ${n} does not; paired pools should use the same back-end high-availability technology`,
          REF.backEndHa,
        ),
      );
    } else if (pa.kind === 'FrontEnd' && pb.kind === 'FrontEnd') {
      // Both HA types known (backEndHa:) and different: alwayson ↔ fci, none ↔ alwayson…
      const [ha, hb] = [haOf(t.sqlStores ?? [], a), haOf(t.sqlStores ?? [], b)];
      if (ha && hb && ha !== hb) {
        out.push(
          finding(
            'PAIR_HA_MISMATCH',
            'warning',
            subject,
            `the back end of ${a} is ${ha}, that of ${b} is ${hb}; paired pools should use the same back-end high-availability technology`,
            REF.backEndHa,
          ),
        );
      }
    }
  }
  return out;
}

/** The known HA type of the pool's Back End (null when it has none or it is unknown). */
function haOf(stores: Topology['sqlStores'], pool: string): string | null {
  const ha = stores.find((s) => s.kind === 'BackEnd' && s.pools.includes(pool))?.haType;
  return ha && ha !== 'unknown' ? ha : null;
}

function label(p: Pool): string {
  return p.kind === 'StandardEdition' ? 'a Standard Edition server' : 'an Enterprise Edition Front End pool';
}
