import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { buildState, checkPlan, parseStepsDocument, plan, type CheckResult } from './index';
import { twoSiteTopology } from './testing/build-topology';

const t = twoSiteTopology();
const P1 = 'p1.contoso.com';
const P2 = 'p2.contoso.com';

function broken(r: CheckResult): { rule: string; stepN: number; ref: string; message: string } {
  if (r.ok) throw new Error('expected a violation');
  return r.violation;
}

describe('checkPlan rejects every documented invalid order', () => {
  it('failing P2 over while P1 is failed over to P2 (one direction at a time)', () => {
    const v = broken(checkPlan([{ n: 4, command: `Invoke-CsPoolFailOver -PoolFqdn ${P2}` }], buildState(t, { failedOver: { [P1]: P2 }, cmsActive: P2 }), t));
    expect(v).toMatchObject({ rule: 'one-direction-at-a-time', stepN: 4 });
    expect(v.message).toMatch(/fail back p1\.contoso\.com first/);
  });

  it('pool failover before the CMS failover when the active CMS is on the failed pool', () => {
    const state = buildState(t, { down: [P1] });
    const v = broken(checkPlan([
      { command: `Set-CsEdgeServer -Identity EdgeServer:edge1.contoso.com -Registrar Registrar:${P2}` },
    ], state, t));
    expect(v.rule).toBe('cms-writable');
    const v2 = broken(checkPlan([{ command: `Invoke-CsPoolFailOver -PoolFqdn ${P1} -DisasterMode` }], buildState(t, { down: [P1], nextHops: { 'edge1.contoso.com': P2 } }), t));
    expect(v2).toMatchObject({ rule: 'cms-before-pool', stepN: 1, ref: 'lync-server-2013-failing-over-a-pool.md' });
  });

  it('pool failover while a running Edge pool still uses the failed pool as next hop', () => {
    const state = buildState(t, { down: [P1], cmsActive: P2 });
    const v = broken(checkPlan([{ command: `Invoke-CsPoolFailOver -PoolFqdn ${P1} -DisasterMode` }], state, t));
    expect(v.rule).toBe('edge-next-hop-before-pool');
    expect(v.message).toMatch(/edge1\.contoso\.com/);
    const ok = checkPlan([
      { command: `Set-CsEdgeServer -Identity EdgeServer:edge1.contoso.com -Registrar Registrar:${P2}` },
      { command: `Invoke-CsPoolFailOver -PoolFqdn ${P1} -DisasterMode` },
    ], state, t);
    expect(ok.ok).toBe(true);
  });

  it('failback with a different -PoolFqdn than the failover', () => {
    const state = buildState(t, { down: [P1], cmsActive: P2, nextHops: { 'edge1.contoso.com': P2 } });
    const v = broken(checkPlan([
      { command: `Invoke-CsPoolFailOver -PoolFqdn ${P1} -DisasterMode` },
      { command: `Invoke-CsPoolFailBack -PoolFqdn ${P2}` },
    ], { ...state, down: [] }, t));
    expect(v).toMatchObject({ rule: 'failback-poolfqdn-is-home-pool', stepN: 2 });
  });

  it('failover of an unreachable pool without -DisasterMode', () => {
    const v = broken(checkPlan([{ command: `Invoke-CsPoolFailOver -PoolFqdn ${P1}` }], buildState(t, { down: [P1], cmsActive: P2, nextHops: { 'edge1.contoso.com': P2 } }), t));
    expect(v.rule).toBe('disaster-mode-required');
  });

  it('failback before the home pool is healthy', () => {
    const v = broken(checkPlan([{ command: `Invoke-CsPoolFailBack -PoolFqdn ${P1}` }], buildState(t, { down: [P1], failedOver: { [P1]: P2 }, cmsActive: P2 }), t));
    expect(v.rule).toBe('home-pool-not-healthy');
  });

  it('the ERRATUM parameters of the DR pages', () => {
    expect(broken(checkPlan([{ command: 'Set-CsSite Site2 -XmppExternalFederationRoute EdgeServer2.contoso.com' }], buildState(t, {}), t)).rule).toBe('erratum-parameter');
    expect(broken(checkPlan([{ command: 'Invoke-CsManagementServerFailover -MirrorSQLServerFqdn sql2m.contoso.com -MirrorSQLInstanceName rtc' }], buildState(t, {}), t)).rule).toBe('erratum-parameter');
    expect(broken(checkPlan([{ command: `Get-CsBackupServiceStatus -PoolFqdn ${P2} -BackupModule ConfServices.DataConf` }], buildState(t, {}), t)).rule).toBe('erratum-parameter');
  });

  it('the disaster CMS failover without -Force, and to a pool that does not hold the standby', () => {
    expect(broken(checkPlan([{ command: 'Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql2.contoso.com' }], buildState(t, { down: [P1] }), t)).rule).toBe('missing-parameter');
    const v = broken(checkPlan([{ op: { id: 'cms-failover', args: { to: P2 } } }], buildState(t, { cmsActive: P2, cmsAvailable: false }), t));
    expect(v.rule).toBe('cms-standby-in-partner');
    const down = broken(checkPlan([{ op: { id: 'cms-failover', args: { to: P1 } } }], buildState(t, { cmsActive: P2, down: [P1, P2] }), t));
    expect(down.rule).toBe('cms-target-down');
  });

  it('conference content restore with the failover convention (-PoolFqdn of the pool that lost the data)', () => {
    const v = broken(checkPlan([{ op: { id: 'conference-content-restore', args: { pool: P1, syncPool: P1 } } }], buildState(t, {}), t));
    expect(v.rule).toBe('conference-restore-poolfqdn-partner');
  });

  it('ABC: moving users before the failover, importing user data after C started, syncing before the Backup Service runs on C', () => {
    const state = buildState(t, { down: [P1] });
    const p = plan({ kind: 'rebuild', failed: P1, newFqdn: 'p3.contoso.com' }, state, t);
    const idx = (stage: string): number => p.steps.findIndex((s) => s.op?.args.stage === stage);
    const build = p.steps[idx('build-c')]!;
    const early = checkPlan([build, { n: 2, command: `Get-CsUser -Filter {RegistrarPool -eq "${P1}"} | Move-CsUser -Target p3.contoso.com -Force` }], state, t);
    expect(broken(early)).toMatchObject({ rule: 'abc-failover-first', stepN: 2 });

    const late = [...p.steps];
    const [imp] = late.splice(idx('import-userdata'), 1);
    late.splice(idx('start-c'), 0, imp!);
    const v = broken(checkPlan(late, state, t));
    expect(v.rule).toBe('abc-order');
    expect(v.message).toMatch(/step 15 \(start-c\) must come after step 13 \(import-userdata\)/);

    const again = checkPlan([...p.steps, { n: 99, command: 'Import-CsUserData -PoolFqdn p3.contoso.com -FileName C:\\x.zip' }], state, t);
    expect(broken(again)).toMatchObject({ rule: 'import-userdata-services-running', stepN: 99 });

    const noBackup = p.steps.filter((s) => !['bootstrap-c', 'start-backup-c'].includes(String(s.op?.args.stage)));
    expect(broken(checkPlan(noBackup, state, t)).rule).toBe('abc-backup-service-not-started');

    const noStart = p.steps.filter((s) => s.op?.args.stage !== 'start-c');
    expect(broken(checkPlan(noStart, state, t)).rule).toBe('abc-order');
  });
});

