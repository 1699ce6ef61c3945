/** DR readiness: would each failover work now, what would be lost, how long would it take (docs/readiness.md). */
export { BLOCKING_CODES, blockerCodes } from './types';
export type { AgentReach, BlockerCode, GoalReadiness, ReadinessBlocker, ReadinessFact, ReadinessInput, ReadinessReport, ReadinessStatus, ReadinessTargets } from './types';
export { evaluateReadiness, liveState, planCommand, readinessItemId, targetsFor } from './evaluate';
export { liveFacts, REACH_GRACE_SECONDS, syncFromModules, type LiveFacts } from './facts';
export { readinessGoals, type ReadinessGoal } from './goals';
export { readinessEntries } from './entries';
export { blockerInEnglish } from './words';
