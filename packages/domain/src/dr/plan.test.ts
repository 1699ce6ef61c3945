import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { buildState, checkPlan, plan, type Plan } from './index';
import { buildTopology, twoSiteTopology } from './testing/build-topology';

const t = twoSiteTopology();
const P1 = 'p1.contoso.com';
const P2 = 'p2.contoso.com';
const cmdlets = (p: Plan): string[] => p.steps.map((s) => s.command ?? `(manual) ${s.title.code}`);
const indexOf = (p: Plan, re: RegExp): number => p.steps.findIndex((s) => s.command !== null && re.test(s.command));

function expectError(fn: () => unknown, code: string, text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LyncdrError);
    expect((e as LyncdrError).code).toBe(code);
    expect((e as LyncdrError).message).toMatch(text);
    return;
  }
  throw new Error('expected an error');
}

describe('plan failover', () => {
  it('fails the CMS over, then repoints the Edge next hop, then fails the pool over in disaster mode', () => {
    const p = plan({ kind: 'failover', pool: P1 }, buildState(t, { failedOver: {}, down: [P1], cmsActive: null }), t);
    const cms = indexOf(p, /^Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql2\.contoso\.com -BackupSqlInstanceName rtc -BackupMirrorSqlServerFqdn sql2m\.contoso\.com -BackupMirrorSqlInstanceName rtc -Force/);
    const edge = indexOf(p, /^Set-CsEdgeServer -Identity EdgeServer:edge1\.contoso\.com -Registrar Registrar:p2\.contoso\.com$/);
    const pool = indexOf(p, /^Invoke-CsPoolFailOver -PoolFqdn p1\.contoso\.com -DisasterMode/);
    expect(cms).toBeGreaterThan(-1);
    expect(edge).toBeGreaterThan(cms);
    expect(pool).toBeGreaterThan(edge);
    expect(p.finalState.failedOver).toEqual({ [P1]: P2 });
    expect(p.finalState.cmsActive).toBe(P2);
    expect(p.steps.map((s) => s.n)).toEqual(p.steps.map((_, i) => i + 1));
    expect(p.warnings.some((w) => w.code === 'warn.rpoUnknown')).toBe(true);
    expect(p.steps[pool]?.on).toBe('fe1-p2.contoso.com');
    expect(checkPlan(p.steps, buildState(t, { failedOver: {}, down: [P1], cmsActive: null }), t).ok).toBe(true);
  });

  it('skips the CMS failover when the active CMS is on the surviving partner and is available', () => {
    const p = plan({ kind: 'failover', pool: P1 }, buildState(t, { failedOver: {}, down: [P1], cmsActive: P2 }), t);
    expect(indexOf(p, /-BackupSqlServerFqdn/)).toBe(-1);
    expect(indexOf(p, /^Invoke-CsManagementServerFailover -WhatIf$/)).toBeGreaterThan(-1);
  });

  it('plans a planned failover of a running pool without -DisasterMode, checking both directions of the Backup Service', () => {
    const p = plan({ kind: 'failover', pool: P2, planned: true }, buildState(t, { failedOver: {}, down: [], cmsActive: null }), t);
    expect(cmdlets(p)).toContain(`Invoke-CsPoolFailOver -PoolFqdn ${P2} -Verbose`);
    expect(cmdlets(p)).toContain(`Get-CsBackupServiceStatus -PoolFqdn ${P1}`);
    expect(cmdlets(p)).toContain(`Get-CsBackupServiceStatus -PoolFqdn ${P2}`);
  });

  it('refuses --planned for a pool that is down, saying what to do', () => {
    expectError(() => plan({ kind: 'failover', pool: P1, planned: true }, buildState(t, { down: [P1] }), t), 'E_PLAN_IMPOSSIBLE', /drop --planned/);
  });

  it('names an unknown FQDN', () => {
    expectError(() => plan({ kind: 'failover', pool: 'nope.contoso.com' }, buildState(t, {}), t), 'E_UNKNOWN_FQDN', /--pool nope\.contoso\.com: no such pool/);
  });

  it('explains why an unpaired pool cannot fail over and what would make it possible', () => {
    const lone = buildTopology({ pools: [{ fqdn: 'solo.contoso.com', site: '1' }] });
    expectError(() => plan({ kind: 'failover', pool: 'solo.contoso.com' }, buildState(lone, {}), lone), 'E_PLAN_IMPOSSIBLE', /no backup pool.*Associated Backup Pool/);
  });

  it('refuses when the backup pool is down', () => {
    expectError(() => plan({ kind: 'failover', pool: P1 }, buildState(t, { down: [P1, P2] }), t), 'E_PLAN_IMPOSSIBLE', /backup pool of p1\.contoso\.com, is down/);
  });
});

