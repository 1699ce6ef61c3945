import { agentProductConflict } from '../findings/agent-product-conflict';
import type { KnownProduct, Topology, TopologyFinding } from '../model';
import { deploymentProduct, isKnownProduct } from './product-version';

/** The version an agent reported for a pool: what its bridge scripts printed (docs/agent.md), and when. */
export interface AgentProduct {
  product: KnownProduct;
  /** ISO time of the observation that carried it. */
  reportedAt: string;
  /** The agent that reported it, when known (named in findings). */
  agent?: string | null;
}

/**
 * The third source of a pool's version (docs/topology.md "Product version"): the overlay, else the topology, else the
 * version an agent reported for the pool, else unknown. `reports` maps pool FQDN (any case) → the newest report.
 * Pools still unknown take the reported version (`productSource: 'agent'`), the deployment's version is recomputed,
 * and a report that contradicts an overlay or topology version is an AGENT_PRODUCT_CONFLICT warning (the overlay or
 * topology version is kept). Reports for pools the topology does not hold are ignored. Pure: returns a new topology
 * (the findings also appended to its `findings`) and leaves the input untouched.
 */
export function withAgentProducts(
  t: Topology,
  reports: ReadonlyMap<string, AgentProduct>,
): { topology: Topology; findings: TopologyFinding[] } {
  const byFqdn = new Map([...reports].map(([fqdn, r]) => [fqdn.toLowerCase(), r]));
  const findings: TopologyFinding[] = [];
  let changed = false;
  const pools = t.pools.map((p) => {
    const r = byFqdn.get(p.fqdn.toLowerCase());
    if (!r) return p;
    const known = p.product && p.product !== 'unknown' && (p.productSource === 'overlay' || p.productSource === 'topology');
    if (known) {
      if (p.product !== r.product) findings.push(agentProductConflict(p, r));
      return p;
    }
    changed = true;
    return { ...p, product: r.product, productSource: 'agent' as const };
  });
  // Nothing to add: the topology itself, as it was given.
  if (!changed && !findings.length) return { topology: t, findings };
  const product = deploymentProduct(pools, t.overlay?.product ?? null);
  return { topology: { ...t, pools, product, findings: [...t.findings, ...findings] }, findings };
}

/**
 * The newest known version reported per pool (FQDN, lower case) from agent reports in any order: a value that is not
 * lync2013, sfb2015 or sfb2019 is dropped, and of two reports for one pool the later `at` wins.
 */
export function newestAgentProducts(
  reports: Iterable<{ pool: string; product: unknown; at: string; agent?: string | null }>,
): Map<string, AgentProduct> {
  const out = new Map<string, AgentProduct>();
  for (const r of reports) {
    if (typeof r.product !== 'string' || !isKnownProduct(r.product)) continue;
    const key = r.pool.toLowerCase();
    const seen = out.get(key);
    if (seen && Date.parse(seen.reportedAt) >= Date.parse(r.at)) continue;
    out.set(key, { product: r.product, reportedAt: r.at, agent: r.agent ?? null });
  }
  return out;
}
