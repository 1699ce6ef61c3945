/**
 * Read-only checks that find where the Central Management store is, the backup pool of the CMS pool (where the standby
 * CMS lives) and whether the CMS is available (lync-server-2013-failing-over-a-pool.md steps 1–3). No effect on the state.
 * Args: `on` (where to run), `cmsPool` and `standby` (when known, step 2 is printed).
 */
import { z } from 'zod';
import { commandStep } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import type { OperationSpec } from '../types';

const args = z.strictObject({
  on: z.string().optional(),
  cmsPool: z.string().optional(),
  standby: z.string().optional(),
});

export const cmsLocate: OperationSpec<z.infer<typeof args>> = {
  id: 'cms-locate',
  ref: REF.failover,
  args,
  check: () => [],
  apply: (state) => state,
  commands(_t, { on: where, cmsPool, standby }, op) {
    const on = where || null;
    return [
      commandStep(txt('cmsLocate.title'), 'Invoke-CsManagementServerFailover -WhatIf', {
        op, on, ref: REF.failover,
        check: txt('cmsLocate.check'),
      }),
      ...(cmsPool ? [commandStep(txt('cmsLocate.relationship.title', { pool: cmsPool }), `Get-CsPoolBackupRelationship -PoolFqdn ${cmsPool}`, {
        op: null, on, ref: REF.failover, check: standby ? txt('cmsLocate.relationship.check', { pool: standby }) : null,
        notes: [txt('cmsLocate.relationship.erratum')],
      })] : []),
      commandStep(txt('cmsLocate.available.title'), 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus', {
        op: null, on, ref: REF.failover,
        check: txt('cmsLocate.available.check'),
      }),
    ];
  },
};
