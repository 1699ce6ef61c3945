/**
 * Get-CsBackupServiceStatus -PoolFqdn <pool>: read-only. Health rule (REFERENCE §0 rule 10, §d.4): query both pools of
 * the pair; every module's ExportStatus is SteadyState or FinalState and ImportStatus is NormalState.
 */
import { z } from 'zod';
import { commandStep } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { machinesOf } from '../topology-view';
import type { OperationSpec } from '../types';

const args = z.strictObject({ pool: z.string() });

export const backupStatus: OperationSpec<z.infer<typeof args>> = {
  id: 'backup-status',
  ref: REF.backupStatus,
  args,
  check: () => [],
  apply: (state) => state,
  commands(t, { pool }, op) {
    return [
      commandStep(txt('backupStatus.title', { pool }), `Get-CsBackupServiceStatus -PoolFqdn ${pool}`, {
        op, on: machinesOf(t, pool)[0] ?? pool, ref: REF.backupStatus,
        check: txt('backupStatus.check'),
        notes: [txt('backupStatus.note.statusNames')],
      }),
    ];
  },
};
