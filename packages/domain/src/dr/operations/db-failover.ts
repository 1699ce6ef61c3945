/**
 * Invoke-CsDatabaseFailover -PoolFqdn <pool> -DatabaseType <type> -NewPrincipal mirror|primary (all three required).
 * Rules: lync-server-2013-failing-over-a-mirrored-database.md (check Get-CsDatabaseMirrorState first; `mirror` when the
 * primary failed, `primary` when the mirror failed), cmdlets/Invoke-CsDatabaseFailover.md (its Example 2 is broken:
 * no -ExcludeDatabase switch exists, use -ExcludeDatabaseList). Versions (versions.ts): only for a mirrored Back End
 * (an AlwaysOn Availability Group or a failover cluster instance fails over in SQL Server, back-end-server.md), never
 * on SfB 2019 (no SQL mirroring, no Persistent Chat: SfBServer2019/deprecated.md).
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { txt } from '../text';
import { MINUTES, REF } from '../refs';
import { backEndOf, machinesOf } from '../topology-view';
import { backEndHaAt, hasPersistentChat, mirrorAt, productAt, VERSION_REF } from '../versions';
import type { OperationSpec, Violation } from '../types';

/** Values listed by cmdlets/Invoke-CsDatabaseFailover.md for -DatabaseType. */
export const DATABASE_TYPES = [
  'ActiveMonitoring', 'Application', 'Archiving', 'CentralMgmt', 'Edge', 'Lyss', 'Monitoring', 'PersistentChat',
  'PersistentChatCompliance', 'Provision', 'Registrar', 'SigninTelemetry', 'User',
];

export function principalKey(pool: string, type: string): string {
  return `${pool}/${type}`;
}

/** The cmdlet's three parameters, as written; a value outside the reference is a violation of check(), not bad input. */
const args = z.strictObject({
  pool: z.string(),
  type: z.string(),
  newPrincipal: z.string(),
});

export const dbFailover: OperationSpec<z.infer<typeof args>> = {
  id: 'db-failover',
  ref: REF.mirror,
  args,
  check(state, { pool, type, newPrincipal }, t) {
    const next = newPrincipal.toLowerCase();
    const out: Violation[] = [];
    if (!DATABASE_TYPES.includes(type)) {
      out.push(violation('database-type', `-DatabaseType ${type || '(missing)'} is not one of ${DATABASE_TYPES.join(', ')}`, REF.mirrorCmdlet));
    }
    if (next !== 'mirror' && next !== 'primary') {
      out.push(violation('new-principal', `-NewPrincipal must be mirror or primary (got ${next || 'nothing'})`, REF.mirrorCmdlet));
      return out;
    }
    if (type.startsWith('PersistentChat') && !hasPersistentChat(t, pool)) {
      out.push(violation('not-in-version', `-DatabaseType ${type}: Persistent Chat is not in Skype for Business Server 2019, the version of ${pool}`, VERSION_REF.deprecated2019));
    }
    const ha = backEndHaAt(t, pool);
    if (ha === 'alwayson' || ha === 'fci') {
      out.push(violation('not-mirror-ha', `the Back End of ${pool} is ${ha === 'alwayson' ? 'an AlwaysOn Availability Group' : 'a failover cluster instance'}: it fails over in SQL Server, not with Invoke-CsDatabaseFailover (SQL mirroring only)`, VERSION_REF.backEndHa));
      return out;
    }
    if (productAt(t, pool) === 'sfb2019') {
      out.push(violation('not-in-version', `${pool} is Skype for Business Server 2019, which has no SQL mirroring: there is no mirror to fail over to`, VERSION_REF.deprecated2019));
      return out;
    }
    const mirror = mirrorAt(t, pool);
    if (!mirror) {
      out.push(violation('not-mirrored', `the Back End of ${pool} is not mirrored, so there is no database to fail over to`, REF.mirror));
      return out;
    }
    const current = state.principals[principalKey(pool, type)] ?? 'primary';
    if (current === next) out.push(violation('already-principal', `the ${next} Back End is already principal for ${type} on ${pool}`, REF.mirror));
    const server = next === 'mirror' ? mirror.server : (backEndOf(t, pool)?.server ?? '');
    if (state.down.includes(server)) out.push(violation('new-principal-down', `${server}, the new principal, is down`, REF.mirror));
    if (type === 'CentralMgmt' && state.cmsActive !== pool) {
      out.push(violation('no-cms-in-pool', `${pool} does not host the active CMS; fail over CentralMgmt only on the pool that hosts it`, REF.mirror));
    }
    return out;
  },
  apply(state, { pool, type, newPrincipal }) {
    const key = principalKey(pool, type);
    return { ...state, principals: { ...state.principals, [key]: newPrincipal.toLowerCase() === 'mirror' ? 'mirror' : 'primary' } };
  },
  commands(t, { pool, type, newPrincipal }, op) {
    const next = newPrincipal.toLowerCase();
    const on = machinesOf(t, pool)[0] ?? pool;
    return [
      commandStep(txt('dbFailover.state.title', { type, pool }), `Get-CsDatabaseMirrorState -PoolFqdn ${pool} -DatabaseType ${type}`, {
        op: null, on, ref: REF.mirror,
        check: txt('dbFailover.state.check'),
        notes: type === 'CentralMgmt' ? [txt('dbFailover.note.cmsValue')] : [],
      }),
      commandStep(txt(next === 'mirror' ? 'dbFailover.title.mirror' : 'dbFailover.title.primary', { type, pool }), `Invoke-CsDatabaseFailover -PoolFqdn ${pool} -DatabaseType ${type} -NewPrincipal ${next} -Verbose`, {
        op, on, ref: REF.mirrorCmdlet, minutes: MINUTES.dbFailover,
        check: txt(next === 'mirror' ? 'dbFailover.check.mirror' : 'dbFailover.check.primary', { type, pool }),
        notes: [txt('dbFailover.note.force')],
      }),
    ];
  },
};
