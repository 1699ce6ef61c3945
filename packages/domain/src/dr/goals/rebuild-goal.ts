/**
 * The ABC rebuild: pool A lost for good, its users served by partner B, rebuilt as pool C with a new FQDN and paired
 * with B (REFERENCE §0 rule 8, §e.7; lync-server-2013-front-end-pool-abc-failover-procedure.md).
 */
import { impossible, type PlanBuilder } from '../builder';
import { ABC_STAGES } from '../operations/index';
import { REF } from '../refs';
import { findPool, isDown, partnerOf } from '../topology-view';
import { ensureCms, failoverPool, requireFrontEnd } from './common';
import { originalState } from '../state';
import { txt } from '../text';

const BEFORE_FAILOVER = ['locate-cms', 'lis-import', 'lis-publish', 'rgs-import-b', 'announcements-b'];

/**
 * The Group Call Pickup ranges of A, when the deployment lists them, are reassigned to C with the Call Park orbits
 * (manage-group-call-pickup-during-disaster-recovery.md: "reassign all the Group Call Pickup number ranges that were
 * associated with the primary pool to the FQDN of the new pool"); unknown ranges are covered by ABC step 14's line.
 */
function groupPickupToNewPool(b: PlanBuilder, a: string, c: string): void {
  const original = originalState(b.topology).groupPickup;
  const ranges = Object.keys(b.state.groupPickup).filter((r) => b.state.groupPickup[r] === a || original[r] === a).sort();
  for (const range of ranges) b.add({ id: 'group-pickup-orbit', args: { range, pool: c, from: b.state.groupPickup[range] ?? a } });
}

export function planRebuild(b: PlanBuilder, failed: string, newFqdn: string): void {
  const a = requireFrontEnd(b.topology, b.state, failed, '--failed');
  const c = newFqdn.trim().toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(c)) impossible(`--new-fqdn ${newFqdn} is not an FQDN (like pool3.contoso.com)`);
  if (findPool(b.topology, c) || b.state.pools.includes(c)) impossible(`--new-fqdn ${c} is already a pool of the topology; the ABC procedure rebuilds ${a} under a new FQDN (REFERENCE §0 rule 8)`);
  const partner = partnerOf(b.state, a);
  if (!partner) impossible(`${a} has no backup pool; the ABC procedure needs its paired partner B. Restore ${a} from backups instead (REFERENCE §c.7)`);
  if (isDown(b.state, b.topology, partner)) impossible(`${partner}, the partner of ${a}, is down; the ABC procedure needs it running`);
  if (!isDown(b.state, b.topology, a)) b.warn(txt('warn.rebuildNotDown', { pool: a }));
  b.warn(txt('warn.abcPrerequisites', { pool: a, ref: REF.abcPrereq }));
  const names = { failed: a, partner, newPool: c };
  const cmsWasOnA = b.state.cmsActive === a;
  const stage = (id: string): void => {
    const s = ABC_STAGES.find((x) => x.id === id);
    if (!s) return;
    if (s.when && !s.when(b.topology, b.state, { a, b: partner, c })) return;
    b.add({ id: 'abc', args: { ...names, stage: id } });
  };
  stage('locate-cms');
  if (cmsWasOnA || !b.state.cmsAvailable) ensureCms(b, a, null, true);
  if (cmsWasOnA) {
    b.add({ id: 'abc', args: { ...names, stage: 'lis-import' } });
    b.add({ id: 'abc', args: { ...names, stage: 'lis-publish' } });
  }
  for (const id of BEFORE_FAILOVER.slice(3)) stage(id);
  if (b.state.failedOver[a] !== partner) failoverPool(b, a, { followUps: false, lost: true });
  for (const s of ABC_STAGES) {
    if (BEFORE_FAILOVER.includes(s.id)) continue;
    stage(s.id);
    if (s.id === 'call-park') groupPickupToNewPool(b, a, c);
  }
  b.add({ id: 'backup-sync', args: { pool: c } });
  b.add({ id: 'backup-sync', args: { pool: partner } });
  b.add({ id: 'backup-status', args: { pool: c } });
  b.add({ id: 'backup-status', args: { pool: partner } });
  b.warn(txt('warn.abcAfter', { pool: a }));
}
