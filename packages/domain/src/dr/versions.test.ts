import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import type { BackEndHaType, KnownProduct, Topology } from '@lyncdr/topology';
import { buildState, checkPlan, commandProblems, plan, type Goal, type Plan } from './index';
import { twoSiteTopology } from './testing/build-topology';
import { backEndHaAt, bootstrapperPath, cmdletVersionAt, lineVersion, mirrorAt, productAt } from './versions';

const P1 = 'p1.contoso.com';
const P2 = 'p2.contoso.com';
const EDGE1 = 'edge1.contoso.com';
const EDGE2 = 'edge2.contoso.com';

/** The two-site deployment (P1 and P2 mirrored, XMPP and Lync federation on edge1) with versions and HA types set. */
function versioned(products: Record<string, KnownProduct>, ha: Record<string, BackEndHaType> = {}, deployment?: KnownProduct): Topology {
  const t = twoSiteTopology();
  return {
    ...t,
    pools: t.pools.map((p) => (products[p.fqdn] ? { ...p, product: products[p.fqdn], productSource: 'overlay' as const } : p)),
    sqlStores: t.sqlStores.map((s) => {
      const type = ha[s.pools[0] ?? ''];
      return type ? { ...s, haType: type, haSource: 'overlay' as const, mirror: type === 'mirror' ? s.mirror : null } : s;
    }),
    ...(deployment ? { product: { version: deployment, source: 'overlay' as const } } : {}),
  };
}

const all2015 = { [P1]: 'sfb2015', [P2]: 'sfb2015', [EDGE1]: 'sfb2015', [EDGE2]: 'sfb2015' } as const;
const all2019 = { [P1]: 'sfb2019', [P2]: 'sfb2019', [EDGE1]: 'sfb2019', [EDGE2]: 'sfb2019' } as const;
const commands = (p: Plan): string[] => p.steps.flatMap((s) => (s.command ? [s.command] : []));

function expectImpossible(fn: () => unknown, text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LyncdrError);
    expect((e as LyncdrError).code).toBe('E_PLAN_IMPOSSIBLE');
    expect((e as LyncdrError).message).toMatch(text);
    return;
  }
  throw new Error('expected E_PLAN_IMPOSSIBLE');
}

describe('the version of a pool', () => {
  it('is the pool’s, found from a machine too; else the deployment’s; else unknown, checked as Lync Server 2013', () => {
    const t = versioned({ [P1]: 'sfb2015' });
    expect(productAt(t, P1)).toBe('sfb2015');
    expect(productAt(t, 'FE2-P1.contoso.com')).toBe('sfb2015');
    expect(productAt(t, P2)).toBe('unknown');
    expect(cmdletVersionAt(t, P2)).toBe('lync2013');
    expect(productAt(versioned({ [P1]: 'sfb2015' }, {}, 'sfb2019'), P2)).toBe('sfb2019');
  });

  it('decides the cmdlet set of a line from the first pool or machine it names, else where it runs', () => {
    const t = versioned({ [P1]: 'sfb2019', [P2]: 'sfb2015' });
    expect(lineVersion(t, 'Start-CsPool -PoolFqdn p2.contoso.com', null)).toBe('sfb2015');
    expect(lineVersion(t, 'Get-CsBackupServiceStatus -PoolFqdn "fe1-p1.contoso.com"', null)).toBe('sfb2019');
    expect(lineVersion(t, 'Start-CsWindowsService', 'fe2-p2.contoso.com')).toBe('sfb2015');
    expect(lineVersion(t, 'Start-CsWindowsService', 'c.contoso.com', (f) => (f === 'c.contoso.com' ? P1 : null))).toBe('sfb2019');
    expect(lineVersion(twoSiteTopology(), 'Start-CsWindowsService', null)).toBe('lync2013');
  });

  it('takes the Back End HA type from the overlay, else mirror when the topology names a mirror; mirroring never on 2019', () => {
    expect(backEndHaAt(versioned({}), P1)).toBe('mirror');
    expect(backEndHaAt(versioned({}, { [P1]: 'alwayson' }), P1)).toBe('alwayson');
    expect(mirrorAt(versioned(all2015), P1)?.server).toBe('sql1m.contoso.com');
    expect(mirrorAt(versioned(all2019), P1)).toBeNull();
    expect(mirrorAt(versioned(all2015, { [P1]: 'fci' }), P1)).toBeNull();
  });

  it('puts Bootstrapper.exe under each version’s folder', () => {
    expect(bootstrapperPath('lync2013')).toBe('$env:SystemDrive\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe');
    expect(bootstrapperPath('sfb2015')).toContain('\\Skype for Business Server 2015\\Deployment\\');
    expect(bootstrapperPath('sfb2019')).toContain('\\Skype for Business Server 2019\\Deployment\\');
    expect(bootstrapperPath('unknown')).toBe(bootstrapperPath('lync2013'));
  });
});

