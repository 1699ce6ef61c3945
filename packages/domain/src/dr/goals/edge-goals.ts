/**
 * Goals on Edge pools: moving Lync / XMPP federation to another Edge pool and back, and changing the Edge pool a
 * Front End pool uses for media (REFERENCE §e.5).
 */
import { LyncdrError } from '@lyncdr/errors';
import { commandStep } from '../draft';
import { impossible, type PlanBuilder } from '../builder';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool, machinesOf, siteOf } from '../topology-view';
import { originalState } from '../state';
import { failbackPool, requirePool } from './common';
import { txt } from '../text';
import { hasXmpp, VERSION_REF } from '../versions';
import { federationFact, type FactSource, type FederationFact, type FederationKind } from '../federation-facts';

function requireEdge(b: PlanBuilder, fqdn: string, option: string): string {
  const p = requirePool(b.topology, b.state, fqdn, option);
  if (!isEdgePool(findPool(b.topology, p))) impossible(`${option} ${p} is a ${findPool(b.topology, p)?.kind} pool, not an Edge pool`);
  return p;
}

/** A running Edge pool other than `edge`, preferring another site. */
function pickTarget(b: PlanBuilder, edge: string): string | null {
  const others = b.topology.pools.filter((p) => p.kind === 'Edge' && p.fqdn !== edge && !isDown(b.state, b.topology, p.fqdn));
  const site = siteOf(b.topology, edge);
  return (others.find((p) => p.site !== site) ?? others[0])?.fqdn ?? null;
}

const NAME: Record<FederationKind, string> = { lync: 'Lync', xmpp: 'XMPP' };
const SOURCE: Record<FactSource, string> = { state: 'the DR state (--state or --federation-on)', overlay: 'lyncdr.yaml (federation:)', topology: 'the published topology' };

/** Says which source the plan used for a federation route (state, then overlay, then topology). */
function warnSource(b: PlanBuilder, f: FederationFact): void {
  if (f.edge !== null && f.source !== null) b.warn(txt(`warn.federationSource.${f.kind}`, { edge: f.edge, source: txt(`source.${f.source}`) }));
}

export function planEdgeFailover(b: PlanBuilder, edgeArg: string, federation: FederationKind | undefined, toArg: string | undefined): void {
  const edge = requireEdge(b, edgeArg, '--pool');
  const to = toArg ? requireEdge(b, toArg, '--to') : pickTarget(b, edge);
  if (!to) impossible(`no other running Edge pool can take over from ${edge}; deploy a second Edge pool first (REFERENCE §e.5)`);
  if (to === edge) impossible(`--to names ${edge} itself; choose another Edge pool`);
  if (isDown(b.state, b.topology, to)) impossible(`${to} is down; federation can only move to a running Edge pool`);
  if (federation === 'xmpp' && !hasXmpp(b.topology, edge)) impossible(`${edge} is Skype for Business Server 2019, which has no XMPP federation (${VERSION_REF.deprecated2019}); nothing to fail over for XMPP`);
  const federationKinds = hasXmpp(b.topology, edge) ? (['lync', 'xmpp'] as const) : (['lync'] as const);
  const facts = federationKinds.map((k) => federationFact(b.state, b.topology, k));
  const chosen = facts.filter((f) => (federation ? f.kind === federation : f.edge === edge));
  for (const f of chosen) {
    if (f.edge !== null && f.edge !== edge) impossible(`${NAME[f.kind]} federation goes through ${f.edge}, not ${edge}, according to ${SOURCE[f.source ?? 'state']}; nothing to fail over for it`);
    if (f.edge === null) b.warn(txt(`warn.federationAssumed.${f.kind}`, { edge }));
    else warnSource(b, f);
  }
  const kinds = chosen.map((f) => f.kind);
  if (kinds.includes('xmpp') && !hasXmpp(b.topology, to)) impossible(`XMPP federation goes through ${edge}, but ${to} is Skype for Business Server 2019, which has no XMPP federation (${VERSION_REF.deprecated2019}); pass --to an Edge pool of an earlier version`);
  const feUsers = Object.entries(b.state.edgeAssociations).filter(([fe, e]) => e === edge && !isDown(b.state, b.topology, fe)).map(([fe]) => fe);
  if (kinds.length === 0 && feUsers.length === 0) {
    impossible(`${edge} carries no federation route and no running Front End pool uses it for media; pass --federation lync|xmpp (or --federation-on ${edge}) if the topology does not say`);
  }
  if (!isDown(b.state, b.topology, edge)) b.warn(txt('warn.edgePlannedMove', { edge }));
  for (const k of kinds) {
    if (k === 'lync') {
      b.add({ id: 'lync-federation-route', args: { from: edge, to } });
      b.warn(txt('warn.lyncInbound', { ref: REF.edgeDr }));
    } else {
      b.add({ id: 'xmpp-federation-route', args: { from: edge, to } });
      b.warn(txt('warn.xmppDown'));
    }
  }
  for (const fe of feUsers) b.add({ id: 'edge-associate', args: { pool: fe, edge: to } });
}