describe("the seed's example (managing … backup service: -PoolFqdn is the pool affected by the disaster)", () => {
  // "suppose that all users homed on pool P1 have been failed over to the backup pool P2. If the administrator wants to
  //  move all users currently being served by P2 to be served by P1, the administrator must do the following:
  //  1. Fail back all users originally homed on P1 to P1 by using the failback cmdlet. In this case the PoolFQDN is P1's FQDN.
  //  2. Fail over all users originally homed on P2 to P1 by using the failover cmdlet. In this case the PoolFQDN is P2's FQDN.
  //  3. If the administrator later wants to fail back these P2 users to P2, the PoolFQDN is P2's FQDN.
  //  Note that step 1 above must be performed before step 2 to preserve pool integrity. If you try step 2 before step 1,
  //  the step 2 cmdlet will fail."
  const state = buildState(t, { failedOver: { [P1]: P2 }, down: [], cmsActive: P1 });

  it('gives fail back P1 (-PoolFqdn P1) then fail over P2 (-PoolFqdn P2)', () => {
    const p = plan({ kind: 'serve', usersOf: P2, by: P1 }, state, t);
    const poolOps = p.steps.filter((s) => s.command && /^Invoke-CsPool/.test(s.command)).map((s) => s.command);
    expect(poolOps).toEqual([`Invoke-CsPoolFailBack -PoolFqdn ${P1} -Verbose`, `Invoke-CsPoolFailOver -PoolFqdn ${P2} -Verbose`]);
    expect(p.finalState.failedOver).toEqual({ [P2]: P1 });
    expect(checkPlan(p.steps, state, t).ok).toBe(true);

    const later = plan({ kind: 'failback', pool: P2 }, p.finalState, t);
    expect(later.steps.filter((s) => s.command?.startsWith('Invoke-CsPoolFailBack')).map((s) => s.command)).toEqual([`Invoke-CsPoolFailBack -PoolFqdn ${P2} -Verbose`]);
  });

  it('rejects step 2 before step 1', () => {
    const r = checkPlan([{ command: `Invoke-CsPoolFailOver -PoolFqdn ${P2}` }, { command: `Invoke-CsPoolFailBack -PoolFqdn ${P1}` }], state, t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violation.stepN).toBe(1);
      expect(r.violation.rule).toBe('one-direction-at-a-time');
      expect(r.violation.ref).toBe('lync-server-2013-managing-lync-server-disaster-recovery-high-availability-and-backup-service.md');
    }
  });
});

describe('plan failback', () => {
  const state = buildState(t, { failedOver: { [P1]: P2 }, down: [], cmsActive: P2 });

  it('fails back with the home pool as -PoolFqdn and copies conference content back with the partner as -PoolFqdn', () => {
    const p = plan({ kind: 'failback', pool: P1 }, state, t);
    expect(cmdlets(p)).toContain(`Invoke-CsPoolFailBack -PoolFqdn ${P1} -Verbose`);
    expect(cmdlets(p)).toContain(`Invoke-CsBackupServiceSync -PoolFqdn ${P2} -BackupModule ConfServices.DataConf`);
    expect(indexOf(p, /Invoke-CsManagementServerFailover/)).toBe(-1);
    expect(p.finalState.failedOver).toEqual({});
  });

  it('refuses -PoolFqdn of the serving pool and names the home pool', () => {
    expectError(() => plan({ kind: 'failback', pool: P2 }, state, t), 'E_PLAN_IMPOSSIBLE', /failback --pool p1\.contoso\.com/);
  });

  it('refuses while the home pool is still down and points to the rebuild', () => {
    const down = buildState(t, { failedOver: { [P1]: P2 }, down: [P1], cmsActive: P2 });
    expectError(() => plan({ kind: 'failback', pool: P1 }, down, t), 'E_PLAN_IMPOSSIBLE', /healthy again.*rebuild --failed p1\.contoso\.com/);
  });
});

describe('plan rebuild (ABC)', () => {
  it('runs the ABC procedure in order and ends with B paired with C', () => {
    const state = buildState(t, { down: [P1] });
    const p = plan({ kind: 'rebuild', failed: P1, newFqdn: 'p3.contoso.com' }, state, t);
    expect(p.finalState.pairs).toEqual([[P2, 'p3.contoso.com']]);
    expect(p.finalState.failedOver).toEqual({});
    expect(p.finalState.pools).toEqual([P2, 'p3.contoso.com']);
    const order = [
      /^Invoke-CsPoolFailOver -PoolFqdn p1\.contoso\.com -DisasterMode/,
      /Move-CsUser -Target p3\.contoso\.com -Force$/,
      /^Import-CsUserData -PoolFqdn p3\.contoso\.com/,
      /^Start-CsWindowsService$/,
      /^Import-CsRgsConfiguration -Destination "service:ApplicationServer:p3\.contoso\.com" -OverwriteOwner/,
      /^Remove-CsUserStoreBackupData -PoolFqdn p2\.contoso\.com/,
      /Bootstrapper\.exe"$/,
      /^Invoke-CsBackupServiceSync -PoolFqdn p3\.contoso\.com$/,
      /^Invoke-CsBackupServiceSync -PoolFqdn p2\.contoso\.com$/,
    ].map((re) => indexOf(p, re));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const repair = p.steps.find((s) => s.op?.args.stage === 'repair');
    expect(repair?.manual).toBe(true);
    expect(repair?.instructions[0]).toEqual({ code: 'abc.repair.i0', params: { a: P1, b: P2, c: 'p3.contoso.com' } });
    expect(checkPlan(p.steps, state, t).ok).toBe(true);
  });

  it('refuses a new FQDN that already exists', () => {
    expectError(() => plan({ kind: 'rebuild', failed: P1, newFqdn: P2 }, buildState(t, { down: [P1] }), t), 'E_PLAN_IMPOSSIBLE', /new FQDN/);
  });
});

