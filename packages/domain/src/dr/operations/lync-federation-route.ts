/**
 * Moving Lync (SIP, port 5061) federation to another Edge pool: Topology Builder (clear "Enable federation for this
 * Edge pool (Port 5061)" on the old pool, tick it on the new one, publish), then on the new Edge servers Deployment
 * Wizard → Run Again. lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md and
 * lync-server-2013-failing-back-the-edge-pool-used-for-lync-server-federation-or-xmpp-federation.md. The DR pages use
 * Topology Builder, not Set-CsSite -FederationRoute (REFERENCE §e.5).
 */
import { manualStep, str, violation } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool, machinesOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

export const lyncFederationRoute: OperationSpec = {
  id: 'lync-federation-route',
  ref: REF.lyncFederation,
  check(state, op, t) {
    const to = str(op, 'to');
    const out: Violation[] = [];
    if (!isEdgePool(findPool(t, to))) return [violation('not-an-edge-pool', `${to} is not an Edge pool of this deployment`, REF.lyncFederation)];
    if (isDown(state, t, to)) out.push(violation('federation-edge-down', `${to} is down; federation can only move to a running Edge pool`, REF.lyncFederation));
    if (!state.cmsAvailable && state.cmsActive !== null) out.push(violation('cms-writable', 'publishing the topology needs the Central Management store; fail it over first', REF.lyncFederation));
    return out;
  },
  apply(state, op) {
    return { ...state, federation: { ...state.federation, lync: str(op, 'to') } };
  },
  commands(t, op) {
    const from = str(op, 'from');
    const to = str(op, 'to');
    const ref = str(op, 'failback') ? REF.edgeFailback : REF.lyncFederation;
    return [
      manualStep(from ? txt('lyncFederation.title', { from, to }) : txt('lyncFederation.titleUnknown', { to }), [
        txt('lyncFederation.open'),
        from ? txt('lyncFederation.clear', { from }) : txt('lyncFederation.clearUnknown'),
        txt('lyncFederation.tick', { to }),
        txt('lyncFederation.publish'),
      ], { op, ref, check: txt('lyncFederation.check', { to }) }),
      ...machinesOf(t, to).map((m) =>
        manualStep(txt('lyncFederation.wizard.title', { server: m }), [
          txt('lyncFederation.wizard.open'),
          txt('lyncFederation.wizard.runAgain'),
        ], { on: m, ref, check: txt('lyncFederation.wizard.check') }),
      ),
      manualStep(txt('lyncFederation.dns.title'), [
        txt('lyncFederation.dns.srv', { to }),
      ], { ref: REF.edgeDr, check: txt('lyncFederation.dns.check', { to }) }),
    ];
  },
};
