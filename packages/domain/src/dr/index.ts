/** The disaster-recovery engine: DR state, operations, plan generation and plan checking (DESIGN §7). */
export type { AbcProgress, CheckResult, DrState, Goal, Op, OpArgs, Operation, OperationSpec, ParsedOp, Plan, PlanStep, StepDraft, SyncStatus, Violation } from './types';
export { describeArgs } from './operation';
export { initialState, buildState } from './state';
export { txt, blank, BLANK_RE, type PlanText, type TextParam } from './text';
export { plan, describeGoal } from './plan';
export { checkPlan, type CheckOptions } from './check-plan';
export {
  ALLOWED_PROGRAMS, CMDLET_SETS, PARAMETER_ERRATA, allowedProgram, closest, commandProblems, commandUses
} from './cmdlets/index';
export type { CmdletEntry, CmdletSet, CommandProblem, CommandRule, CommandUse, ProductVersion } from './cmdlets/index';
export { recogniseStep, type StepInput } from './recognise';
export { parsePowerShell, type PsCommand } from './powershell';
export { OPERATIONS, ABC_STAGES, DATABASE_TYPES, BACKUP_MODULES } from './operations/index';
export { REF as DR_REFS, MINUTES as DR_MINUTES } from './refs';
export { parseGoal, GOAL_KINDS, stateInputWith, type GoalOptions, type StateOptions } from './goal-input';
export { parseStepsDocument } from './steps-input';
export {
  backEndHaAt, bootstrapperPath, cmdletVersionAt, hasPersistentChat, hasStartPool, hasXmpp, lineVersion, mirrorAt, productAt, VERSION_REF,
  type HostAlias,
} from './versions';
/** Builders of synthetic deployments and states (pure), for tests and benchmarks. */
export { buildTopology, twoSiteTopology, type PoolSpec, type TopologySpec } from './testing/build-topology';
export { createRandom, generateTopology, generateStateInput } from './testing/generate';
