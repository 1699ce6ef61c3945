import type { StatusEntry } from '@lyncdr/protocol';
import type { Evidence, PolicyDefaults, PolicyRule } from './model';
import { evaluateProbe, field, list } from './probe';

/**
 * Central Management store replication (Get-CsManagementStoreReplicationStatus; REFERENCE §e.3,
 * cmdlets/Get-CsManagementStoreReplicationStatus.md): every replica should show UpToDate = True.
 */
export function evaluateCmsReplication(e: Evidence, rule: PolicyRule, defaults: PolicyDefaults, now: Date): StatusEntry {
  return evaluateProbe('cms-replication:global', e, rule, defaults, rule.rpoMinutes ?? defaults.cmsReplicationRpoMinutes, now, (data) => {
    const replicas = list(data, 'replicas', 'Replicas');
    if (!replicas.length) return { unknown: { text: 'the replication status lists no replicas', code: 'cms.noReplicas', params: {} } };
    const stale = replicas
      .filter((r) => {
        const v = field(r, 'UpToDate', 'upToDate');
        return !(v === true || v === 'True' || v === 'true');
      })
      .map((r) => String(field(r, 'ReplicaFqdn', 'replicaFqdn') ?? '?'));
    return stale.length
      ? { healthy: false, said: { text: `${stale.length} of ${replicas.length} CMS replica(s) not up to date: ${stale.join(', ')}`, code: 'cms.notUpToDate', params: { stale, total: replicas.length } } }
      : { healthy: true, said: { text: `all ${replicas.length} CMS replica(s) up to date`, code: 'cms.upToDate', params: { replicas: replicas.length } } };
  });
}
