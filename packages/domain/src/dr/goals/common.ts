/** Sub-plans shared by several goals: CMS first, Edge next hops, pool failover and failback with their follow-ups. */
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { backupFileName } from '../../inventory/backup-files';
import { impossible, type PlanBuilder } from '../builder';
import { commandStep, manualStep } from '../draft';
import { MINUTES, REF } from '../refs';
import { backEndDown, edgesUsingNextHop, findPool, isDown, isRegistrarPool, machinesOf, partnerOf, siteOf, syncKey } from '../topology-view';
import { hasStartPool, VERSION_REF } from '../versions';
import { originalState } from '../state';
import { blank, txt } from '../text';
import type { DrState } from '../types';

/** The canonical FQDN of a pool of the topology, or E_UNKNOWN_FQDN naming the option. */
export function requirePool(t: Topology, state: DrState, fqdn: string, option: string): string {
  const p = findPool(t, fqdn);
  if (p) return p.fqdn;
  const extra = state.pools.find((x) => x.toLowerCase() === fqdn.toLowerCase());
  if (extra) return extra;
  const known = t.pools.map((x) => x.fqdn).slice(0, 12).join(', ');
  throw new LyncdrError('E_UNKNOWN_FQDN', `${option} ${fqdn}: no such pool in the topology; known pools: ${known}${t.pools.length > 12 ? ', …' : ''}`, { location: { where: option } });
}

export function requireFrontEnd(t: Topology, state: DrState, fqdn: string, option: string): string {
  const p = requirePool(t, state, fqdn, option);
  if (!state.pools.includes(p) && !isRegistrarPool(findPool(t, p))) {
    impossible(`${option} ${p} is a ${findPool(t, p)?.kind ?? 'non-Front End'} pool; this goal needs a Front End pool or Standard Edition server`);
  }
  return p;
}

/** RPO warnings from the Backup Service status of the direction `from → to` (REFERENCE §0 rule 10, §d.3). */
export function warnRpo(b: PlanBuilder, from: string, to: string): void {
  const s = b.state.sync[syncKey(from, to)] ?? 'unknown';
  if (s === 'SteadyState' || s === 'FinalState') return;
  if (s === 'unknown') {
    b.warn(txt('warn.rpoUnknown', { from, to, minutes: MINUTES.poolFailover }));
  } else {
    b.warn(txt('warn.rpoStatus', { from, to, status: s, minutes: MINUTES.poolFailover }));
  }
}

/**
 * Fails the CMS over first when it is on `pool` or unavailable (REFERENCE §0 rule 3, failing-over-a-pool steps 1–5).
 * `poolLost`: `pool` is lost for good whatever the state says (a rebuild), so a CMS on it needs the disaster form.
 */
export function ensureCms(b: PlanBuilder, pool: string, on: string | null, poolLost = false): void {
  const active = b.state.cmsActive;
  if (active === null) return;
  const standby = partnerOf(b.state, active);
  const located = b.drafts.some((d) => d.op?.id === 'cms-locate' || d.op?.args.stage === 'locate-cms');
  if (!located) b.add({ id: 'cms-locate', args: { on: on ?? '', cmsPool: active, standby: standby ?? '' } });
  if (active !== pool && b.state.cmsAvailable) return;
  if (!standby) impossible(`the Central Management store on ${active} must be failed over before ${pool}, but ${active} has no backup pool holding a standby CMS; restore the CMS from backup first (REFERENCE §c.2)`);
  if (isDown(b.state, b.topology, standby)) impossible(`the Central Management store on ${active} must be failed over to ${standby}, but ${standby} is down; bring ${standby} back up first`);
  const planned = b.state.cmsAvailable && !isDown(b.state, b.topology, active) && !(poolLost && active === pool);
  b.add({ id: 'cms-failover', args: planned ? { to: standby, planned: true } : { to: standby } });
}

/** Points every running Edge pool whose next hop is `pool` to `newHop` (REFERENCE §0 rule 4). */
export function repointEdges(b: PlanBuilder, pool: string, newHop: string): void {
  for (const edge of edgesUsingNextHop(b.state, b.topology, pool)) {
    b.add({ id: 'edge-next-hop', args: { edge, hop: newHop } });
  }
}

