/**
 * Moving Lync (SIP, port 5061) federation to another Edge pool: Topology Builder (clear "Enable federation for this
 * Edge pool (Port 5061)" on the old pool, tick it on the new one, publish), then on the new Edge servers Deployment
 * Wizard → Run Again. lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md and
 * lync-server-2013-failing-back-the-edge-pool-used-for-lync-server-federation-or-xmpp-federation.md. The DR pages use
 * Topology Builder, not Set-CsSite -FederationRoute (REFERENCE §e.5).
 */
import { manualStep, str, violation } from '../draft';
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
      manualStep(`Move Lync federation from ${from || 'the old Edge pool'} to ${to} in Topology Builder`, [
        'Open Topology Builder on a Front End server.',
        `Right-click ${from || 'the Edge pool that carried federation'}, Edit Properties → General: clear "Enable federation for this Edge pool (Port 5061)", OK.`,
        `Right-click ${to}, Edit Properties → General: tick "Enable federation for this Edge pool (Port 5061)", OK.`,
        'Action → Topology → Publish; click Next, then Finish.',
      ], { op, ref, check: `Topology Builder shows federation enabled on ${to} only` }),
      ...machinesOf(t, to).map((m) =>
        manualStep(`Apply the change on Edge server ${m}`, [
          'Open the Lync Server Deployment Wizard.',
          'Click Install or Update Lync Server System, then Setup or Remove Lync Server Components, then Run Again.',
        ], { on: m, ref, check: 'The wizard finishes without errors.' }),
      ),
      manualStep('Check the federation DNS SRV records', [
        `External DNS: each Edge pool is published in _sipfederationtls._tcp.<SIP domain> with a different priority, ${to} included, so inbound federation keeps working (lync-server-2013-edge-server-disaster-recovery.md).`,
      ], { ref: REF.edgeDr, check: 'nslookup -type=SRV _sipfederationtls._tcp.<SIP domain> lists the Edge pool of ' + to }),
    ];
  },
};
