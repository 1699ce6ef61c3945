/**
 * Invoke-CsBackupServiceSync -PoolFqdn <pool> [-BackupModule <dotted module name>]. -PoolFqdn = "the pool where backup
 * service synchronization is being invoked" (cmdlets/Invoke-CsBackupServiceSync.md); the pool must be paired and both
 * pools reachable. Module names: dotted forms only (REFERENCE §d.4).
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { isDown, machinesOf, partnerOf } from '../topology-view';
import type { DrState, OperationSpec, Violation } from '../types';

export const BACKUP_MODULES = ['UserServices.PresenceFocus', 'ConfServices.DataConf', 'CentralMgmt.CMSMaster', 'ApplicationServer.RGSDataStore', 'ApplicationServer.RGSFileStore'];

/** An ABC rebuild that re-paired this pool but has not restarted the Backup Service on both sides yet. */
function abcBackupPending(state: DrState, pool: string): string | null {
  for (const [a, p] of Object.entries(state.abc)) {
    if ((p.newPool === pool || p.partner === pool) && p.done.includes('repair')) {
      if (!p.done.includes('start-backup-c') || !p.done.includes('start-backup-b')) return a;
    }
  }
  return null;
}

const args = z.strictObject({
  pool: z.string(),
  /** -BackupModule; empty or absent: every module. */
  module: z.string().optional(),
});

export const backupSync: OperationSpec<z.infer<typeof args>> = {
  id: 'backup-sync',
  ref: REF.backupSync,
  args,
  check(state, { pool, module }, t) {
    const out: Violation[] = [];
    if (module && !BACKUP_MODULES.includes(module)) {
      out.push(violation('backup-module', `-BackupModule ${module} is not in the cmdlet reference; use one of ${BACKUP_MODULES.join(', ')} or omit it to sync everything`, REF.backupSync));
    }
    const partner = partnerOf(state, pool);
    if (!partner) return [...out, violation('no-backup-pool', `${pool} is not paired, so the Backup Service has nothing to synchronise`, REF.backupSync)];
    for (const p of [pool, partner]) {
      if (isDown(state, t, p)) out.push(violation('sync-pool-down', `${p} is down; the Backup Service cannot synchronise ${pool} and ${partner}`, REF.configuringBackup));
    }
    const a = abcBackupPending(state, pool);
    if (a) out.push(violation('abc-backup-service-not-started', `the Backup Service must be installed and started on ${state.abc[a]?.newPool} and restarted on ${state.abc[a]?.partner} before syncing (ABC steps 23–24)`, REF.abc));
    return out;
  },
  apply: (state) => state,
  commands(t, { pool, module }, op) {
    return [
      commandStep(module ? txt('backupSync.titleModule', { pool, module }) : txt('backupSync.title', { pool }), `Invoke-CsBackupServiceSync -PoolFqdn ${pool}${module ? ` -BackupModule ${module}` : ''}`, {
        op, on: machinesOf(t, pool)[0] ?? pool, ref: REF.backupSync,
        check: txt('backupSync.check', { pool }),
      }),
    ];
  },
};
