/**
 * DR engine speed: a plan (generated and replayed through the checker) for every pool of a generated 400-pool
 * topology, target < 1 s in total. Peer, measured in the same run: JSON.stringify + JSON.parse of the same plans —
 * the floor of merely copying the result (the `--json` shape). Reported as ours / peer.
 */
import { buildState, generateStateInput, generateTopology, plan, type Goal, type Plan } from '@lyncdr/domain';
import type { Bench } from './types';

const POOLS = 400;
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function planAll(goals: Goal[], run: (g: Goal) => Plan | null): Plan[] {
  const out: Plan[] = [];
  for (const g of goals) {
    const p = run(g);
    if (p) out.push(p);
  }
  return out;
}

const bench: Bench = {
  id: 'plan',
  description: `failover and failback plans for every pool of a generated ${POOLS}-pool topology, each replayed through checkPlan`,
  async run() {
    const t = generateTopology(42, POOLS);
    const state = buildState(t, generateStateInput(t, 7));
    const goals: Goal[] = state.pools.flatMap((pool) => [{ kind: 'failover', pool } as Goal, { kind: 'failback', pool } as Goal]);
    const attempt = (g: Goal): Plan | null => {
      try {
        return plan(g, state, t);
      } catch {
        return null;
      }
    };
    for (let i = 0; i < 3; i++) planAll(goals, attempt);
    const ours: number[] = [];
    const peer: number[] = [];
    let plans: Plan[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      plans = planAll(goals, attempt);
      ours.push(performance.now() - t0);
      const t1 = performance.now();
      for (const p of plans) JSON.parse(JSON.stringify({ goal: p.goal, steps: p.steps, warnings: p.warnings }));
      peer.push(performance.now() - t1);
    }
    const o = median(ours);
    const f = median(peer);
    const steps = plans.reduce((n, p) => n + p.steps.length, 0);
    return [
      {
        name: `${goals.length} goals on ${state.pools.length} Front End pools (${plans.length} plans, ${steps} steps)`,
        value: o,
        unit: 'ms',
        target: '< 1000 ms',
        peer: { name: 'JSON.stringify+parse of the same plans', value: f },
        ratio: o / f,
        note: `median of ${RUNS}; ${goals.length - plans.length} goals impossible from the state (refused with a reason)`,
      },
    ];
  },
};

export default bench;
