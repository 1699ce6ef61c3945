/**
 * Invoke-CsManagementServerFailover: planned (CMS reachable, no target) or disaster (-BackupSqlServerFqdn … -Force).
 * Rules: cmdlets/Invoke-CsManagementServerFailover.md (-BackupSqlServerFqdn and -Force required in the
 * DisasterRecovery set; -BackupMirrorSql… for a mirrored Back End), lync-server-2013-failing-over-a-pool.md steps 1–5
 * (the standby CMS lives in the CMS pool's partner; ERRATUM: the page's -MirrorSQLServerFqdn is -BackupMirrorSqlServerFqdn),
 * lync-server-2013-central-management-store-failover.md.
 */
import { commandStep, flag, str, violation } from '../draft';
import { MINUTES, REF } from '../refs';
import { backEndOf, isDown, machinesOf, partnerOf, TBD } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

export const cmsFailover: OperationSpec = {
  id: 'cms-failover',
  ref: REF.cmsCmdlet,
  check(state, op, t) {
    const active = state.cmsActive;
    if (active === null) return [violation('no-cms', 'the topology has no Central Management store to fail over', REF.cms)];
    const standby = partnerOf(state, active);
    const to = str(op, 'to') || standby;
    const out: Violation[] = [];
    if (!standby) {
      out.push(violation('cms-pool-unpaired', `the CMS pool ${active} has no backup pool, so there is no standby CMS to fail over to; restore the CMS instead (REFERENCE §c.2)`, REF.failover));
    } else if (to !== standby) {
      out.push(violation('cms-standby-in-partner', `the standby CMS lives in ${standby}, the backup pool of the CMS pool ${active}, not in ${to}`, REF.failover));
    }
    if (to && isDown(state, t, to)) {
      out.push(violation('cms-target-down', `${to}, which would receive the CMS, is down`, REF.cmsCmdlet));
    }
    if (flag(op, 'planned') && (!state.cmsAvailable || isDown(state, t, active))) {
      out.push(violation('cms-planned-needs-source', `a planned CMS failover (no -BackupSqlServerFqdn) needs the CMS on ${active} reachable; it is not — use the disaster form with -BackupSqlServerFqdn … -Force`, REF.cmsCmdlet));
    }
    return out;
  },
  apply(state, op) {
    const to = str(op, 'to') || (state.cmsActive ? partnerOf(state, state.cmsActive) : null);
    if (!to) return state;
    return { ...state, cmsActive: to, cmsAvailable: true };
  },
  commands(t, op) {
    const to = str(op, 'to');
    const on = machinesOf(t, to)[0] ?? to;
    const verify = `Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus — ActiveMasterFqdn and ActiveFileTransferAgents point to ${to}; then Get-CsManagementStoreReplicationStatus — every replica UpToDate = True`;
    if (flag(op, 'planned')) {
      return [
        commandStep(`Fail the Central Management store over to ${to} (planned)`, 'Invoke-CsManagementServerFailover -Verbose', {
          op, on, ref: REF.cmsCmdlet, minutes: MINUTES.cmsFailover, check: verify,
          notes: ['Planned form: the CMS is reachable; the cmdlet waits for replication and makes the source read-only (REFERENCE §e.3).'],
        }),
      ];
    }
    const be = backEndOf(t, to);
    const server = be?.server ?? `<${TBD}: Back End SQL Server FQDN of ${to}>`;
    const inst = be ? (be.instance ? ` -BackupSqlInstanceName ${be.instance}` : '') : ` -BackupSqlInstanceName <${TBD}>`;
    const mirror = be?.mirror ? ` -BackupMirrorSqlServerFqdn ${be.mirror.server}${be.mirror.instance ? ` -BackupMirrorSqlInstanceName ${be.mirror.instance}` : ''}` : '';
    return [
      commandStep(
        `Fail the Central Management store over to ${to} (disaster)`,
        `Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${server}${inst}${mirror} -Force -Verbose`,
        {
          op, on, ref: REF.cmsCmdlet, minutes: MINUTES.cmsFailover, check: verify,
          notes: [
            'ERRATUM (lync-server-2013-failing-over-a-pool.md): the page writes -MirrorSQLServerFqdn/-MirrorSQLInstanceName; the cmdlet parameters are -BackupMirrorSqlServerFqdn/-BackupMirrorSqlInstanceName, and -Force is required in the disaster form.',
            ...(be?.mirror ? ['UNCERTAIN: how the cmdlet picks the principal when the mirror Back End is principal is not documented; check Get-CsDatabaseMirrorState first.'] : []),
            'The CMS does not need to be failed back (REFERENCE §0 rule 3).',
          ],
        },
      ),
    ];
  },
};