describe('Back End failover by HA type and version', () => {
  it('uses Invoke-CsDatabaseFailover on a mirrored SfB 2015 Back End', () => {
    const t = versioned(all2015, { [P1]: 'mirror' });
    const p = plan({ kind: 'db-failover', pool: P1, type: 'User' }, buildState(t, {}), t);
    expect(commands(p)).toEqual([
      'Get-CsDatabaseMirrorState -PoolFqdn p1.contoso.com -DatabaseType User',
      'Invoke-CsDatabaseFailover -PoolFqdn p1.contoso.com -DatabaseType User -NewPrincipal mirror -Verbose',
    ]);
  });

  it.each([['alwayson', 'sqlHa.alwayson.title', 'docs-sfb/alwayson-availability-group.md'], ['fci', 'sqlHa.fci.title', 'docs-sfb/back-end-server.md']] as const)(
    'fails an %s Back End over in SQL Server: one manual step, no mirroring cmdlet',
    (ha, title, ref) => {
      const t = versioned(all2019, { [P1]: ha, [P2]: ha });
      const p = plan({ kind: 'db-failover', pool: P1, type: 'User' }, buildState(t, {}), t);
      expect(p.steps.map((s) => [s.manual, s.title.code, s.ref])).toEqual([[true, title, ref]]);
      expect(p.warnings.map((w) => w.code)).toContain('warn.sqlHa');
    },
  );

  it('rejects Invoke-CsDatabaseFailover on an Availability Group and on SfB 2019, and Persistent Chat databases on 2019', () => {
    const ag = versioned(all2015, { [P1]: 'alwayson' });
    const step = { op: { id: 'db-failover', args: { pool: P1, type: 'User', newPrincipal: 'mirror' } } };
    const r1 = checkPlan([step], buildState(ag, {}), ag);
    expect(r1.ok ? null : [r1.violation.rule, r1.violation.ref]).toEqual(['not-mirror-ha', 'docs-sfb/back-end-server.md']);
    const v19 = versioned(all2019);
    const r2 = checkPlan([step], buildState(v19, {}), v19);
    expect(r2.ok ? null : [r2.violation.rule, r2.violation.ref]).toEqual(['not-in-version', 'docs-sfb/SfBServer2019/deprecated.md']);
    expectImpossible(() => plan({ kind: 'db-failover', pool: P1, type: 'User' }, buildState(v19, {}), v19), /no SQL mirroring/);
    expectImpossible(() => plan({ kind: 'db-failover', pool: P1, type: 'PersistentChat' }, buildState(v19, {}), v19), /no Persistent Chat/);
  });

  it('fails the CMS over with its mirror (state and parameters) only where mirroring exists', () => {
    const down = (t: Topology) => buildState(t, { down: [P1] });
    const t15 = versioned(all2015);
    expect(commands(plan({ kind: 'cms-failover' }, down(t15), t15))).toContain('Get-CsDatabaseMirrorState -DatabaseType CentralMgmt -PoolFqdn p2.contoso.com');
    expect(commands(plan({ kind: 'cms-failover' }, down(t15), t15)).some((c) => c.includes('-BackupMirrorSqlServerFqdn sql2m.contoso.com'))).toBe(true);
    const t19 = versioned(all2019);
    expect(commands(plan({ kind: 'cms-failover' }, down(t19), t19)).filter((c) => /Mirror/.test(c))).toEqual([]);
    const ag = versioned(all2015, { [P2]: 'alwayson' });
    expect(commands(plan({ kind: 'cms-failover' }, down(ag), ag)).filter((c) => /Mirror/.test(c))).toEqual([]);
  });
});

