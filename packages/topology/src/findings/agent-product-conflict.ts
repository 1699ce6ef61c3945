import type { KnownProduct, Pool, TopologyFinding } from '../model';
import { finding } from './finding';

/** Where a pool's version came from, in words, for the finding's message. */
const SAID_BY = { overlay: 'lyncdr.yaml (product:/products:)', topology: "the topology's ServiceVersion" } as const;

/**
 * AGENT_PRODUCT_CONFLICT (warning): an agent reported a version (the management shell module its bridge scripts
 * loaded, docs/agent.md) that differs from the one the overlay or the topology gives the pool. As for
 * OVERLAY_CONFLICT, the stronger source is kept and the finding names both values.
 */
export function agentProductConflict(
  pool: Pick<Pool, 'fqdn' | 'product' | 'productSource'>,
  reported: { product: KnownProduct; reportedAt: string; agent?: string | null },
): TopologyFinding {
  const source = pool.productSource === 'overlay' ? SAID_BY.overlay : SAID_BY.topology;
  const who = reported.agent ? `agent ${reported.agent}` : 'an agent';
  return finding(
    'AGENT_PRODUCT_CONFLICT',
    'warning',
    pool.fqdn,
    `${who} reported ${reported.product} for ${pool.fqdn} (its management shell, ${reported.reportedAt}), ${source} says ${pool.product ?? 'unknown'}; lyncdr uses ${pool.product ?? 'unknown'} — correct whichever is wrong`,
    null,
  );
}
