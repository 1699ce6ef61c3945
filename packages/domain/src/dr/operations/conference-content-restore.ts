/**
 * Restoring conference content with the Backup Service (lync-server-2013-restoring-conference-contents-using-the-backup-service.md):
 * Invoke-CsBackupServiceSync -PoolFqdn <partner of the pool that lost the data> -BackupModule ConfServices.DataConf, then
 * Get-CsBackupServiceStatus -PoolFqdn <partner> until the DataConf module is in steady state.
 * NOTE the opposite convention to failover/failback: here -PoolFqdn is the partner, not the pool that lost the data
 * (REFERENCE §0 rule 1, §e.8). Get-CsBackupServiceStatus has no -BackupModule parameter (the page's command is wrong).
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { isDown, machinesOf, partnerOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

const args = z.strictObject({
  /** The pool that lost its conference content. */
  pool: z.string(),
  /** -PoolFqdn of the sync: the partner holding the copy. */
  syncPool: z.string(),
});

export const conferenceContentRestore: OperationSpec<z.infer<typeof args>> = {
  id: 'conference-content-restore',
  ref: REF.conferenceContent,
  args,
  check(state, { pool, syncPool }, t) {
    const partner = partnerOf(state, pool);
    if (!partner) return [violation('no-backup-pool', `${pool} is not paired: its conference content has no copy in a partner pool`, REF.conferenceContent)];
    const out: Violation[] = [];
    if (syncPool !== partner) {
      out.push(violation('conference-restore-poolfqdn-partner', `to restore ${pool}'s conference content, -PoolFqdn must name its partner ${partner}, not ${syncPool} — the opposite of the failover/failback convention (REFERENCE §e.8)`, REF.conferenceContent));
    }
    for (const p of [pool, partner]) if (isDown(state, t, p)) out.push(violation('sync-pool-down', `${p} is down; conference content cannot be copied`, REF.conferenceContent));
    return out;
  },
  apply: (state) => state,
  commands(t, { pool, syncPool }, op) {
    const on = machinesOf(t, syncPool)[0] ?? syncPool;
    return [
      commandStep(txt('conferenceContent.title', { pool, from: syncPool }), `Invoke-CsBackupServiceSync -PoolFqdn ${syncPool} -BackupModule ConfServices.DataConf`, {
        op, on, ref: REF.conferenceContent,
        notes: [txt('conferenceContent.note.partner', { pool: syncPool })],
      }),
      commandStep(txt('conferenceContent.wait.title', { pool: syncPool }), `Get-CsBackupServiceStatus -PoolFqdn ${syncPool}`, {
        op: null, on, ref: REF.conferenceContent,
        check: txt('conferenceContent.wait.check'),
        notes: [txt('conferenceContent.wait.erratum')],
      }),
    ];
  },
};
