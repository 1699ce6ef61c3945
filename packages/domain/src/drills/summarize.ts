/**
 * The measured figures of a run (pure): total duration, each step's duration, the time until service was restored
 * (Microsoft's RTO is "the time required for the failover to happen, after administrators … started the failover
 * procedures": from the run's start to the end of the step that restores service), against the overlay's target,
 * Microsoft's target and the plan's estimates.
 */
import type { RunState } from './types';

/** Per goal, the operation whose step ends the outage (users served again, the CMS or the database back). */
const RESTORING: Partial<Record<string, string>> = {
  failover: 'pool-failover',
  serve: 'pool-failover',
  failback: 'pool-failback',
  'cms-failover': 'cms-failover',
  'db-failover': 'db-failover',
};

export interface StepFigures {
  n: number;
  seconds: number | null;
  estimateMinutes: number | null;
}

export interface RunSummary {
  totalSeconds: number | null;
  usersDownSeconds: number | null;
  measuredRtoMinutes: number | null;
  targetRtoMinutes: number | null;
  microsoft: RunState['started']['microsoft'];
  estimateMinutes: number | null;
  /** Measured RTO minus the overlay's target (positive: over target), when both are known. */
  overTargetMinutes: number | null;
  events: number;
  steps: StepFigures[];
}

const seconds = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : null;

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function summarizeRun(state: RunState): RunSummary {
  const kind = state.started.goalSpec.kind;
  const restoring = [...state.steps].reverse().find((s) => {
    const op = s.step.op;
    if (op === null) return false;
    return kind === 'rebuild' ? op.id === 'abc' && op.args.stage === 'start-c' : op.id === RESTORING[kind];
  });
  const usersDownSeconds = restoring?.status === 'done' ? seconds(state.startedAt, restoring.endedAt) : null;
  const totalSeconds = seconds(state.startedAt, state.finishedAt);
  const rtoSeconds = usersDownSeconds ?? (state.outcome === 'completed' ? totalSeconds : null);
  const measuredRtoMinutes = rtoSeconds === null ? null : round1(rtoSeconds / 60);
  const estimates = state.steps.map((s) => s.step.durationMinutes).filter((m): m is number => m !== null);
  const target = state.started.targetRtoMinutes;
  return {
    totalSeconds,
    usersDownSeconds,
    measuredRtoMinutes,
    targetRtoMinutes: target,
    microsoft: state.started.microsoft,
    estimateMinutes: estimates.length ? estimates.reduce((a, b) => a + b, 0) : null,
    overTargetMinutes: measuredRtoMinutes !== null && target !== null ? round1(measuredRtoMinutes - target) : null,
    events: state.seq,
    steps: state.steps.map((s) => ({ n: s.step.n, seconds: seconds(s.startedAt, s.endedAt), estimateMinutes: s.step.durationMinutes })),
  };
}
