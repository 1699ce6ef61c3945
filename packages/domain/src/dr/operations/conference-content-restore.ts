/**
 * Restoring conference content with the Backup Service (lync-server-2013-restoring-conference-contents-using-the-backup-service.md):
 * Invoke-CsBackupServiceSync -PoolFqdn <partner of the pool that lost the data> -BackupModule ConfServices.DataConf, then
 * Get-CsBackupServiceStatus -PoolFqdn <partner> until the DataConf module is in steady state.
 * NOTE the opposite convention to failover/failback: here -PoolFqdn is the partner, not the pool that lost the data
 * (REFERENCE §0 rule 1, §e.8). Get-CsBackupServiceStatus has no -BackupModule parameter (the page's command is wrong).
 */
import { commandStep, str, violation } from '../draft';
import { REF } from '../refs';
import { isDown, machinesOf, partnerOf } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

export const conferenceContentRestore: OperationSpec = {
  id: 'conference-content-restore',
  ref: REF.conferenceContent,
  check(state, op, t) {
    const pool = str(op, 'pool');
    const syncPool = str(op, 'syncPool');
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
  commands(t, op) {
    const pool = str(op, 'pool');
    const syncPool = str(op, 'syncPool');
    const on = machinesOf(t, syncPool)[0] ?? syncPool;
    return [
      commandStep(`Copy ${pool}'s conference content back from ${syncPool}`, `Invoke-CsBackupServiceSync -PoolFqdn ${syncPool} -BackupModule ConfServices.DataConf`, {
        op, on, ref: REF.conferenceContent,
        notes: [`-PoolFqdn is ${syncPool}, the partner of the pool that lost the data — the opposite of Invoke-CsPoolFailOver/FailBack, whose -PoolFqdn is the home pool (REFERENCE §0 rule 1, §e.8).`],
      }),
      commandStep(`Wait until the conference module of ${syncPool} is in steady state`, `Get-CsBackupServiceStatus -PoolFqdn ${syncPool}`, {
        op: null, on, ref: REF.conferenceContent,
        check: 'The ConfServices.DataConf entry of BackupModules reports SteadyState; repeat the command until it does.',
        notes: ['ERRATUM: the page adds -BackupModule ConfServices.DataConf to Get-CsBackupServiceStatus; that parameter exists in no version of the cmdlet (REFERENCE §e.8).'],
      }),
    ];
  },
};
