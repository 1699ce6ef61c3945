/** Goals on Front End pools: failover, failback, and serve (the engine finds the order, REFERENCE §0 rules 1–2). */
import { impossible, type PlanBuilder } from '../builder';
import { partnerOf } from '../topology-view';
import { failbackPool, failoverPool, requireFrontEnd } from './common';
import { txt } from '../text';

export function planFailover(b: PlanBuilder, pool: string, planned: boolean | undefined): void {
  const p = requireFrontEnd(b.topology, b.state, pool, '--pool');
  failoverPool(b, p, { planned, followUps: true });
}

export function planFailback(b: PlanBuilder, pool: string): void {
  const p = requireFrontEnd(b.topology, b.state, pool, '--pool');
  if (!b.state.failedOver[p]) {
    const homes = Object.entries(b.state.failedOver).filter(([, s]) => s === p).map(([h]) => h);
    if (homes.length > 0) {
      impossible(`${p} is the pool serving ${homes.join(', ')}'s failed-over users; Invoke-CsPoolFailBack takes the users' home pool, the same -PoolFqdn as the failover (REFERENCE §0 rule 1): run lyncdr plan failback --pool ${homes[0]}`);
    }
    impossible(`${p}'s users are not failed over, so there is nothing to fail back; the state file lists failovers under "failedOver"`);
  }
  failbackPool(b, p, { followUps: true });
}

/**
 * The users of `usersOf` (homed on it, or served by it now) should be served by `by`. Failbacks come first, then
 * failovers: with P1's users on P2 and everyone wanted on P1, this gives failback P1 (-PoolFqdn P1) then failover P2
 * (-PoolFqdn P2) — the seed's example (lync-server-2013-managing-lync-server-disaster-recovery-high-availability-and-backup-service.md).
 */
export function planServe(b: PlanBuilder, usersOf: string, by: string, planned: boolean | undefined): void {
  const x = requireFrontEnd(b.topology, b.state, usersOf, '--users-of');
  const y = requireFrontEnd(b.topology, b.state, by, '--by');
  const serving = (h: string): string => b.state.failedOver[h] ?? h;
  const groups = b.state.pools.filter((h) => h === x || serving(h) === x);
  const failbacks: string[] = [];
  const failovers: string[] = [];
  for (const h of groups) {
    if (serving(h) === y) continue;
    if (h === y) failbacks.push(h);
    else if (partnerOf(b.state, h) === y && serving(h) === h) failovers.push(h);
    else {
      const p = partnerOf(b.state, h);
      impossible(`${h}'s users can only be served by ${h} itself or its backup pool${p ? ` ${p}` : ' (it has none)'}, not ${y}; pair ${h} with ${y} in Topology Builder to make this possible (REFERENCE §d.1)`);
    }
  }
  if (failbacks.length === 0 && failovers.length === 0) {
    b.warn(txt('warn.alreadyServed', { users: x, by: y }));
    return;
  }
  if (failbacks.length > 0 && failovers.length > 0) {
    b.warn(txt('warn.serveOrder', { failbacks: failbacks.join(', '), failovers: failovers.join(', ') }));
  }
  for (const h of failbacks) failbackPool(b, h, { followUps: true });
  for (const h of failovers) failoverPool(b, h, { planned, followUps: true });
}
