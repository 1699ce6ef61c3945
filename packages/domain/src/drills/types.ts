/**
 * Drills and real runs (docs/drills.md): a run is a plan frozen at its start, then an append-only list of events
 * (who, when, what). Everything else — each step's status and times, the measured figures — is folded from them.
 */
import type { Goal, PlanStep } from '../dr/types';
import type { PlanText } from '../dr/text';

export type RunKind = 'drill' | 'real';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';
export type RunOutcome = 'completed' | 'abandoned';

/** An evidence file as the run refers to it (the content is in the store). */
export interface EvidenceRef {
  id: string;
  name: string;
  size: number;
  sha256: string;
  /** The first lines of a text file, for the report (empty for binary files). */
  excerpt: string;
}

/** Engineering targets of Microsoft for the goal on this product version, with the page. */
export interface MicrosoftTarget {
  rtoMinutes: string;
  rpoMinutes: string;
  ref: string;
}

export interface StartedData {
  kind: RunKind;
  title: string;
  /** The goal as the plan command prints it (`failover --pool …`), and as data. */
  goal: string;
  goalSpec: Goal;
  /** The DR state the plan was made from, as given (state.json), so a changed order can be replayed. */
  stateInput: unknown;
  steps: PlanStep[];
  warnings: PlanText[];
  /** Topology fingerprint and lyncdr version at the start: the run is about this deployment and this plan. */
  fingerprint: string;
  lyncdrVersion: string;
  /** The overlay's RTO target for the goal's pool (or the deployment's), null when none is set. */
  targetRtoMinutes: number | null;
  microsoft: MicrosoftTarget | null;
}

export interface StepData {
  n: number;
  status: StepStatus;
  note?: string;
  /** Why a step was skipped, or done out of order. */
  reason?: string;
  evidence?: EvidenceRef;
  /** Present when the step was changed while earlier steps were still open: those steps, and whether the new order replays. */
  outOfOrder?: { open: number[]; replays: boolean | null };
}

export interface FinishedData {
  outcome: RunOutcome;
  note?: string;
}

interface EventBase {
  seq: number;
  at: string;
  operator: string;
}

export type RunEvent =
  | (EventBase & { type: 'started'; data: StartedData })
  | (EventBase & { type: 'step'; data: StepData })
  | (EventBase & { type: 'finished'; data: FinishedData });

export interface StepState {
  step: PlanStep;
  status: StepStatus;
  startedAt: string | null;
  endedAt: string | null;
  operators: string[];
  notes: string[];
  reason: string | null;
  evidence: EvidenceRef[];
  /** How many times it failed (a failed step can be retried). */
  failures: number;
}

export interface RunState {
  id: string;
  started: StartedData;
  operator: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome | null;
  finishNote: string | null;
  seq: number;
  steps: StepState[];
}
