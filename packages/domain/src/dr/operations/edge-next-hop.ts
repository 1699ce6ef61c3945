/**
 * Changing an Edge pool's next hop (lync-server-2013-failing-over-a-pool.md): next hop at the same site → Topology
 * Builder (Edit Properties → Next Hop → publish); at a different site → Set-CsEdgeServer -Identity EdgeServer:<edge>
 * -Registrar Registrar:<pool> (cmdlets/Set-CsEdgeServer.md). Both write to the CMS, so the CMS must be available
 * (REFERENCE §0 rule 4: our inference).
 */
import { z } from 'zod';
import { commandStep, manualStep, violation } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool, siteOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

const args = z.strictObject({
  /** The Edge pool. */
  edge: z.string(),
  /** Its new next hop (a Front End or Director pool). */
  hop: z.string(),
});

export const edgeNextHop: OperationSpec<z.infer<typeof args>> = {
  id: 'edge-next-hop',
  ref: REF.failover,
  args,
  check(state, { edge, hop }, t) {
    const out: Violation[] = [];
    if (!isEdgePool(findPool(t, edge))) return [violation('not-an-edge-pool', `${edge} is not an Edge pool of this deployment`, REF.edgeNextHop)];
    const hopPool = findPool(t, hop);
    if (!state.pools.includes(hop) && hopPool?.kind !== 'Director') {
      out.push(violation('next-hop-not-registrar', `${hop} is not a Front End pool or Director pool, so it cannot be an Edge next hop`, REF.edgeNextHop));
    }
    if (isDown(state, t, hop)) out.push(violation('next-hop-down', `${hop} is down; choose a running pool as next hop for ${edge}`, REF.failover));
    if (state.failedOver[hop]) out.push(violation('next-hop-failed-over', `${hop}'s users are failed over to ${state.failedOver[hop]}; choose a pool that serves users`, REF.failover));
    if (!state.cmsAvailable && state.cmsActive !== null) {
      out.push(violation('cms-writable', `the Central Management store is unavailable and changing the next hop writes to it: fail the CMS over first (REFERENCE §0 rule 4)`, REF.failover));
    }
    return out;
  },
  apply(state, { edge, hop }) {
    return { ...state, nextHops: { ...state.nextHops, [edge]: hop } };
  },
  commands(t, { edge, hop }, op) {
    const check = txt('edgeNextHop.check', { edge, hop });
    if (siteOf(t, edge) !== null && siteOf(t, edge) === siteOf(t, hop)) {
      return [
        manualStep(txt('edgeNextHop.title.sameSite', { edge, hop }), [
          txt('edgeNextHop.open', { edge }),
          txt('edgeNextHop.select', { hop }),
          txt('tb.okPublish'),
        ], { op, ref: REF.failover, check }),
      ];
    }
    return [
      commandStep(txt('edgeNextHop.title.otherSite', { edge, hop }), `Set-CsEdgeServer -Identity EdgeServer:${edge} -Registrar Registrar:${hop}`, {
        op, ref: REF.failover, check,
      }),
    ];
  },
};
