import type { StatusEntry } from '@lyncdr/protocol';
import type { Evidence, PolicyDefaults, PolicyRule } from './model';
import { evaluateProbe, field, list } from './probe';

/**
 * Back End mirroring (Get-CsDatabaseMirrorState -PoolFqdn <pool> -DatabaseType <type>; REFERENCE §e.4,
 * cmdlets/Get-CsDatabaseMirrorState.md). Per database: DatabaseName, StateOnPrimary, StateOnMirror,
 * MirroringStatusOnPrimary, MirroringStatusOnSecondary; `DatabaseInaccessibleOrMirroringNotEnabled` means no mirror
 * or unreachable. A mirroring status other than Synchronized is reported by name (values to confirm on a lab server).
 * On SfB 2019 the agent reports `mirroring: not-supported` (no SQL mirroring: docs-sfb/SfBServer2019/deprecated.md):
 * nothing to watch, so ok and said so.
 */
export function evaluateMirrorState(e: Evidence, rule: PolicyRule, defaults: PolicyDefaults, now: Date): StatusEntry {
  const subject = e.observation.itemId ?? e.observation.subject;
  const itemId = subject.startsWith('mirror:') ? subject : `mirror:${subject}`;
  return evaluateProbe(itemId, e, rule, defaults, rule.rpoMinutes ?? defaults.backupServiceRpoMinutes, now, (data) => {
    if (field(data, 'mirroring') === 'not-supported') {
      return { healthy: true, said: { text: 'SQL mirroring does not exist in this product version (Skype for Business Server 2019): not applicable', code: 'mirror.notSupported', params: {} } };
    }
    const dbs = list(data, 'databases', 'Databases');
    if (!dbs.length) return { unknown: { text: 'the mirror state lists no databases', code: 'mirror.noDatabases', params: {} } };
    const bad: string[] = [];
    const states: { name: string; state: string }[] = [];
    for (const d of dbs) {
      const name = String(field(d, 'DatabaseName', 'databaseName') ?? '?');
      const camel = (k: string) => k[0]!.toLowerCase() + k.slice(1);
      const values = [['StateOnPrimary'], ['StateOnMirror'], ['MirroringStatusOnPrimary'], ['MirroringStatusOnSecondary', 'MirroringStatusOnMirror']]
        .map((ks) => String(field(d, ...ks.flatMap((k) => [k, camel(k)])) ?? ''));
      if (values.includes('DatabaseInaccessibleOrMirroringNotEnabled')) {
        bad.push(`${name}: inaccessible or mirroring not enabled`);
        states.push({ name, state: 'DatabaseInaccessibleOrMirroringNotEnabled' });
      } else {
        const status = values.slice(2).find((v) => v && v.toLowerCase() !== 'synchronized');
        if (status) {
          bad.push(`${name}: ${status}`);
          states.push({ name, state: status });
        }
      }
    }
    return bad.length
      ? { healthy: false, said: { text: `mirroring not synchronized: ${bad.join(', ')}`, code: 'mirror.notSynchronized', params: { databases: states } } }
      : { healthy: true, said: { text: `${dbs.length} mirrored database(s) synchronized`, code: 'mirror.synchronized', params: { databases: dbs.length } } };
  });
}
