import type { StatusEntry } from '@lyncdr/protocol';
import type { Evidence, PolicyDefaults, PolicyRule } from './model';
import { evaluateProbe, field, list } from './probe';

/**
 * Backup Service between paired pools (Get-CsBackupServiceStatus -PoolFqdn <pool>; REFERENCE §d.4,
 * cmdlets/Get-CsBackupServiceStatus.md). Healthy when every module's export state is SteadyState or FinalState
 * (NotInitialized accepted only for CentralMgmt.CMSMaster on a pool that is not the CMS master) and every import state
 * is NormalState. An unhealthy state is late while within the RPO and failed beyond it (Lync Server 2013 target 30 min,
 * lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md).
 */
export function evaluateBackupService(e: Evidence, rule: PolicyRule, defaults: PolicyDefaults, now: Date): StatusEntry {
  const pool = e.observation.itemId ?? e.observation.subject;
  const itemId = pool.startsWith('backup-service:') ? pool : `backup-service:${pool}`;
  return evaluateProbe(itemId, e, rule, defaults, rule.rpoMinutes ?? defaults.backupServiceRpoMinutes, now, (data) => {
    const modules = list(data, 'modules', 'BackupModules');
    if (!modules.length) return { unknown: { text: 'the Backup Service status lists no backup modules', code: 'backupService.noModules', params: {} } };
    const bad: string[] = [];
    const states: { module: string; export?: string; import?: string }[] = [];
    for (const m of modules) {
      const id = String(field(m, 'identity', 'Identity') ?? '?');
      const exp = String(field(m, 'exportStatus', 'ExportStatus') ?? '');
      const imp = String(field(m, 'importStatus', 'ImportStatus') ?? '');
      const healthy = field(m, 'healthy');
      if (typeof healthy === 'boolean') {
        // The collector already applied the rule, knowing which pool is the CMS master.
        if (!healthy) {
          bad.push(`${id} export ${exp || 'missing'} / import ${imp || 'missing'}`);
          states.push({ module: id, export: exp, import: imp });
        }
        continue;
      }
      const exportOk = exp === 'SteadyState' || exp === 'FinalState' || (exp === 'NotInitialized' && id === 'CentralMgmt.CMSMaster');
      if (!exportOk) {
        bad.push(`${id} export ${exp || 'missing'}`);
        states.push({ module: id, export: exp });
      }
      if (imp !== 'NormalState') {
        bad.push(`${id} import ${imp || 'missing'}`);
        states.push({ module: id, import: imp });
      }
    }
    const lag = field(data, 'lagSeconds');
    const lagNote = typeof lag === 'number' ? ` (lag ${Math.round(lag)} s)` : '';
    const lagSeconds = typeof lag === 'number' ? Math.round(lag) : null;
    return bad.length
      ? { healthy: false, said: { text: `Backup Service not in steady state: ${bad.join(', ')}${lagNote}`, code: 'backupService.notSteady', params: { modules: states, lagSeconds } } }
      : { healthy: true, said: { text: `Backup Service in steady state for ${modules.length} module(s)${lagNote}`, code: 'backupService.steady', params: { modules: modules.length, lagSeconds } } };
  });
}