/** True when lyncdr.yaml (groupPickup:) or the state names the Group Call Pickup ranges of `pool` (possibly none). */
function pickupKnown(b: PlanBuilder, pool: string): boolean {
  const listed = Object.keys(b.topology.overlay?.groupPickup ?? {}).some((p) => p.toLowerCase() === pool.toLowerCase());
  return listed || Object.values(originalState(b.topology).groupPickup).includes(pool) || Object.values(b.state.groupPickup).includes(pool);
}

/**
 * Group Call Pickup ranges follow the users (manage-group-call-pickup-during-disaster-recovery.md): after a failover the
 * ranges hosted by `from` go to `to`; after a failback the ranges `to` hosts in the topology come back to it. One line
 * per known range, one TBD line when the deployment's list is unknown.
 */
export function redirectGroupPickup(b: PlanBuilder, from: string, to: string, direction: 'failover' | 'failback'): void {
  const original = originalState(b.topology).groupPickup;
  const ranges = Object.entries(b.state.groupPickup)
    .filter(([range, host]) => (direction === 'failover' ? host === from : host !== to && original[range] === to))
    .map(([range]) => range)
    .sort();
  const owner = direction === 'failover' ? from : to;
  if (!b.state.cmsAvailable && b.state.cmsActive !== null) {
    b.warn(txt('warn.groupPickupNoCms', { pool: owner, to, ref: REF.groupPickup }));
    return;
  }
  if (ranges.length === 0 && !pickupKnown(b, owner)) {
    b.add({ id: 'group-pickup-orbit', args: { range: '', pool: to, from } });
    return;
  }
  for (const range of ranges) b.add({ id: 'group-pickup-orbit', args: { range, pool: to, from } });
}

/**
 * SfB 2015+: the home pool, back after the disaster, is started as a whole with Start-CsPool (cmdlets/Start-CsPool.md,
 * docs-sfb; -QuorumLossRecovery only for routing groups in quorum loss). Lync 2013 has no such cmdlet: its servers are
 * started one by one, as the failback page assumes a healthy pool.
 */
function startPool(b: PlanBuilder, pool: string): void {
  if (!hasStartPool(b.topology, pool)) return;
  b.addSteps([
    commandStep(txt('startPool.title', { pool }), `Start-CsPool -PoolFqdn ${pool}`, {
      on: machinesOf(b.topology, pool)[0] ?? pool, ref: VERSION_REF.startPool,
      check: txt('startPool.check', { pool }),
      notes: [txt('startPool.note.cold', { pool }), txt('startPool.note.quorum', { ref: VERSION_REF.startPool })],
    }),
  ]);
}

/** Invoke-CsPoolFailBack for `pool` (its users come home from its partner) with the documented follow-ups. */
export function failbackPool(b: PlanBuilder, pool: string, opts: { followUps: boolean }): void {
  const serving = b.state.failedOver[pool];
  if (!serving) impossible(`${pool}'s users are not failed over; nothing to fail back`);
  if (isDown(b.state, b.topology, pool)) {
    impossible(`${pool} is down: fail back only once ${pool} is healthy again (${REF.failback}); restore it (REFERENCE §c.7), or if it is lost for good rebuild it: lyncdr plan rebuild --failed ${pool} --new-fqdn <new pool FQDN>`);
  }
  startPool(b, pool);
  b.add({ id: 'backup-status', args: { pool: serving } });
  b.add({ id: 'backup-status', args: { pool } });
  b.add({ id: 'pool-failback', args: { pool, from: serving, disaster: isDown(b.state, b.topology, serving) } });
  if (!opts.followUps) return;
  b.add({ id: 'conference-content-restore', args: { pool, syncPool: serving } });
  b.drafts[b.drafts.length - 2]?.notes.push(txt('conferenceContent.note.docsDisagree'));
  b.addSteps([
    commandStep(txt('rgsFailback.export.title', { pool, from: serving }), `Export-CsRgsConfiguration -Source "service:ApplicationServer:${serving}" -Owner "service:ApplicationServer:${pool}" -FileName ${blank(0)}`, {
      ref: REF.rgs, check: txt('rgs.check.zipNoOverwrite'), blanks: [txt('blank.rgsFailbackFile')],
    }),
    commandStep(txt('rgsFailback.import.title', { pool }), `Import-CsRgsConfiguration -Destination "service:ApplicationServer:${pool}" -OverwriteOwner -FileName ${blank(0)}`, {
      ref: REF.rgs, check: txt('rgsFailback.import.check', { pool }), blanks: [txt('blank.previousExport')],
    }),
    manualStep(txt('announcementsFailback.title', { pool }), [
      txt('announcementsFailback.i0', { pool }),
    ], { ref: REF.announcements, check: txt('announcements.check') }),
  ]);
  redirectGroupPickup(b, serving, pool, 'failback');
  const original = Object.entries(originalState(b.topology).nextHops).filter(([edge, hop]) => hop === pool && !isDown(b.state, b.topology, edge));
  for (const [edge] of original) {
    if (b.state.nextHops[edge] !== pool) b.add({ id: 'edge-next-hop', args: { edge, hop: pool } });
  }
}

