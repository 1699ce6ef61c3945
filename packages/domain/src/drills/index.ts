/** Drills and real runs: the events of a run, their fold, the rules of a change, the measured figures, the cadence. */
export type {
  EvidenceRef, FinishedData, MicrosoftTarget, RunEvent, RunKind, RunOutcome, RunState, StartedData, StepData, StepState, StepStatus,
} from './types';
export { foldRun } from './fold-run';
export { decideFinish, decideStep, type StepChange } from './decide';
export { summarizeRun, type RunSummary, type StepFigures } from './summarize';
export { goalPool, microsoftTarget, rollbackGoal } from './targets';
export { evaluateDrillCadence, type FinishedRun } from './cadence';
