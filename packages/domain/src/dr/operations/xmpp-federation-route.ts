/**
 * Moving XMPP federation (port 5269) to another Edge pool: stop services on the new Edge servers, Set-CsSite -Identity
 * <site> -XmppFederationRoute EdgeServer:<edge pool>, external DNS (A record, SRV _xmpp-server._tcp.<domain> port 5269),
 * port 5269 open inbound, start the services.
 * lync-server-2013-failing-over-the-edge-pool-used-for-xmpp-federation.md; ERRATUM: the page writes
 * -XmppExternalFederationRoute, a parameter that exists in no version of cmdlets/Set-CsSite.md; the real one is
 * -XmppFederationRoute with a service identity EdgeServer:<fqdn> (REFERENCE §e.5).
 */
import { commandStep, manualStep, str, violation } from '../draft';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool, machinesOf, siteName, siteOf } from '../topology-view';
import type { OperationSpec, StepDraft, Violation } from '../types';

export const xmppFederationRoute: OperationSpec = {
  id: 'xmpp-federation-route',
  ref: REF.xmppFederation,
  check(state, op, t) {
    const to = str(op, 'to');
    const out: Violation[] = [];
    if (!isEdgePool(findPool(t, to))) return [violation('not-an-edge-pool', `${to} is not an Edge pool of this deployment`, REF.setSite)];
    if (isDown(state, t, to)) out.push(violation('federation-edge-down', `${to} is down; XMPP federation can only move to a running Edge pool`, REF.xmppFederation));
    if (!state.cmsAvailable && state.cmsActive !== null) out.push(violation('cms-writable', 'Set-CsSite writes to the Central Management store, which is unavailable; fail it over first', REF.xmppFederation));
    return out;
  },
  apply(state, op) {
    return { ...state, federation: { ...state.federation, xmpp: str(op, 'to') } };
  },
  commands(t, op) {
    const to = str(op, 'to');
    const failback = str(op, 'failback') !== '';
    const ref = failback ? REF.edgeFailback : REF.xmppFederation;
    const site = siteName(t, siteOf(t, to));
    const servers = machinesOf(t, to);
    const steps: StepDraft[] = [];
    if (!failback) {
      steps.push(...servers.map((m) => commandStep(`Stop the Lync services on Edge server ${m}`, `Stop-CsWindowsService -ComputerName ${m}`, { on: m, ref, check: `Get-CsWindowsService -ComputerName ${m} — services Stopped` })));
    }
    steps.push(
      commandStep(`Route XMPP federation of site ${site} through ${to}`, `Set-CsSite -Identity "${site}" -XmppFederationRoute EdgeServer:${to}`, {
        op, ref, check: `Get-CsSite -Identity "${site}" — XmppFederationRoute is EdgeServer:${to}`,
        notes: [
          'ERRATUM: the DR pages write -XmppExternalFederationRoute, which no version of Set-CsSite has; -XmppFederationRoute is the parameter (cmdlets/Set-CsSite.md).',
          'UNCERTAIN: whether the value takes the Edge pool FQDN or an Edge server FQDN; they are the same for a one-server pool (REFERENCE §j.5).',
        ],
      }),
      manualStep('Point XMPP DNS records to the new Edge pool', [
        `External DNS: the XMPP A record points to the external Edge interface of ${to}${failback ? ' (the restored pool; ERRATUM: the failback page says EdgeServer2)' : ''}.`,
        `External DNS: SRV _xmpp-server._tcp.<SIP domain> → the external FQDN of ${to}, port 5269.`,
        'Tip: pre-create XMPP SRV records for every Edge pool with distinct priorities (the lowest value wins).',
      ], { ref, check: 'nslookup -type=SRV _xmpp-server._tcp.<SIP domain> returns the new Edge pool on port 5269' }),
      manualStep('Open port 5269 inbound to the new Edge pool', [`Firewall: allow TCP 5269 inbound to the external interface of ${to}.`], { ref, check: `A test connection to ${to} on TCP 5269 from outside succeeds` }),
    );
    if (!failback) {
      steps.push(...servers.map((m) => commandStep(`Start the Lync services on Edge server ${m}`, `Start-CsWindowsService -ComputerName ${m}`, { on: m, ref, check: `Get-CsWindowsService -ComputerName ${m} — services Running` })));
    }
    return steps;
  },
};
