/**
 * Replays a list of steps from a state and returns the first broken rule (step number, rule, reference), or the state
 * the steps lead to. DESIGN §7: checkPlan(steps, state, topology) → first Violation | ok.
 * Every step's PowerShell line is first checked against the cmdlet reference of the product version of the pool it
 * names (versions.ts; cmdlets/): an unknown cmdlet or parameter is a violation naming it and the closest valid name. Steps written as commands only
 * (no `op`) are recognised from their cmdlets, with what the whole list tells (replay-context.ts).
 */
import type { Topology } from '@lyncdr/topology';
import { commandProblems, type ProductVersion } from './cmdlets/index';
import { OPERATIONS } from './operations/index';
import { recogniseStep, type StepInput } from './recognise';
import { findRebuilds, type ReplayContext } from './replay-context';
import { violation } from './draft';
import { REF } from './refs';
import { lineVersion } from './versions';
import type { CheckResult, DrState, Violation } from './types';

export interface CheckOptions {
  /**
   * The cmdlet set every command is checked against. Default: per line, the version of the pool the line names (or
   * runs on), Lync Server 2013 where the topology does not say (versions.ts).
   */
  version?: ProductVersion;
}

/** The first cmdlet-reference problem of a step's command, with every problem of the line in its message. */
function commandViolation(command: string, version: ProductVersion): Violation | null {
  const problems = commandProblems(command, version);
  const [first] = problems;
  if (!first) return null;
  return violation(first.rule, problems.map((p) => p.message).join('; '), first.ref);
}

export function checkPlan(steps: (StepInput & { n?: number })[], state: DrState, topology: Topology, options: CheckOptions = {}): CheckResult {
  let current = state;
  const ctx: ReplayContext = { rebuilds: findRebuilds(steps, state, topology), failedBack: [] };
  for (const [i, step] of steps.entries()) {
    const stepN = typeof step.n === 'number' ? step.n : i + 1;
    const alias = (fqdn: string): string | null => {
      const lower = fqdn.toLowerCase();
      if (step.op?.id === 'abc' && typeof step.op.args.failed === 'string') return step.op.args.failed;
      const abc = Object.entries(current.abc).find(([, p]) => p.newPool.toLowerCase() === lower);
      return abc?.[0] ?? ctx.rebuilds.find((r) => r.c.toLowerCase() === lower)?.a ?? null;
    };
    const bad = step.command ? commandViolation(step.command, options.version ?? lineVersion(topology, step.command, step.on, alias)) : null;
    if (bad) return { ok: false, violation: { ...bad, stepN } };
    const r = recogniseStep(step, current, topology, `steps[${i}]`, ctx);
    if (r === null) continue;
    if ('violation' in r) return { ok: false, violation: { ...r.violation, stepN } };
    for (const op of [...(r.implied ?? []), r.op]) {
      const spec = OPERATIONS[op.id];
      if (!spec) return { ok: false, violation: { ...violation('unknown-operation', `step ${stepN} names an unknown operation "${op.id}"; known: ${Object.keys(OPERATIONS).join(', ')}`, REF.managing), stepN } };
      const parsed = spec.parse(op, { where: step.op ? `steps[${i}].op` : `steps[${i}]` });
      const [first] = parsed.check(current, topology);
      if (first) return { ok: false, violation: { ...first, stepN } };
      current = parsed.apply(current, topology);
      if (op.id === 'pool-failback' && typeof op.args.pool === 'string') ctx.failedBack.push(op.args.pool);
    }
  }
  return { ok: true, finalState: current, steps: steps.length };
}
