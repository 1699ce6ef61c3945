/**
 * Which Edge pool carries Lync (SIP) and XMPP federation, read in one order by every goal that moves federation:
 * the DR state (a state file or --federation-on), then the lyncdr.yaml overlay, then the published topology.
 * `home` is where the deployment normally routes it (overlay, then topology), so a failback knows where to go back.
 */
import type { Topology } from '@lyncdr/topology';
import { originalState } from './state';
import type { DrState } from './types';

export type FederationKind = 'lync' | 'xmpp';
export type FactSource = 'state' | 'overlay' | 'topology';

export interface FederationFact {
  kind: FederationKind;
  /** The Edge pool carrying the route now, or null when no source says. */
  edge: string | null;
  source: FactSource | null;
  /** The Edge pool the deployment normally uses (overlay, then topology), or null. */
  home: string | null;
  homeSource: Exclude<FactSource, 'state'> | null;
}

function homeOf(t: Topology, kind: FederationKind): { home: string | null; homeSource: FederationFact['homeSource'] } {
  const home = originalState(t).federation[kind];
  if (home === null) return { home: null, homeSource: null };
  const key = kind === 'lync' ? 'lyncEdge' : 'xmppEdge';
  const fromOverlay = t.overlay?.federation[key];
  return { home, homeSource: fromOverlay && fromOverlay.toLowerCase() === home.toLowerCase() ? 'overlay' : 'topology' };
}

export function federationFact(state: DrState, t: Topology, kind: FederationKind): FederationFact {
  const { home, homeSource } = homeOf(t, kind);
  const edge = state.federation[kind];
  if (edge === null) return { kind, edge: null, source: home === null ? null : 'state', home, homeSource };
  if (edge !== home) return { kind, edge, source: 'state', home, homeSource };
  return { kind, edge, source: homeSource, home, homeSource };
}