describe('checkPlan recognises commands without the op field', () => {
  it('replays a plan whose steps carry only command and on', () => {
    const state = buildState(t, { failedOver: { [P1]: P2 }, down: [], cmsActive: P2 });
    const p = plan({ kind: 'serve', usersOf: P2, by: P1 }, state, t);
    const bare = p.steps.map(({ n, command, on }) => ({ n, command, on }));
    const r = checkPlan(bare, state, t);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.finalState.failedOver).toEqual({ [P2]: P1 });
  });

  it('treats an unknown FQDN in a recognised command as bad input', () => {
    expect(() => checkPlan([{ command: 'Invoke-CsPoolFailOver -PoolFqdn ghost.contoso.com -DisasterMode' }], buildState(t, {}), t)).toThrow(LyncdrError);
  });
});

describe('parseStepsDocument', () => {
  it('accepts {steps}, a whole plan document and a bare array', () => {
    expect(parseStepsDocument({ steps: [{ command: 'Get-CsService -CentralManagement' }] }, 's.json')).toHaveLength(1);
    expect(parseStepsDocument({ goal: 'x', steps: [{ n: 1, command: null, op: { id: 'cms-locate', args: {} } }], warnings: [] }, 's.json')).toHaveLength(1);
    expect(parseStepsDocument([{ command: null, op: { id: 'abc', args: { failed: P1, partner: P2, newPool: 'p3.contoso.com', stage: 'build-c' } } }], 's.json')).toHaveLength(1);
  });

  it.each([
    [{}, /expected \{"steps"/],
    [{ steps: [1] }, /steps\[0\] must be an object/],
    [{ steps: [{ command: 3 }] }, /steps\[0\]\.command must be/],
    [{ steps: [{ title: 'x' }] }, /neither "command" nor "op"/],
    [{ steps: [{ op: { id: 'x' } }] }, /op must be/],
    [{ steps: [{ op: { id: 'teleport', args: {} } }] }, /"teleport" is not an operation/],
    [{ steps: [{ op: { id: 'abc', args: { stage: 'build-c' } } }] }, /steps\[0\]\.op: abc: "failed" is missing/],
  ])('rejects %j', (doc, re) => {
    try {
      parseStepsDocument(doc, 'steps.json');
      throw new Error('expected an error');
    } catch (e) {
      expect((e as LyncdrError).code).toBe('E_STEPS');
      expect((e as LyncdrError).message).toMatch(re);
      expect((e as LyncdrError).location.file).toBe('steps.json');
    }
  });
});
