/**
 * Moving Lync (SIP, port 5061) federation to another Edge pool: Topology Builder (clear "Enable federation for this
 * Edge pool (Port 5061)" on the old pool, tick it on the new one, publish), then on the new Edge servers Deployment
 * Wizard → Run Again. lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md and
 * lync-server-2013-failing-back-the-edge-pool-used-for-lync-server-federation-or-xmpp-federation.md. The DR pages use
 * Topology Builder, not Set-CsSite -FederationRoute (REFERENCE §e.5).
 */
import { z } from 'zod';
import { manualStep, violation } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool, machinesOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';
import { cmdletVersionAt, VERSION_REF } from '../versions';

const args = z.strictObject({
  /** The Edge pool that carried federation, when known. */
  from: z.string().optional(),
  /** The Edge pool that takes it. */
  to: z.string(),
  /** Present in a failback (the failback page's references). */
  failback: z.literal('yes').optional(),
});

export const lyncFederationRoute: OperationSpec<z.infer<typeof args>> = {
  id: 'lync-federation-route',
  ref: REF.lyncFederation,
  args,
  check(state, { to }, t) {
    const out: Violation[] = [];
    if (!isEdgePool(findPool(t, to))) return [violation('not-an-edge-pool', `${to} is not an Edge pool of this deployment`, REF.lyncFederation)];
    if (isDown(state, t, to)) out.push(violation('federation-edge-down', `${to} is down; federation can only move to a running Edge pool`, REF.lyncFederation));
    if (!state.cmsAvailable && state.cmsActive !== null) out.push(violation('cms-writable', 'publishing the topology needs the Central Management store; fail it over first', REF.lyncFederation));
    return out;
  },
  apply(state, { to }) {
    return { ...state, federation: { ...state.federation, lync: to } };
  },
  commands(t, { from, to, failback }, op) {
    const ref = failback ? REF.edgeFailback : REF.lyncFederation;
    return [
      manualStep(from ? txt('lyncFederation.title', { from, to }) : txt('lyncFederation.titleUnknown', { to }), [
        txt('lyncFederation.open'),
        from ? txt('lyncFederation.clear', { from }) : txt('lyncFederation.clearUnknown'),
        txt('lyncFederation.tick', { to }),
        txt('lyncFederation.publish'),
      ], { op, ref, check: txt('lyncFederation.check', { to }) }),
      ...machinesOf(t, to).map((m) => {
        // SfB 2015/2019 name the wizard and its buttons after the product (docs-sfb/failing-over-and-failing-back-a-pool.md).
        const sfb = cmdletVersionAt(t, m) !== 'lync2013';
        return manualStep(txt('lyncFederation.wizard.title', { server: m }), [
          txt(sfb ? 'lyncFederation.wizard.openSfb' : 'lyncFederation.wizard.open'),
          txt(sfb ? 'lyncFederation.wizard.runAgainSfb' : 'lyncFederation.wizard.runAgain'),
        ], { on: m, ref: sfb ? VERSION_REF.poolFailoverSfb : ref, check: txt('lyncFederation.wizard.check') });
      }),
      manualStep(txt('lyncFederation.dns.title'), [
        txt('lyncFederation.dns.srv', { to }),
      ], { ref: REF.edgeDr, check: txt('lyncFederation.dns.check', { to }) }),
    ];
  },
};
