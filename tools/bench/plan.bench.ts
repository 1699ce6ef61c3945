/**
 * DR plans as an admin runs them: `lyncdr plan failover --pool … --down …` on the two-site example (a whole process:
 * start-up, topology and overlay parsed, plan built and replayed through the checker, JSON printed), against
 * `node -e 0` (the floor of any Node process). Second column: plans for every pool of a generated 400-pool topology,
 * in-process (the engine alone).
 */
import path from 'node:path';
import { buildState, generateStateInput, generateTopology, plan, type Goal } from '@lyncdr/domain';
import { entryCmd, measurePair, repoRoot } from './whole-process';
import type { Bench, RowSpec } from './types';

const example = (f: string) => path.join(repoRoot, 'examples/two-site', f);
const rows: RowSpec[] = [
  {
    id: 'plan-failover',
    title: '`lyncdr plan failover` of a pool that is down (two-site example)',
    subject: { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr plan failover --json' },
    peer: { kind: 'process', entry: 'tool', label: 'node -e 0' },
    inProcessLabel: 'plans for all 400 pools of a generated topology, in-process',
  },
];

function engineMs(): number {
  const t = generateTopology(42, 400);
  const state = buildState(t, generateStateInput(t, 7));
  const goals: Goal[] = state.pools.flatMap((pool) => [{ kind: 'failover', pool } as Goal, { kind: 'failback', pool } as Goal]);
  const all = () => {
    for (const g of goals) {
      try {
        plan(g, state, t);
      } catch {
        // a goal the state makes impossible is refused with a reason
      }
    }
  };
  all();
  const t0 = performance.now();
  all();
  return performance.now() - t0;
}

const bench: Bench = {
  id: 'plan',
  description: 'lyncdr plan failover as a whole process against node -e 0',
  rows,
  async run() {
    const cmd = entryCmd('lyncdr-cli', ['plan', 'failover', '--pool', 'pool01.contoso.example', '--down', 'pool01.contoso.example', '--topology', example('topology.xml'), '--overlay', example('lyncdr.yaml'), '--json']);
    const r = measurePair(rows[0]!, cmd, { argv: [process.execPath, '-e', '0'] }, {
      runs: 7,
      checkOurs: (run) => {
        if (!(JSON.parse(run.stdout) as { steps: unknown[] }).steps.length) throw new Error('lyncdr plan printed no steps');
      },
    });
    r.inProcess = { value: engineMs(), unit: 'ms' };
    return [r];
  },
};
export default bench;
