/**
 * Moving XMPP federation (port 5269) to another Edge pool: stop services on the new Edge servers, Set-CsSite -Identity
 * <site> -XmppFederationRoute EdgeServer:<edge pool>, external DNS (A record, SRV _xmpp-server._tcp.<domain> port 5269),
 * port 5269 open inbound, start the services.
 * lync-server-2013-failing-over-the-edge-pool-used-for-xmpp-federation.md; ERRATUM: the page writes
 * -XmppExternalFederationRoute, a parameter that exists in no version of cmdlets/Set-CsSite.md; the real one is
 * -XmppFederationRoute with a service identity EdgeServer:<fqdn> (REFERENCE §e.5). SfB 2019 has no XMPP Gateway/proxy
 * (docs-sfb/SfBServer2019/deprecated.md): never onto a 2019 Edge pool.
 */
import { z } from 'zod';
import { commandStep, manualStep, violation } from '../draft';
import { blank, txt } from '../text';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool, machinesOf, siteName, siteOf } from '../topology-view';
import type { OperationSpec, StepDraft, Violation } from '../types';
import { hasXmpp, VERSION_REF } from '../versions';

const args = z.strictObject({
  /** The Edge pool that carried XMPP federation, when known. */
  from: z.string().optional(),
  /** The Edge pool that takes it (-XmppFederationRoute EdgeServer:<to>). */
  to: z.string(),
  /** Present in a failback: the services are not stopped and started around it. */
  failback: z.literal('yes').optional(),
});

export const xmppFederationRoute: OperationSpec<z.infer<typeof args>> = {
  id: 'xmpp-federation-route',
  ref: REF.xmppFederation,
  args,
  check(state, { to }, t) {
    const out: Violation[] = [];
    if (!isEdgePool(findPool(t, to))) return [violation('not-an-edge-pool', `${to} is not an Edge pool of this deployment`, REF.setSite)];
    if (!hasXmpp(t, to)) return [violation('not-in-version', `${to} is Skype for Business Server 2019, which has no XMPP federation (the XMPP Gateway/proxy is removed)`, VERSION_REF.deprecated2019)];
    if (isDown(state, t, to)) out.push(violation('federation-edge-down', `${to} is down; XMPP federation can only move to a running Edge pool`, REF.xmppFederation));
    if (!state.cmsAvailable && state.cmsActive !== null) out.push(violation('cms-writable', 'Set-CsSite writes to the Central Management store, which is unavailable; fail it over first', REF.xmppFederation));
    return out;
  },
  apply(state, { to }) {
    return { ...state, federation: { ...state.federation, xmpp: to } };
  },
  commands(t, { to, failback }, op) {
    const ref = failback ? REF.edgeFailback : REF.xmppFederation;
    const siteId = siteOf(t, to);
    const site = siteId === null ? null : siteName(t, siteId);
    const siteBlank = txt('blank.siteOf', { pool: to });
    const siteText = site ?? siteBlank;
    const servers = machinesOf(t, to);
    const steps: StepDraft[] = [];
    if (!failback) {
      steps.push(...servers.map((m) => commandStep(txt('edge.stop.title', { server: m }), `Stop-CsWindowsService -ComputerName ${m}`, { on: m, ref, check: txt('edge.stop.check', { server: m }) })));
    }
    steps.push(
      commandStep(txt('xmpp.route.title', { site: siteText, to }), `Set-CsSite -Identity ${site === null ? blank(0) : `"${site}"`} -XmppFederationRoute EdgeServer:${to}`, {
        op, ref, check: txt('xmpp.route.check', { site: siteText, to }), blanks: site === null ? [siteBlank] : [],
        notes: [txt('xmpp.route.erratum'), txt('xmpp.route.uncertain')],
      }),
      manualStep(txt('xmpp.dns.title', { to }), [
        txt(failback ? 'xmpp.dns.aRecordFailback' : 'xmpp.dns.aRecord', { to }),
        txt('xmpp.dns.srv', { to }),
        txt('xmpp.dns.tip'),
      ], { ref, check: txt('xmpp.dns.check', { to }) }),
      manualStep(txt('xmpp.port.title', { to }), [txt('xmpp.port.firewall', { to })], { ref, check: txt('xmpp.port.check', { to }) }),
    );
    if (!failback) {
      steps.push(...servers.map((m) => commandStep(txt('edge.start.title', { server: m }), `Start-CsWindowsService -ComputerName ${m}`, { on: m, ref, check: txt('edge.start.check', { server: m }) })));
    }
    return steps;
  },
};
