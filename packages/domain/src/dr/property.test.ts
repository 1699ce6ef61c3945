import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { buildState, checkPlan, parseStepsDocument, plan, type DrState } from './index';
import { allGoals } from './testing/all-goals';
import { twoSiteTopology } from './testing/build-topology';
import { createRandom, generateStateInput, generateTopology } from './testing/generate';

/** Plans every goal; each plan must replay cleanly from its JSON form. Returns [planned, impossible]. */
function planAll(t: Topology, state: DrState): [number, number] {
  let ok = 0;
  let impossible = 0;
  for (const goal of allGoals(t, state)) {
    let p;
    try {
      p = plan(goal, state, t);
    } catch (e) {
      if (e instanceof LyncdrError && (e.code === 'E_PLAN_IMPOSSIBLE' || e.code === 'E_UNKNOWN_FQDN')) {
        impossible++;
        continue;
      }
      throw new Error(`goal ${JSON.stringify(goal)} from ${JSON.stringify({ failedOver: state.failedOver, down: state.down, cms: state.cmsActive })}: ${(e as Error).message}`);
    }
    const steps = parseStepsDocument(JSON.parse(JSON.stringify({ goal: p.goal, steps: p.steps, warnings: p.warnings })), 'plan.json');
    const r = checkPlan(steps, state, t);
    if (!r.ok) throw new Error(`goal ${p.goal}: step ${r.violation.stepN} breaks ${r.violation.rule}: ${r.violation.message}`);
    expect(r.finalState).toEqual(p.finalState);
    // The same plan as an admin would write it: command lines only, no `op`.
    const bare = steps.map(({ n, command, on }) => ({ n, command, on }));
    let rb;
    try {
      rb = checkPlan(bare, state, t);
    } catch (e) {
      throw new Error(`goal ${p.goal} without op: ${(e as Error).message}`);
    }
    if (!rb.ok) throw new Error(`goal ${p.goal} without op: step ${rb.violation.stepN} breaks ${rb.violation.rule}: ${rb.violation.message}`);
    ok++;
  }
  return [ok, impossible];
}

describe('property: every generated plan replays cleanly in the checker', () => {
  it('the two-site example, in every state of its pair', () => {
    const t = twoSiteTopology();
    const [a, b] = ['p1.contoso.com', 'p2.contoso.com'];
    const states = [
      {}, { down: [a] }, { down: [b] }, { failedOver: { [a]: b } }, { failedOver: { [a]: b }, down: [a] }, { failedOver: { [b]: a }, cmsActive: b },
      { down: ['edge1.contoso.com'] }, { down: [a, 'edge1.contoso.com'], cmsActive: b }, { cmsAvailable: false }, { down: ['sql1.contoso.com'] },
    ];
    let total = 0;
    for (const s of states) total += planAll(t, buildState(t, s))[0];
    expect(total).toBeGreaterThan(60);
  });

  it('random topologies and states (seeded)', () => {
    let planned = 0;
    let impossible = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = createRandom(seed * 7919);
      const t = generateTopology(seed, 2 + r.int(10));
      for (let k = 0; k < 3; k++) {
        const state = buildState(t, generateStateInput(t, seed * 100 + k));
        const [ok, no] = planAll(t, state);
        planned += ok;
        impossible += no;
      }
    }
    expect(planned).toBeGreaterThan(1000);
    expect(impossible).toBeGreaterThan(0);
  }, 120_000); // about 1 000 plans, each replayed twice: a fixed amount of work, given room on a busy machine
});
