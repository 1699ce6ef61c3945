/**
 * Get-CsBackupServiceStatus -PoolFqdn <pool>: read-only. Health rule (REFERENCE §0 rule 10, §d.4): query both pools of
 * the pair; every module's ExportStatus is SteadyState or FinalState and ImportStatus is NormalState.
 */
import { commandStep, str } from '../draft';
import { REF } from '../refs';
import { machinesOf } from '../topology-view';
import type { OperationSpec } from '../types';

export const backupStatus: OperationSpec = {
  id: 'backup-status',
  ref: REF.backupStatus,
  check: () => [],
  apply: (state) => state,
  commands(t, op) {
    const pool = str(op, 'pool');
    return [
      commandStep(`Check the Backup Service status of ${pool}`, `Get-CsBackupServiceStatus -PoolFqdn ${pool}`, {
        op, on: machinesOf(t, pool)[0] ?? pool, ref: REF.backupStatus,
        check: 'In BackupModules, every module ExportStatus is SteadyState or FinalState (NotInitialized is normal for CentralMgmt.CMSMaster on a pool that is not CMS master) and ImportStatus is NormalState; NonSteadyState or ErrorState means data loss beyond the RPO.',
        notes: ['The status names come from the Backup Service team blog, not the doc pages (REFERENCE §0 rule 10).'],
      }),
    ];
  },
};
