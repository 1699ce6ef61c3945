import { describe, expect, it } from 'vitest';
import { buildState, checkPlan, plan, type CheckResult } from './index';
import { buildTopology } from './testing/build-topology';
import { findRebuilds } from './replay-context';

/** A two-site deployment of its own: Enterprise Edition pools paired across sites, one Edge pool per site, CMS on A. */
const A = 'fe-lyon.example.org';
const B = 'fe-lille.example.org';
const C = 'fe-lyon2.example.org';
const t = buildTopology({
  pools: [
    { fqdn: A, site: 'Lyon', kind: 'FrontEnd', machines: ['ly1.example.org', 'ly2.example.org'], edgePool: 'edge-lyon.example.org', sql: { server: 'sqlly.example.org', mirror: 'sqlly-m.example.org' } },
    { fqdn: B, site: 'Lille', kind: 'FrontEnd', machines: ['li1.example.org'], edgePool: 'edge-lille.example.org', sql: { server: 'sqlli.example.org', mirror: null } },
    { fqdn: 'edge-lyon.example.org', site: 'Lyon', kind: 'Edge', machines: ['e1.example.org'], nextHop: A },
    { fqdn: 'edge-lille.example.org', site: 'Lille', kind: 'Edge', machines: ['e2.example.org'], nextHop: B },
  ],
  pairs: [[A, B]],
  cmsPool: A,
  federation: { lync: 'edge-lyon.example.org', xmpp: 'edge-lille.example.org' },
});

function bare(p: { steps: { n: number; command: string | null; on: string | null }[] }): { n: number; command: string | null; on: string | null }[] {
  return p.steps.map(({ n, command, on }) => ({ n, command, on }));
}

function violationOf(r: CheckResult): { rule: string; stepN: number; message: string } {
  if (r.ok) throw new Error('expected a violation');
  return r.violation;
}

describe('a plan written as commands only replays like the plan with op', () => {
  it('the ABC rebuild: the new FQDN is known from the first step that names it', () => {
    const state = buildState(t, { down: [A] });
    const p = plan({ kind: 'rebuild', failed: A, newFqdn: C }, state, t);
    const steps = bare(p);
    expect(findRebuilds(steps, state, t)).toEqual([{ a: A, b: B, c: C }]);
    const r = checkPlan(steps, state, t);
    if (!r.ok) throw new Error(`step ${r.violation.stepN}: ${r.violation.rule}: ${r.violation.message}`);
    expect(r.finalState.pools).toEqual(p.finalState.pools);
    expect(r.finalState.pairs).toEqual(p.finalState.pairs);
    expect(r.finalState.abc[A]?.done).toEqual(expect.arrayContaining(['rgs-import-b', 'build-c', 'move-users', 'import-userdata', 'start-c', 'repair', 'start-backup-c']));
  });

  it('still catches the ABC order rules without op', () => {
    const state = buildState(t, { down: [A] });
    const steps = bare(plan({ kind: 'rebuild', failed: A, newFqdn: C }, state, t));
    const imp = steps.findIndex((s) => s.command?.startsWith('Import-CsUserData'));
    const start = steps.findIndex((s) => s.command === 'Start-CsWindowsService' && s.on === C);
    const late = [...steps];
    const [moved] = late.splice(imp, 1);
    late.splice(start, 0, moved!);
    expect(violationOf(checkPlan(late, state, t)).message).toMatch(/\(start-c\) must come after step 13 \(import-userdata\)/);
    const again = [...steps, { n: 99, command: `Import-CsUserData -PoolFqdn ${C} -FileName C:\\x.zip`, on: C }];
    expect(violationOf(checkPlan(again, state, t))).toMatchObject({ rule: 'import-userdata-services-running', stepN: 99 });
    const early = [{ n: 1, command: `Get-CsUser -Filter {RegistrarPool -eq "${A}"} | Move-CsUser -Target ${C} -Force`, on: null }];
    expect(violationOf(checkPlan(early, buildState(t, { down: [A], cmsActive: B }), t)).rule).toBe('abc-failover-first');
  });
});

describe('conference content restore recognised from the command (-PoolFqdn is the partner)', () => {
  const state = buildState(t, { failedOver: { [A]: B }, cmsActive: A });

  it('after failing A back, copying its content back names B', () => {
    const ok = checkPlan([
      { command: `Invoke-CsPoolFailBack -PoolFqdn ${A} -Verbose` },
      { command: `Invoke-CsBackupServiceSync -PoolFqdn ${B} -BackupModule ConfServices.DataConf` },
    ], state, t);
    expect(ok.ok).toBe(true);
    const v = violationOf(checkPlan([
      { command: `Invoke-CsPoolFailBack -PoolFqdn ${A} -Verbose` },
      { command: `Invoke-CsBackupServiceSync -PoolFqdn ${A} -BackupModule ConfServices.DataConf` },
    ], state, t));
    expect(v).toMatchObject({ rule: 'conference-restore-poolfqdn-partner', stepN: 2 });
    expect(v.message).toMatch(new RegExp(`must name its partner ${B.replace(/\./g, '\\.')}`));
  });

  it('the sync of a pool whose partner is down is refused for the conference module too', () => {
    const v = violationOf(checkPlan([{ command: `Invoke-CsBackupServiceSync -PoolFqdn ${B} -BackupModule ConfServices.DataConf` }], buildState(t, { down: [A], cmsActive: B }), t));
    expect(v.rule).toBe('sync-pool-down');
  });
});
