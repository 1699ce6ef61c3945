/**
 * Invoke-CsPoolFailBack -PoolFqdn <home pool> [-DisasterMode].
 * Rules: lync-server-2013-failing-back-a-pool.md (after the home pool is healthy; no CMS failback), the managing page
 * and cmdlets/Invoke-CsPoolFailBack.md (same -PoolFqdn as the failover: the users' home pool; -DisasterMode only when
 * the backup pool is unavailable, and then data produced on it is lost).
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { txt } from '../text';
import { MINUTES, REF } from '../refs';
import { isDown, machinesOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

const args = z.strictObject({
  /** -PoolFqdn: the users' home pool, as in the failover. */
  pool: z.string(),
  /** The pool serving the users until now (titles, notes). */
  from: z.string().optional(),
  /** -DisasterMode. */
  disaster: z.boolean().optional(),
});

export const poolFailback: OperationSpec<z.infer<typeof args>> = {
  id: 'pool-failback',
  ref: REF.failback,
  args,
  check(state, { pool, disaster }, t) {
    const serving = state.failedOver[pool];
    if (!serving) {
      const homes = Object.entries(state.failedOver).filter(([, s]) => s === pool).map(([h]) => h);
      if (homes.length > 0) {
        return [violation('failback-poolfqdn-is-home-pool', `-PoolFqdn ${pool} names the pool serving the failed-over users; Invoke-CsPoolFailBack must use the same -PoolFqdn as the failover, the users' home pool: ${homes.join(', ')} (REFERENCE §0 rule 1)`, REF.failbackCmdlet)];
      }
      return [violation('not-failed-over', `${pool}'s users are not failed over, so there is nothing to fail back`, REF.failback)];
    }
    const out: Violation[] = [];
    if (isDown(state, t, pool)) {
      out.push(violation('home-pool-not-healthy', `${pool} is down; fail back only after ${pool} is healthy again`, REF.failback));
    }
    if (isDown(state, t, serving) && !disaster) {
      out.push(violation('disaster-mode-required', `${serving} (the backup pool) is unavailable: only Invoke-CsPoolFailBack -DisasterMode can fail back, losing data produced on it`, REF.failbackCmdlet));
    }
    return out;
  },
  apply(state, { pool }) {
    const failedOver = { ...state.failedOver };
    delete failedOver[pool];
    return { ...state, failedOver };
  },
  commands(t, { pool, from = '', disaster = false }, op) {
    return [
      commandStep(
        from ? txt('poolFailback.title', { pool, from }) : txt('poolFailback.titleNoFrom', { pool }),
        `Invoke-CsPoolFailBack -PoolFqdn ${pool}${disaster ? ' -DisasterMode' : ''} -Verbose`,
        {
          op,
          on: machinesOf(t, pool)[0] ?? pool,
          ref: REF.failback,
          minutes: MINUTES.poolFailback,
          check: txt('poolFailback.check', { pool }),
          notes: [
            from ? txt('poolFailback.note.poolFqdn', { pool, from }) : txt('poolFailback.note.poolFqdnNoFrom', { pool }),
            txt('poolFailback.note.resiliency'),
            ...(disaster ? [txt('poolFailback.note.disaster')] : []),
          ],
        },
      ),
    ];
  },
};
