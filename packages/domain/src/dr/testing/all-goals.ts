/** Every goal for every pool (and Edge pool) of a deployment, for tests that plan them all. Pure. */
import type { Topology } from '@lyncdr/topology';
import type { DrState, Goal } from '../types';

export function allGoals(t: Topology, state: DrState): Goal[] {
  const goals: Goal[] = [{ kind: 'cms-failover' }];
  for (const p of state.pools) {
    goals.push(
      { kind: 'failover', pool: p },
      { kind: 'failover', pool: p, planned: true },
      { kind: 'failback', pool: p },
      { kind: 'restore-conference-content', pool: p },
      { kind: 'db-failover', pool: p, type: 'User' },
      { kind: 'rebuild', failed: p, newFqdn: `new-${p}` },
    );
    for (const q of state.pools) if (q !== p) goals.push({ kind: 'serve', usersOf: p, by: q });
  }
  for (const e of t.pools.filter((x) => x.kind === 'Edge')) {
    goals.push({ kind: 'edge-failover', pool: e.fqdn }, { kind: 'edge-failover', pool: e.fqdn, federation: 'xmpp' }, { kind: 'edge-failback', pool: e.fqdn });
    for (const p of state.pools.slice(0, 3)) goals.push({ kind: 'edge-associate', pool: p, edge: e.fqdn });
  }
  return goals;
}