describe('XMPP federation by version', () => {
  it('moves XMPP between SfB 2015 Edge pools', () => {
    const t = versioned(all2015);
    const p = plan({ kind: 'edge-failover', pool: EDGE1, federation: 'xmpp' }, buildState(t, { down: [EDGE1] }), t);
    expect(commands(p).some((c) => c.includes('-XmppFederationRoute EdgeServer:edge2.contoso.com'))).toBe(true);
  });

  it('has no XMPP step on SfB 2019, and refuses to move XMPP onto a 2019 Edge pool', () => {
    const t19 = versioned(all2019);
    expectImpossible(() => plan({ kind: 'edge-failover', pool: EDGE1, federation: 'xmpp' }, buildState(t19, { down: [EDGE1] }), t19), /no XMPP federation/);
    const lync = plan({ kind: 'edge-failover', pool: EDGE1 }, buildState(t19, { down: [EDGE1] }), t19);
    expect(lync.steps.map((s) => s.op?.id).filter(Boolean)).toContain('lync-federation-route');
    expect(commands(lync).filter((c) => /Xmpp/i.test(c))).toEqual([]);
    const mixed = versioned({ ...all2015, [EDGE2]: 'sfb2019' });
    expectImpossible(() => plan({ kind: 'edge-failover', pool: EDGE1, federation: 'xmpp' }, buildState(mixed, { down: [EDGE1] }), mixed), /edge2\.contoso\.com is Skype for Business Server 2019/);
    const step = { op: { id: 'xmpp-federation-route', args: { from: EDGE1, to: EDGE2 } } };
    const r = checkPlan([step], buildState(mixed, { down: [EDGE1] }), mixed);
    expect(r.ok ? null : r.violation.rule).toBe('not-in-version');
  });
});

describe('the Deployment Wizard by version', () => {
  it('names the Skype for Business Server wizard on SfB Edge servers and the Lync Server one on 2013', () => {
    const wizard = (t: Topology) => plan({ kind: 'edge-failover', pool: EDGE1, federation: 'lync' }, buildState(t, { down: [EDGE1] }), t)
      .steps.filter((s) => s.title.code === 'lyncFederation.wizard.title').map((s) => [s.instructions.map((i) => i.code), s.ref]);
    expect(wizard(versioned(all2019))).toEqual([[['lyncFederation.wizard.openSfb', 'lyncFederation.wizard.runAgainSfb'], 'docs-sfb/failing-over-and-failing-back-a-pool.md']]);
    expect(wizard(versioned({}))).toEqual([[['lyncFederation.wizard.open', 'lyncFederation.wizard.runAgain'], 'lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md']]);
  });
});

describe('starting a pool by version', () => {
  const failback = (t: Topology): Plan => plan({ kind: 'failback', pool: P1 }, buildState(t, { failedOver: { [P1]: P2 } }), t);

  it('starts an SfB 2015 or 2019 home pool with Start-CsPool before the failback, never a Lync 2013 one', () => {
    for (const t of [versioned(all2015), versioned(all2019)]) {
      const c = commands(failback(t));
      expect(c[0]).toBe('Start-CsPool -PoolFqdn p1.contoso.com');
      expect(c.indexOf('Start-CsPool -PoolFqdn p1.contoso.com')).toBeLessThan(c.findIndex((x) => x.startsWith('Invoke-CsPoolFailBack')));
      expect(failback(t).steps[0]?.notes.map((n) => n.code)).toEqual(['startPool.note.cold', 'startPool.note.quorum']);
    }
    expect(commands(failback(versioned({}))).some((c) => c.startsWith('Start-CsPool'))).toBe(false);
  });

  it('rebuilds an SfB pool under a new FQDN with Start-CsPool and the Bootstrapper of its version', () => {
    const rebuild = (t: Topology) => commands(plan({ kind: 'rebuild', failed: P1, newFqdn: 'p3.contoso.com' }, buildState(t, { down: [P1] }), t));
    const c15 = rebuild(versioned(all2015));
    expect(c15).toContain('Start-CsPool -PoolFqdn p3.contoso.com');
    expect(c15).toContain('& "$env:SystemDrive\\Program Files\\Skype for Business Server 2015\\Deployment\\Bootstrapper.exe"');
    expect(rebuild(versioned(all2019))).toContain('& "$env:SystemDrive\\Program Files\\Skype for Business Server 2019\\Deployment\\Bootstrapper.exe"');
    const c13 = rebuild(versioned({}));
    expect(c13).toContain('Start-CsWindowsService');
    expect(c13.some((c) => c.startsWith('Start-CsPool'))).toBe(false);
  });
});

