/**
 * Replays a list of steps from a state and returns the first broken rule (step number, rule, reference), or the state
 * the steps lead to. DESIGN §7: checkPlan(steps, state, topology) → first Violation | ok.
 */
import type { Topology } from '@lyncdr/topology';
import { OPERATIONS } from './operations/index';
import { recogniseStep, type StepInput } from './recognise';
import { violation } from './draft';
import { REF } from './refs';
import type { CheckResult, DrState } from './types';

export function checkPlan(steps: (StepInput & { n?: number })[], state: DrState, topology: Topology): CheckResult {
  let current = state;
  for (const [i, step] of steps.entries()) {
    const stepN = typeof step.n === 'number' ? step.n : i + 1;
    const r = recogniseStep(step, current, topology, `steps[${i}]`);
    if (r === null) continue;
    if ('violation' in r) return { ok: false, violation: { ...r.violation, stepN } };
    const spec = OPERATIONS[r.op.id];
    if (!spec) return { ok: false, violation: { ...violation('unknown-operation', `step ${stepN} names an unknown operation "${r.op.id}"; known: ${Object.keys(OPERATIONS).join(', ')}`, REF.managing), stepN } };
    const [first] = spec.check(current, r.op, topology);
    if (first) return { ok: false, violation: { ...first, stepN } };
    current = spec.apply(current, r.op, topology);
  }
  return { ok: true, finalState: current, steps: steps.length };
}
