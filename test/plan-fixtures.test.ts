/**
 * The DR engine on real topology documents read by the real parser: the project's examples and, when present, the
 * shared real-world fixtures (never copied into the project). For every goal of every pool, from several states,
 * each generated plan replays cleanly through checkPlan after a JSON round trip.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildState, checkPlan, parseStepsDocument, plan, type DrState, type Goal } from '../packages/domain/src/index';
import { LyncdrError } from '../packages/errors/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';
import { repoRoot } from './planner-helpers';

function load(file: string, overlay?: string): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(file)), { file });
  return overlay ? applyOverlay(t, parseOverlay(readFileSync(overlay, 'utf8'), { file: overlay })) : t;
}

function goals(t: Topology, s: DrState): Goal[] {
  const out: Goal[] = [{ kind: 'cms-failover' }];
  for (const p of s.pools) {
    out.push({ kind: 'failover', pool: p }, { kind: 'failback', pool: p }, { kind: 'restore-conference-content', pool: p }, { kind: 'db-failover', pool: p, type: 'User' }, { kind: 'rebuild', failed: p, newFqdn: `rebuilt-${p}` });
    for (const q of s.pools) if (q !== p) out.push({ kind: 'serve', usersOf: p, by: q });
  }
  for (const e of t.pools.filter((x) => x.kind === 'Edge')) {
    out.push({ kind: 'edge-failover', pool: e.fqdn }, { kind: 'edge-failback', pool: e.fqdn });
    for (const p of s.pools) out.push({ kind: 'edge-associate', pool: p, edge: e.fqdn });
  }
  return out;
}

/** States: nothing wrong; each pool down; each pair failed over either way; each Edge pool down. */
function states(t: Topology): DrState[] {
  const base = buildState(t, {});
  const out = [base];
  for (const p of base.pools) out.push(buildState(t, { down: [p] }));
  for (const [a, b] of base.pairs) {
    out.push(buildState(t, { failedOver: { [a]: b }, down: [a] }), buildState(t, { failedOver: { [b]: a } }));
  }
  for (const e of t.pools.filter((x) => x.kind === 'Edge')) out.push(buildState(t, { down: [e.fqdn] }));
  return out;
}

function replayAll(t: Topology): number {
  let planned = 0;
  for (const s of states(t)) {
    for (const g of goals(t, s)) {
      let p;
      try {
        p = plan(g, s, t);
      } catch (e) {
        if (e instanceof LyncdrError && e.code === 'E_PLAN_IMPOSSIBLE') continue;
        throw e;
      }
      const steps = parseStepsDocument(JSON.parse(JSON.stringify({ goal: p.goal, steps: p.steps, warnings: p.warnings })), 'plan.json');
      const r = checkPlan(steps, s, t);
      if (!r.ok) throw new Error(`${p.goal}: step ${r.violation.stepN} ${r.violation.rule}: ${r.violation.message}`);
      planned++;
    }
  }
  return planned;
}

describe('DR plans on the project examples replay cleanly', () => {
  it.each([['two-site'], ['standard-edition']])('examples/%s', (name) => {
    const dir = path.join(repoRoot, 'examples', name);
    for (const file of ['topology.xml', 'topology.tbxml']) {
      const t = load(path.join(dir, file), path.join(dir, 'lyncdr.yaml'));
      expect(replayAll(t)).toBeGreaterThan(5);
    }
  });
});

const fixtures = path.resolve(repoRoot, '../shared/fixtures/topology');
if (!existsSync(fixtures)) console.warn(`skipped: DR plans on the shared topology fixtures (${fixtures} is absent)`);

describe.skipIf(!existsSync(fixtures))('DR plans on the shared topology fixtures replay cleanly', () => {
  it('two-sites.SYNTHETIC.xml + overlay (the contract check\'s deployment)', () => {
    const t = load(path.join(fixtures, 'two-sites.SYNTHETIC.xml'), path.join(fixtures, 'two-sites.lyncdr.yaml'));
    expect(replayAll(t)).toBeGreaterThan(10);
    const p = plan({ kind: 'failover', pool: 'pool-red.contoso.test' }, buildState(t, { failedOver: {}, down: ['pool-red.contoso.test'], cmsActive: null }), t);
    const cmds = p.steps.map((s) => s.command);
    expect(cmds.indexOf('Invoke-CsPoolFailOver -PoolFqdn pool-red.contoso.test -DisasterMode -Verbose')).toBeGreaterThan(cmds.findIndex((c) => c?.startsWith('Invoke-CsManagementServerFailover -BackupSqlServerFqdn')));
  });

  it('Contoso.tbxml (a real Topology Builder document), with no pairs: failovers are refused with a reason', () => {
    const t = load(path.join(fixtures, 'Contoso.tbxml'));
    const s = buildState(t, {});
    replayAll(t);
    for (const pool of s.pools.filter((p) => !s.pairs.some((x) => x.includes(p)))) {
      expect(() => plan({ kind: 'failover', pool }, s, t)).toThrow(/no backup pool/);
    }
  });
});
