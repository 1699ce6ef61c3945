/**
 * Invoke-CsManagementServerFailover: planned (CMS reachable, no target) or disaster (-BackupSqlServerFqdn … -Force).
 * Rules: cmdlets/Invoke-CsManagementServerFailover.md (-BackupSqlServerFqdn and -Force required in the
 * DisasterRecovery set; -BackupMirrorSql… for a mirrored Back End), lync-server-2013-failing-over-a-pool.md steps 1–5
 * (the standby CMS lives in the CMS pool's partner; ERRATUM: the page's -MirrorSQLServerFqdn is -BackupMirrorSqlServerFqdn),
 * lync-server-2013-central-management-store-failover.md.
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { MINUTES, REF } from '../refs';
import { backEndOf, isDown, machinesOf, partnerOf } from '../topology-view';
import { blank, txt, type PlanText } from '../text';
import type { OperationSpec, Violation } from '../types';
import { mirrorAt } from '../versions';

const args = z.strictObject({
  /** The pool that receives the CMS (the CMS pool's partner); empty or absent: that partner. */
  to: z.string().optional(),
  /** The planned form (no -BackupSqlServerFqdn), for a reachable CMS. */
  planned: z.boolean().optional(),
});

export const cmsFailover: OperationSpec<z.infer<typeof args>> = {
  id: 'cms-failover',
  ref: REF.cmsCmdlet,
  args,
  check(state, { to: target, planned }, t) {
    const active = state.cmsActive;
    if (active === null) return [violation('no-cms', 'the topology has no Central Management store to fail over', REF.cms)];
    const standby = partnerOf(state, active);
    const to = target || standby;
    const out: Violation[] = [];
    if (!standby) {
      out.push(violation('cms-pool-unpaired', `the CMS pool ${active} has no backup pool, so there is no standby CMS to fail over to; restore the CMS instead (REFERENCE §c.2)`, REF.failover));
    } else if (to !== standby) {
      out.push(violation('cms-standby-in-partner', `the standby CMS lives in ${standby}, the backup pool of the CMS pool ${active}, not in ${to}`, REF.failover));
    }
    if (to && isDown(state, t, to)) {
      out.push(violation('cms-target-down', `${to}, which would receive the CMS, is down`, REF.cmsCmdlet));
    }
    if (planned && (!state.cmsAvailable || isDown(state, t, active))) {
      out.push(violation('cms-planned-needs-source', `a planned CMS failover (no -BackupSqlServerFqdn) needs the CMS on ${active} reachable; it is not — use the disaster form with -BackupSqlServerFqdn … -Force`, REF.cmsCmdlet));
    }
    return out;
  },
  apply(state, { to: target }) {
    const to = target || (state.cmsActive ? partnerOf(state, state.cmsActive) : null);
    if (!to) return state;
    return { ...state, cmsActive: to, cmsAvailable: true };
  },
  commands(t, { to = '', planned }, op) {
    const on = machinesOf(t, to)[0] ?? to;
    const verify = txt('cmsFailover.check', { pool: to });
    if (planned) {
      return [
        commandStep(txt('cmsFailover.title.planned', { pool: to }), 'Invoke-CsManagementServerFailover -Verbose', {
          op, on, ref: REF.cmsCmdlet, minutes: MINUTES.cmsFailover, check: verify,
          notes: [txt('cmsFailover.note.plannedForm')],
        }),
      ];
    }
    const be = backEndOf(t, to);
    const blanks: PlanText[] = [];
    const fill = (what: PlanText): string => blank(blanks.push(what) - 1);
    const server = be?.server ?? fill(txt('blank.backEndServer', { pool: to }));
    const inst = be ? (be.instance ? ` -BackupSqlInstanceName ${be.instance}` : '') : ` -BackupSqlInstanceName ${fill(txt('blank.sqlInstance', { pool: to }))}`;
    // The mirror parameters only for a mirrored Back End where mirroring exists (versions.ts: not AlwaysOn/FCI, not 2019).
    const m = mirrorAt(t, to);
    const mirror = m ? ` -BackupMirrorSqlServerFqdn ${m.server}${m.instance ? ` -BackupMirrorSqlInstanceName ${m.instance}` : ''}` : '';
    return [
      commandStep(
        txt('cmsFailover.title.disaster', { pool: to }),
        `Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${server}${inst}${mirror} -Force -Verbose`,
        {
          op, on, ref: REF.cmsCmdlet, minutes: MINUTES.cmsFailover, check: verify, blanks,
          notes: [
            txt('cmsFailover.note.erratumMirror'),
            ...(m ? [txt('cmsFailover.note.uncertainPrincipal')] : []),
            txt('cmsFailover.note.noFailback'),
          ],
        },
      ),
    ];
  },
};