describe('plan check uses the cmdlet set of the pool each line names', () => {
  const run = (t: Topology, command: string) => {
    const r = checkPlan([{ command }], buildState(t, { down: [P1] }), t);
    return r.ok ? 'ok' : r.violation.rule;
  };

  it('accepts a 2015 parameter on a 2015 pool and rejects it on a Lync 2013 pool of the same deployment', () => {
    const mixed = versioned({ [P1]: 'sfb2015', [P2]: 'lync2013' });
    const line = (pool: string) => `Invoke-CsPoolFailOver -PoolFqdn ${pool} -DisasterMode -SkipDataVerification`;
    expect(commandProblems(line(P1), 'sfb2015')).toEqual([]);
    expect(run(mixed, 'Start-CsPool -PoolFqdn p1.contoso.com')).toBe('ok');
    // Start-CsPool has no Lync Server 2013 page (docs-en), so it is not a 2013 cmdlet at all.
    expect(run(mixed, 'Start-CsPool -PoolFqdn p2.contoso.com')).toBe('unknown-cmdlet');
    expect(run(mixed, 'Invoke-CsBackupServiceSync -PoolFqdn p2.contoso.com -BackupModule All -SkipDataVerification')).toBe('unknown-parameter');
    const r = checkPlan([{ command: line(P2) }], buildState(mixed, { down: [P2] }), mixed);
    expect(r.ok ? null : r.violation.rule).toBe('parameter-not-in-version');
  });

  it('every plan of a mixed 2013 + 2015 deployment uses only cmdlets and parameters of the version of the pool each line names', () => {
    const mixed = versioned({ [P1]: 'lync2013', [EDGE1]: 'lync2013', [P2]: 'sfb2015', [EDGE2]: 'sfb2015' });
    const goals: Goal[] = [
      { kind: 'failover', pool: P1 }, { kind: 'failover', pool: P2 }, { kind: 'cms-failover' },
      { kind: 'db-failover', pool: P2, type: 'User' }, { kind: 'edge-failover', pool: EDGE1 }, { kind: 'rebuild', failed: P2, newFqdn: 'p3.contoso.com' },
    ];
    let lines = 0;
    for (const g of goals) {
      const down = g.kind === 'failover' || g.kind === 'rebuild' ? [g.kind === 'rebuild' ? g.failed : g.pool] : g.kind === 'edge-failover' ? [EDGE1] : [P1];
      const p = plan(g, buildState(mixed, { down }), mixed);
      for (const s of p.steps.filter((x) => x.command)) {
        const v = lineVersion(mixed, s.command!, s.on, (f) => (f === 'p3.contoso.com' ? P2 : null));
        expect(commandProblems(s.command!, v), `${g.kind}: ${s.command}`).toEqual([]);
        lines++;
      }
    }
    const back = plan({ kind: 'failback', pool: P2 }, buildState(mixed, { failedOver: { [P2]: P1 } }), mixed);
    expect(commands(back)[0]).toBe('Start-CsPool -PoolFqdn p2.contoso.com');
    expect(lines).toBeGreaterThan(20);
  });
});
