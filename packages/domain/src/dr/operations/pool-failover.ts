/**
 * Invoke-CsPoolFailOver -PoolFqdn <home pool> [-DisasterMode].
 * Rules: lync-server-2013-failing-over-a-pool.md (CMS before pool, Edge next hop before pool), the managing page
 * (-PoolFqdn is the users' home pool; one direction of a pair at a time), cmdlets/Invoke-CsPoolFailOver.md (-DisasterMode
 * when the pool, or an EE pool's Back End, is not accessible).
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { txt } from '../text';
import { MINUTES, REF } from '../refs';
import { backEndDown, edgesUsingNextHop, isDown, machinesOf, partnerOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

const args = z.strictObject({
  /** -PoolFqdn: the users' home pool. */
  pool: z.string(),
  /** The backup pool that takes the users (titles, where to run). */
  to: z.string().optional(),
  /** -DisasterMode. */
  disaster: z.boolean().optional(),
});

export const poolFailover: OperationSpec<z.infer<typeof args>> = {
  id: 'pool-failover',
  ref: REF.failover,
  args,
  check(state, { pool, disaster }, t) {
    const out: Violation[] = [];
    if (!state.pools.includes(pool)) {
      return [violation('not-a-front-end-pool', `${pool} is not a Front End pool or Standard Edition server of this deployment; Invoke-CsPoolFailOver only fails over paired Front End pools`, REF.failoverCmdlet)];
    }
    const partner = partnerOf(state, pool);
    if (!partner) {
      return [violation('no-backup-pool', `${pool} has no backup pool, so Invoke-CsPoolFailOver has nowhere to send its users; pair it in Topology Builder first (REFERENCE §d.1)`, REF.failover)];
    }
    if (state.failedOver[pool]) {
      out.push(violation('already-failed-over', `${pool}'s users are already failed over to ${state.failedOver[pool]}`, REF.managing));
    }
    if (state.failedOver[partner] === pool) {
      out.push(violation('one-direction-at-a-time', `${pool} is serving ${partner}'s users (failed over to it); fail back ${partner} first (Invoke-CsPoolFailBack -PoolFqdn ${partner}), then fail over ${pool} — the other order is rejected by the cmdlet (REFERENCE §0 rule 2)`, REF.managing));
    }
    if (isDown(state, t, partner)) {
      out.push(violation('backup-pool-down', `${partner}, the backup pool of ${pool}, is down: it cannot take ${pool}'s users`, REF.failover));
    }
    if (state.cmsActive !== null && (state.cmsActive === pool || !state.cmsAvailable)) {
      const why = state.cmsActive === pool ? `the active Central Management store is on ${pool}` : `the Central Management store (on ${state.cmsActive}) is unavailable`;
      out.push(violation('cms-before-pool', `${why}: fail the CMS over (Invoke-CsManagementServerFailover) and verify it before Invoke-CsPoolFailOver (REFERENCE §0 rule 3)`, REF.failover));
    }
    const edges = edgesUsingNextHop(state, t, pool);
    if (edges.length > 0) {
      out.push(violation('edge-next-hop-before-pool', `Edge pool ${edges.join(', ')} still uses ${pool} as its next hop; point it to another pool first, otherwise Invoke-CsPoolFailOver errors out (REFERENCE §0 rule 4)`, REF.failover));
    }
    if ((isDown(state, t, pool) || backEndDown(state, t, pool)) && !disaster) {
      out.push(violation('disaster-mode-required', `${pool} (or its Back End) is not accessible: only Invoke-CsPoolFailOver -DisasterMode can fail it over`, REF.failoverCmdlet));
    }
    return out;
  },
  apply(state, { pool }) {
    const partner = partnerOf(state, pool);
    if (!partner) return state;
    return { ...state, failedOver: { ...state.failedOver, [pool]: partner } };
  },
  commands(t, { pool, to = '', disaster = false }, op) {
    const on = to ? machinesOf(t, to)[0] ?? to : null;
    return [
      commandStep(
        txt(disaster ? 'poolFailover.title.disaster' : 'poolFailover.title.planned', { pool, to }),
        `Invoke-CsPoolFailOver -PoolFqdn ${pool}${disaster ? ' -DisasterMode' : ''} -Verbose`,
        {
          op,
          on,
          ref: REF.failover,
          minutes: MINUTES.poolFailover,
          check: txt('poolFailover.check', { pool, to }),
          notes: [
            txt('poolFailover.note.poolFqdn', { pool }),
            ...(disaster ? [] : [txt('poolFailover.note.planned')]),
          ],
        },
      ),
    ];
  },
};
