/**
 * What the runs API answers (`GET /api/runs/:id` and every write): the run's steps in the plan's order with their
 * status, in the language asked for, and the measured figures. The dashboard and `lyncdr run` read only this shape.
 */
import type { EvidenceRef, StepStatus } from '@lyncdr/domain';
import type { DrillReportInput, DrillReportStep } from '@lyncdr/documents';

export type { StepStatus };

/** An evidence file of a step: the domain's reference to it (id, name, size, SHA-256, excerpt). */
export type EvidenceView = EvidenceRef;

/** A step as the report prints it (documents' DrillReportStep), with what an operator needs to do it, and evidence ids. */
export interface RunStepView extends Omit<DrillReportStep, 'seconds' | 'evidence'> {
  instructions: string[];
  check: string | null;
  evidence: EvidenceView[];
}

/** The run: the report's header fields (documents' DrillReportInput) and the live state of its steps. */
export interface RunView extends Pick<DrillReportInput, 'id' | 'kind' | 'title' | 'goal' | 'operator' | 'startedAt' | 'finishedAt' | 'outcome' | 'fingerprint' | 'lyncdrVersion'> {
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
