/** Edge pools of a deployment and which one carries each federation route, for the Edge runbooks. */
import { hasXmpp } from '@lyncdr/domain';
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

/** XMPP federation needs an Edge pool of a version that has it (none in SfB 2019: docs-sfb/SfBServer2019/deprecated.md). */
export function xmppApplies(t: Topology): string | null {
  const edges = edgePools(t).filter((e) => hasXmpp(t, e));
  if (edges.length === 0 && edgePools(t).length > 0) return 'XMPP federation does not exist in Skype for Business Server 2019, the version of every Edge pool of this deployment (the XMPP Gateway/proxy is removed)';
  return edges.length < 2 ? 'XMPP failover needs a second Edge pool of a version with XMPP federation (Lync Server 2013 or SfB 2015) to take over' : null;
}

export function edgeApplies(t: Topology): string | null {
  return edgePools(t).length < 2 ? 'Edge failover needs a second Edge pool to take over, and this deployment has fewer than two (deploy one first, lync-server-2013-edge-server-disaster-recovery.md)' : null;
}
