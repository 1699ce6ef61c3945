/**
 * Get-CsBackupServiceStatus -PoolFqdn <pool>: read-only. Health rule (REFERENCE §0 rule 10, §d.4): query both pools of
 * the pair; every module's ExportStatus is SteadyState or FinalState and ImportStatus is NormalState.
 */
import { commandStep, str } from '../draft';
import { txt } from '../text';
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
      commandStep(txt('backupStatus.title', { pool }), `Get-CsBackupServiceStatus -PoolFqdn ${pool}`, {
        op, on: machinesOf(t, pool)[0] ?? pool, ref: REF.backupStatus,
        check: txt('backupStatus.check'),
        notes: [txt('backupStatus.note.statusNames')],
      }),
    ];
  },
};
