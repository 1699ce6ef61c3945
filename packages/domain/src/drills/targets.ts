/**
 * Microsoft's engineering targets for a goal, by product version, with the page that states them:
 * pool failover/failback 30/30 min on Lync Server 2013 (recovery-time-for-pool-failover-and-pool-failback), 15–20/5 min
 * on SfB Server (docs-sfb/disaster-recovery.md); CMS failover 5/5 (central-management-store-failover); a mirrored Back
 * End 5/5 (back-end-server-high-availability; docs-sfb/back-end-server.md). Other goals have no published target.
 */
import type { ProductVersion } from '@lyncdr/topology';
import type { Goal } from '../dr/types';
import type { MicrosoftTarget } from './types';

export function microsoftTarget(goal: Goal, product: ProductVersion): MicrosoftTarget | null {
  const sfb = product === 'sfb2015' || product === 'sfb2019';
  switch (goal.kind) {
    case 'failover':
    case 'failback':
    case 'serve':
    case 'rebuild':
      return sfb
        ? { rtoMinutes: '15–20', rpoMinutes: '5', ref: 'docs-sfb/disaster-recovery.md' }
        : { rtoMinutes: '30', rpoMinutes: '30', ref: 'lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md' };
    case 'cms-failover':
      return { rtoMinutes: '5', rpoMinutes: '5', ref: sfb ? 'docs-sfb/disaster-recovery.md' : 'lync-server-2013-central-management-store-failover.md' };
    case 'db-failover':
      return { rtoMinutes: '5', rpoMinutes: '5', ref: sfb ? 'docs-sfb/back-end-server.md' : 'lync-server-2013-back-end-server-high-availability.md' };
    default:
      return null;
  }
}

/** The pool a goal is about (its target RTO is that pool's), or null. */
export function goalPool(goal: Goal): string | null {
  switch (goal.kind) {
    case 'failover':
    case 'failback':
    case 'db-failover':
    case 'restore-conference-content':
      return goal.pool;
    case 'serve':
      return goal.usersOf;
    case 'rebuild':
      return goal.failed;
    default:
      return null;
  }
}

/**
 * The goal that undoes a goal, offered when a step fails: a pool failover is undone by failing the same pool back
 * (lync-server-2013-failing-back-a-pool.md), an Edge failover by the Edge failback, a Back End failover by failing over
 * to the other principal again (lync-server-2013-failing-over-a-mirrored-database.md). A CMS failover has no failback
 * (cmdlets/Invoke-CsManagementServerFailover.md: fail over again the other way) and a rebuild no way back: null.
 */
export function rollbackGoal(goal: Goal): Goal | null {
  switch (goal.kind) {
    case 'failover':
      return { kind: 'failback', pool: goal.pool };
    case 'edge-failover':
      return { kind: 'edge-failback', pool: goal.pool };
    case 'db-failover':
      return { kind: 'db-failover', pool: goal.pool, type: goal.type };
    default:
      return null;
  }
}
