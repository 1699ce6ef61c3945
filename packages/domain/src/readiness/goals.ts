/**
 * The goals readiness plans (docs/readiness.md): failover of every Front End pool (an unpaired one is blocked: no
 * backup pool), CMS failover, Edge failover for each federation route, and the failover of every mirrored Back End
 * (`mirrorAt`: mirroring applies). Each with its disaster: what is taken as down.
 */
import { backEndOf, type Topology } from '@lyncdr/topology';
import { hasXmpp, mirrorAt } from '../dr/versions';
import type { DrState, Goal } from '../dr/types';

export interface ReadinessGoal {
  goal: Goal;
  /** The goal's options, as `lyncdr plan` takes them. */
  args: Record<string, string>;
  /** What the disaster takes down (pool, Edge pool or Back End SQL server). */
  down: string[];
  /** The pool whose `targets:` apply, or null for the global ones. */
  pool: string | null;
}

export function readinessGoals(t: Topology, live: DrState): ReadinessGoal[] {
  const out: ReadinessGoal[] = [];
  for (const pool of live.pools) {
    out.push({ goal: { kind: 'failover', pool }, args: { pool }, down: [pool], pool });
  }
  if (live.cmsActive) {
    const active = live.cmsActive;
    out.push({ goal: { kind: 'cms-failover' }, args: {}, down: [active], pool: active });
  }
  for (const k of ['lync', 'xmpp'] as const) {
    const edge = live.federation[k];
    if (!edge || (k === 'xmpp' && !hasXmpp(t, edge))) continue;
    out.push({ goal: { kind: 'edge-failover', pool: edge, federation: k }, args: { pool: edge, federation: k }, down: [edge], pool: edge });
  }
  for (const pool of live.pools) {
    const be = backEndOf(t, pool);
    if (!be || !mirrorAt(t, pool)) continue;
    out.push({ goal: { kind: 'db-failover', pool, type: 'User' }, args: { pool, type: 'User' }, down: [be.server], pool });
  }
  return out;
}
