/** Edge pools of a deployment and which one carries each federation route, for the Edge runbooks. */
import type { Topology } from '@lyncdr/topology';
import { stateWith } from './common';

export function edgePools(t: Topology): string[] {
  return t.pools.filter((p) => p.kind === 'Edge').map((p) => p.fqdn).sort();
}

/** The Edge pool carrying a federation route: --pool if it names an Edge pool, else the topology's, else the first. */
export function federationEdge(t: Topology, kind: 'lync' | 'xmpp', named: string[]): string | null {
  const edges = edgePools(t);
  const pickNamed = edges.find((e) => named.some((n) => n.toLowerCase() === e.toLowerCase()));
  if (pickNamed) return pickNamed;
  const state = stateWith(t, {});
  return state.federation[kind] ?? edges[0] ?? null;
}

export function edgeApplies(t: Topology): string | null {
  return edgePools(t).length < 2 ? 'Edge failover needs a second Edge pool to take over, and this deployment has fewer than two (deploy one first, lync-server-2013-edge-server-disaster-recovery.md)' : null;
}
