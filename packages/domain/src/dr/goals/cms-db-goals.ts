/**
 * Goals on the Central Management store and the Back Ends (REFERENCE §e.3, §e.4): a mirrored Back End fails over with
 * Invoke-CsDatabaseFailover; an AlwaysOn Availability Group or a failover cluster instance in SQL Server (versions.ts).
 */
import { commandStep, manualStep } from '../draft';
import { impossible, type PlanBuilder } from '../builder';
import { DATABASE_TYPES } from '../operations/index';
import { principalKey } from '../operations/db-failover';
import { REF } from '../refs';
import { backEndOf, findPool, isDown, machinesOf, partnerOf } from '../topology-view';
import { backEndHaAt, hasPersistentChat, mirrorAt, productAt, VERSION_REF } from '../versions';
import { requireFrontEnd } from './common';
import { txt } from '../text';

export function planCmsFailover(b: PlanBuilder, planned: boolean | undefined): void {
  const active = b.state.cmsActive;
  if (active === null) impossible('the topology has no Central Management store (no CentralMgmt service found)');
  const standby = partnerOf(b.state, active);
  if (!standby) impossible(`the CMS pool ${active} has no backup pool, so there is no standby CMS; pair it (REFERENCE §d.1) or restore the CMS from backup (REFERENCE §c.2)`);
  if (isDown(b.state, b.topology, standby)) impossible(`${standby}, which holds the standby CMS, is down; bring it back first`);
  const reachable = b.state.cmsAvailable && !isDown(b.state, b.topology, active);
  if (planned && !reachable) impossible(`a planned CMS failover needs the CMS on ${active} reachable; it is not — drop --planned for the disaster form`);
  const on = findPool(b.topology, standby)?.machines[0] ?? standby;
  b.add({ id: 'cms-locate', args: { on, cmsPool: active, standby } });
  if (mirrorAt(b.topology, standby)) {
    b.addSteps([
      commandStep(txt('cmsMirror.title', { pool: standby }), `Get-CsDatabaseMirrorState -DatabaseType CentralMgmt -PoolFqdn ${standby}`, {
        on, ref: REF.failover, check: txt('cmsMirror.check'),
        notes: [txt('dbFailover.note.cmsValue')],
      }),
    ]);
  }
  b.add({ id: 'cms-failover', args: reachable ? { to: standby, planned: true } : { to: standby } });
}

export function planDbFailover(b: PlanBuilder, pool: string, type: string): void {
  const p = requireFrontEnd(b.topology, b.state, pool, '--pool');
  const t = DATABASE_TYPES.find((d) => d.toLowerCase() === type.toLowerCase());
  if (!t) impossible(`--type ${type} is not a -DatabaseType of Invoke-CsDatabaseFailover; use one of ${DATABASE_TYPES.join(', ')}`);
  if (t.startsWith('PersistentChat') && !hasPersistentChat(b.topology, p)) impossible(`${p} is Skype for Business Server 2019, which has no Persistent Chat (${VERSION_REF.deprecated2019}); there is no ${t} database to fail over`);
  const ha = backEndHaAt(b.topology, p);
  if (ha === 'alwayson' || ha === 'fci') {
    planSqlHaFailover(b, p, t, ha);
    return;
  }
  if (productAt(b.topology, p) === 'sfb2019') impossible(`${p} is Skype for Business Server 2019, which has no SQL mirroring (${VERSION_REF.deprecated2019}); its Back End fails over in SQL Server (AlwaysOn Availability Group or failover cluster instance): set its HA type in lyncdr.yaml (backEndHa:)`);
  const be = backEndOf(b.topology, p);
  const mirror = mirrorAt(b.topology, p);
  if (!be || !mirror) impossible(`the Back End of ${p} is not mirrored in the topology, so there is no database to fail over to; Invoke-CsDatabaseFailover needs SQL mirroring (REFERENCE §e.4)`);
  if (t === 'CentralMgmt' && b.state.cmsActive !== p) impossible(`${p} does not host the active Central Management store (${b.state.cmsActive ?? 'none'}); fail over CentralMgmt on that pool`);
  const current = b.state.principals[principalKey(p, t)] ?? 'primary';
  const next = current === 'primary' ? 'mirror' : 'primary';
  const target = next === 'mirror' ? mirror.server : be.server;
  if (b.state.down.includes(target)) impossible(`the ${next} Back End ${target} is down too: with both principal and mirror lost the Back End is unavailable; restore it (REFERENCE §c.3)`);
  b.add({ id: 'db-failover', args: { pool: p, type: t, newPrincipal: next } });
  if (t === 'User' && b.state.cmsActive === p) {
    b.warn(txt('warn.alsoCms', { pool: p, ref: REF.mirror }));
  }
}

export function planConferenceContent(b: PlanBuilder, pool: string): void {
  const p = requireFrontEnd(b.topology, b.state, pool, '--pool');
  const partner = partnerOf(b.state, p);
  if (!partner) impossible(`${p} is not paired, so no partner holds a copy of its conference content; restore its file store from backup instead (REFERENCE §c.8)`);
  for (const x of [p, partner]) {
    if (isDown(b.state, b.topology, x)) impossible(`${x} is down; both ${p} and its partner ${partner} must be running to copy conference content back`);
  }
  b.add({ id: 'conference-content-restore', args: { pool: p, syncPool: partner } });
}

/**
 * A Back End in an AlwaysOn Availability Group or a failover cluster instance fails over in SQL Server, never with
 * Invoke-CsDatabaseFailover (back-end-server.md: "you use SQL Server to create the high availability solution";
 * alwayson-availability-group.md: "navigate to the AG. Fail it over to a secondary replica"). The whole group or
 * instance moves, every database of the pool with it; the DR state does not track SQL replicas.
 */
function planSqlHaFailover(b: PlanBuilder, pool: string, type: string, ha: 'alwayson' | 'fci'): void {
  const be = backEndOf(b.topology, pool);
  const server = be ? (be.instance ? `${be.server}\\${be.instance}` : be.server) : '';
  const on = machinesOf(b.topology, pool)[0] ?? pool;
  b.addSteps([
    manualStep(txt(`sqlHa.${ha}.title`, { pool, server }), [
      txt(`sqlHa.${ha}.i0`, { server }),
      txt('sqlHa.i1', { type, pool }),
    ], { on, ref: ha === 'alwayson' ? VERSION_REF.alwaysOn : VERSION_REF.backEndHa, check: txt(`sqlHa.${ha}.check`, { server }), minutes: null }),
  ]);
  b.warn(txt('warn.sqlHa', { pool, kind: txt(`sqlHa.kind.${ha}`), ref: VERSION_REF.backEndHa }));
}