/**
 * Invoke-CsPoolFailOver for `pool` to its partner, with CMS and Edge next hop first and the follow-ups after.
 * `lost`: the pool is lost for good (a rebuild's --failed), so the disaster forms are used whatever the state says.
 */
export function failoverPool(b: PlanBuilder, pool: string, opts: { planned?: boolean; followUps: boolean; lost?: boolean }): void {
  const t = b.topology;
  const partner = partnerOf(b.state, pool);
  if (!partner) impossible(`${pool} has no backup pool, so it cannot be failed over; pair it with a Front End pool in another site in Topology Builder (Edit Properties → Resiliency → Associated Backup Pool), publish, run Bootstrapper.exe on every Front End and start the Backup Service (REFERENCE §d.1)`);
  if (b.state.failedOver[pool] === partner) impossible(`${pool}'s users are already failed over to ${partner}; nothing to do`);
  if (isDown(b.state, t, partner)) impossible(`${partner}, the backup pool of ${pool}, is down; it must be running to take ${pool}'s users — bring it back first, or restore ${pool} from backups (REFERENCE §c.7)`);
  const down = opts.lost === true || isDown(b.state, t, pool) || backEndDown(b.state, t, pool);
  if (opts.planned && down) impossible(`a planned failover needs ${pool} running, and it is down (or its Back End is); drop --planned to fail over in disaster mode`);
  const on = findPool(t, partner)?.machines[0] ?? partner;
  if (b.state.failedOver[partner] === pool) {
    b.warn(txt('warn.failbackFirst', { pool, partner }));
    failbackPool(b, partner, { followUps: false });
  }
  b.add({ id: 'backup-status', args: { pool: partner } });
  if (!down) b.add({ id: 'backup-status', args: { pool } });
  warnRpo(b, pool, partner);
  ensureCms(b, pool, on, opts.lost);
  repointEdges(b, pool, partner);
  b.add({ id: 'pool-failover', args: { pool, to: partner, disaster: down } });
  if (!down) b.warn(txt('warn.plannedFailover', { pool }));
  if (!opts.followUps) return;
  const sameSiteEdges = t.pools.filter((p) => p.kind === 'Edge' && siteOf(t, p.fqdn) === siteOf(t, pool) && isDown(b.state, t, p.fqdn));
  if (sameSiteEdges.length > 0) b.warn(txt('warn.sameSiteEdgeDown', { edges: sameSiteEdges.map((e) => e.fqdn).join(', '), pool, edge: sameSiteEdges[0]?.fqdn ?? '' }));
  b.addSteps([
    manualStep(txt('lisFailover.title', { pool: partner }), [
      txt('lisFailover.i0'),
    ], { ref: REF.userExperience, check: txt('lisFailover.check') }),
    commandStep(txt('rgsFailover.title', { pool, to: partner }), `Import-CsRgsConfiguration -Destination "service:ApplicationServer:${partner}" -FileName ${blank(0)}`, {
      ref: REF.rgs, blanks: [txt('blank.latestRgsExport', { pool, file: backupFileName(t, 'rgs', pool) })],
      check: txt('rgsFailover.check', { pool, to: partner }),
      notes: [txt('rgsFailover.note0')],
    }),
    manualStep(txt('announcementsFailover.title', { pool, to: partner }), [
      txt('announcementsFailover.i0', { to: partner }),
    ], { ref: REF.announcements, check: txt('announcements.check') }),
  ]);
  redirectGroupPickup(b, pool, partner, 'failover');
}
