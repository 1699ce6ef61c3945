/**
 * Read-only checks that find where the Central Management store is, the backup pool of the CMS pool (where the standby
 * CMS lives) and whether the CMS is available (lync-server-2013-failing-over-a-pool.md steps 1–3). No effect on the state.
 * Args: `on` (where to run), `cmsPool` and `standby` (when known, step 2 is printed).
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
    const cmsPool = str(op, 'cmsPool');
    const standby = str(op, 'standby');
    return [
      commandStep('Find the pool hosting the Central Management store', 'Invoke-CsManagementServerFailover -WhatIf', {
        op, on, ref: REF.failover,
        check: 'The output names the pool hosting the CMS (CMS_Pool).',
      }),
      ...(cmsPool ? [commandStep(`Find the backup pool of the CMS pool ${cmsPool}`, `Get-CsPoolBackupRelationship -PoolFqdn ${cmsPool}`, {
        op: null, on, ref: REF.failover, check: standby ? `The backup pool is ${standby} (it holds the standby CMS)` : null,
        notes: ['ERRATUM: the page says "backup pool of Pool 1"; the standby CMS lives in the CMS pool\'s partner (REFERENCE §e.1 step 2).'],
      })] : []),
      commandStep('Check that the Central Management store is available', 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus', {
        op: null, on, ref: REF.failover,
        check: 'ActiveMasterFqdn and ActiveFileTransferAgents both point to CMS_Pool; empty values mean the CMS is unavailable and must be failed over.',
      }),
    ];
  },
};
