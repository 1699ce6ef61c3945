/**
 * Accumulates a plan while tracking the state it leads to: every operation added is checked first, so a generated
 * plan replays cleanly by construction (checkPlan confirms it again).
 */
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { OPERATIONS } from './operations/index';
import { sameText, type PlanText } from './text';
import type { DrState, Op, ParsedOp, StepDraft } from './types';

export interface PlanBuilder {
  readonly topology: Topology;
  state: DrState;
  drafts: StepDraft[];
  warnings: PlanText[];
  add(op: Op): void;
  addSteps(steps: StepDraft[]): void;
  warn(text: PlanText): void;
}

export function createPlanBuilder(state: DrState, topology: Topology): PlanBuilder {
  const b: PlanBuilder = {
    topology,
    state,
    drafts: [],
    warnings: [],
    add(op) {
      const spec = OPERATIONS[op.id];
      if (!spec) throw new LyncdrError('E_INTERNAL', `unknown DR operation ${op.id}`);
      let parsed: ParsedOp;
      try {
        parsed = spec.parse(op, { where: `step ${b.drafts.length + 1}.op` });
      } catch (e) {
        throw new LyncdrError('E_INTERNAL', `generated plan: ${(e as Error).message}`, { cause: e });
      }
      const [v] = parsed.check(b.state, topology);
      if (v) throw new LyncdrError('E_PLAN_IMPOSSIBLE', `${v.message} [${v.rule}; ${v.ref}]`);
      b.drafts.push(...parsed.commands(topology));
      b.state = parsed.apply(b.state, topology);
    },
    addSteps(steps) {
      b.drafts.push(...steps);
    },
    warn(text) {
      if (!b.warnings.some((w) => sameText(w, text))) b.warnings.push(text);
    },
  };
  return b;
}

/** A goal that cannot be reached from this state: says why and what would make it possible (exit 2). */
export function impossible(message: string): never {
  throw new LyncdrError('E_PLAN_IMPOSSIBLE', message);
}
