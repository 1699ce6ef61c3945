/**
 * What the runs API answers (`GET /api/runs/:id` and every write): the run's steps in the plan's order with their
 * status, in the language asked for, and the measured figures. The dashboard and `lyncdr run` read only this shape.
 */
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface EvidenceView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  excerpt: string;
}

export interface RunStepView {
  n: number;
  title: string;
  command: string | null;
  on: string | null;
  manual: boolean;
  instructions: string[];
  check: string | null;
  /** The plan's estimate in minutes, when the reference gives one. */
  estimateMinutes: number | null;
  status: StepStatus;
  startedAt: string | null;
  endedAt: string | null;
  /** Everyone who changed this step, in order. */
  operators: string[];
  notes: string[];
  /** Why it was skipped or done out of order (the latest reason given). */
  reason: string | null;
  evidence: EvidenceView[];
}

export interface RunView {
  id: string;
  kind: 'drill' | 'real';
  title: string;
  goal: string;
  /** Who started it. */
  operator: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'completed' | 'abandoned' | null;
  fingerprint: string;
  lyncdrVersion: string;
  /** Number of events so far (the next change is event `seq + 1`). */
  seq: number;
  /** The first step in the plan's order that is neither done nor skipped, or null when none is left. */
  next: number | null;
  steps: RunStepView[];
  /** The measured figures (durations, users-down time, RTO against the targets); the core's summary as JSON. */
  summary: unknown;
  /** What undoes the goal, as the plan command to print it (`failback --pool …`), offered when a step fails; null when nothing does. */
  rollback: string | null;
}

export interface RunListEntry {
  id: string;
  kind: 'drill' | 'real';
  title: string;
  started: string;
  finished: string | null;
  outcome: 'completed' | 'abandoned' | null;
}