describe('Edge goals', () => {
  it('moves Lync and XMPP federation to the other Edge pool and re-associates the Front End pool', () => {
    const state = buildState(t, { down: ['edge1.contoso.com'] });
    const p = plan({ kind: 'edge-failover', pool: 'edge1.contoso.com' }, state, t);
    expect(cmdlets(p)).toContain('Set-CsSite -Identity "Dublin" -XmppFederationRoute EdgeServer:edge2.contoso.com');
    expect(cmdlets(p)).toContain('Stop-CsWindowsService -ComputerName edge2-a.contoso.com');
    expect(p.steps.some((s) => s.manual && s.instructions.some((i) => i.code === 'lyncFederation.tick' && i.params.to === 'edge2.contoso.com'))).toBe(true);
    expect(p.finalState.federation).toEqual({ lync: 'edge2.contoso.com', xmpp: 'edge2.contoso.com' });
    expect(p.finalState.edgeAssociations[P1]).toBe('edge2.contoso.com');
    const back = plan({ kind: 'edge-failback', pool: 'edge1.contoso.com' }, { ...p.finalState, down: [] }, t);
    expect(cmdlets(back)).toContain('Set-CsSite -Identity "Redmond" -XmppFederationRoute EdgeServer:edge1.contoso.com');
    expect(back.finalState.federation).toEqual({ lync: 'edge1.contoso.com', xmpp: 'edge1.contoso.com' });
    expect(back.finalState.edgeAssociations[P1]).toBe('edge1.contoso.com');
  });

  it('moves only XMPP federation with --federation xmpp', () => {
    const p = plan({ kind: 'edge-failover', pool: 'edge1.contoso.com', federation: 'xmpp' }, buildState(t, { down: ['edge1.contoso.com'] }), t);
    expect(p.finalState.federation).toEqual({ lync: 'edge1.contoso.com', xmpp: 'edge2.contoso.com' });
  });

  it('associates a Front End pool with another Edge pool (Topology Builder, manual)', () => {
    const p = plan({ kind: 'edge-associate', pool: P1, edge: 'edge2.contoso.com' }, buildState(t, {}), t);
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]?.manual).toBe(true);
    expect(p.steps[0]?.command).toBeNull();
  });
});

describe('CMS, mirror and conference content goals', () => {
  it('cms-failover: disaster form when the CMS pool is down, planned form when it is reachable', () => {
    const disaster = plan({ kind: 'cms-failover' }, buildState(t, { down: [P1] }), t);
    expect(indexOf(disaster, /^Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql2\.contoso\.com .* -Force -Verbose$/)).toBeGreaterThan(-1);
    const planned = plan({ kind: 'cms-failover' }, buildState(t, {}), t);
    expect(cmdlets(planned)).toContain('Invoke-CsManagementServerFailover -Verbose');
    expect(planned.finalState.cmsActive).toBe(P2);
  });

  it('db-failover picks the mirror when the primary is principal, and back', () => {
    const p = plan({ kind: 'db-failover', pool: P2, type: 'User' }, buildState(t, {}), t);
    expect(cmdlets(p)).toContain(`Invoke-CsDatabaseFailover -PoolFqdn ${P2} -DatabaseType User -NewPrincipal mirror -Verbose`);
    const back = plan({ kind: 'db-failover', pool: P2, type: 'user' }, p.finalState, t);
    expect(cmdlets(back)).toContain(`Invoke-CsDatabaseFailover -PoolFqdn ${P2} -DatabaseType User -NewPrincipal primary -Verbose`);
  });

  it('db-failover refuses an unknown database type and a pool without mirror', () => {
    expectError(() => plan({ kind: 'db-failover', pool: P2, type: 'Nope' }, buildState(t, {}), t), 'E_PLAN_IMPOSSIBLE', /-DatabaseType/);
    const plain = buildTopology({ pools: [{ fqdn: 'a.x.com', site: '1', sql: { server: 'sqla.x.com' } }] });
    expectError(() => plan({ kind: 'db-failover', pool: 'a.x.com', type: 'User' }, buildState(plain, {}), plain), 'E_PLAN_IMPOSSIBLE', /not mirrored/);
  });

  it('restore-conference-content passes the partner as -PoolFqdn and never -BackupModule to Get-CsBackupServiceStatus', () => {
    const p = plan({ kind: 'restore-conference-content', pool: P1 }, buildState(t, {}), t);
    expect(cmdlets(p)).toEqual([`Invoke-CsBackupServiceSync -PoolFqdn ${P2} -BackupModule ConfServices.DataConf`, `Get-CsBackupServiceStatus -PoolFqdn ${P2}`]);
  });
});