/**
 * Failing back federation to a restored Edge pool (failing-back-the-edge-pool…md steps 1–5): services, then the Lync
 * route (Topology Builder, publish, Deployment Wizard), the XMPP route (Set-CsSite, DNS SRV, port 5269), the Front End
 * pools' Edge associations, then the co-located Front End pool's failback.
 */
export function planEdgeFailback(b: PlanBuilder, edgeArg: string): void {
  const edge = requireEdge(b, edgeArg, '--pool');
  if (isDown(b.state, b.topology, edge)) impossible(`${edge} is still down; restore it (REFERENCE §c.6) before failing back`);
  const original = originalState(b.topology);
  b.addSteps(machinesOf(b.topology, edge).map((m) => commandStep(txt('edge.start.title', { server: m }), `Start-CsWindowsService -ComputerName ${m}`, {
    on: m, ref: REF.edgeFailback, check: txt('edge.start.check', { server: m }),
  })));
  let moved = 0;
  for (const k of hasXmpp(b.topology, edge) ? (['lync', 'xmpp'] as const) : (['lync'] as const)) {
    const f = federationFact(b.state, b.topology, k);
    if (f.edge === edge) continue;
    if (f.edge === null) {
      b.warn(txt(`warn.federationUnknownNow.${k}`, { edge }));
      continue;
    }
    if (f.home !== null && f.home !== edge) continue;
    warnSource(b, f);
    if (f.home === null) b.warn(txt(`warn.federationHomeUnknown.${k}`, { edge }));
    b.add({ id: k === 'lync' ? 'lync-federation-route' : 'xmpp-federation-route', args: { from: f.edge, to: edge, failback: 'yes' } });
    moved++;
  }
  for (const [fe, e] of Object.entries(original.edgeAssociations)) {
    if (e === edge && b.state.edgeAssociations[fe] !== edge && b.state.pools.includes(fe)) {
      b.add({ id: 'edge-associate', args: { pool: fe, edge } });
      moved++;
    }
  }
  const site = siteOf(b.topology, edge);
  for (const [home] of Object.entries(b.state.failedOver)) {
    if (siteOf(b.topology, home) === site && !isDown(b.state, b.topology, home)) {
      failbackPool(b, home, { followUps: true });
      moved++;
    }
  }
  if (moved === 0) b.warn(txt('warn.nothingRoutesAway', { edge }));
}

export function planEdgeAssociate(b: PlanBuilder, poolArg: string, edgeArg: string): void {
  const pool = requirePool(b.topology, b.state, poolArg, '--pool');
  if (!b.state.pools.includes(pool)) throw new LyncdrError('E_PLAN_IMPOSSIBLE', `--pool ${pool} is not a Front End pool`);
  const edge = requireEdge(b, edgeArg, '--edge');
  if (isDown(b.state, b.topology, edge)) impossible(`${edge} is down; associate ${pool} with a running Edge pool`);
  if (b.state.edgeAssociations[pool] === edge) b.warn(txt('warn.alreadyAssociated', { pool, edge }));
  b.add({ id: 'edge-associate', args: { pool, edge } });
}
