/**
 * Read-only checks that find where the Central Management store is and whether it is available
 * (lync-server-2013-failing-over-a-pool.md steps 1–3). No effect on the state.
 */
import { commandStep, str } from '../draft';
import { REF } from '../refs';
import type { OperationSpec } from '../types';

export const cmsLocate: OperationSpec = {
  id: 'cms-locate',
  ref: REF.failover,
  check: () => [],
  apply: (state) => state,
  commands(_t, op) {
    const on = str(op, 'on') || null;
    return [
      commandStep('Find the pool hosting the Central Management store', 'Invoke-CsManagementServerFailover -WhatIf', {
        op, on, ref: REF.failover,
        check: 'The output names the pool hosting the CMS (CMS_Pool).',
      }),
      commandStep('Check that the Central Management store is available', 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus', {
        op: null, on, ref: REF.failover,
        check: 'ActiveMasterFqdn and ActiveFileTransferAgents both point to CMS_Pool; empty values mean the CMS is unavailable and must be failed over.',
      }),
    ];
  },
};
