/** Small constructors for plan steps and violations, so operations stay short. */
import type { PlanText } from './text';
import type { Op, StepDraft, Violation } from './types';

export interface StepFields {
  check?: PlanText | null;
  on?: string | null;
  op?: Op | null;
  ref: string;
  minutes?: number | null;
  notes?: PlanText[];
  instructions?: PlanText[];
  /** Descriptions of the `<TBD:i>` blanks of the command (text.ts). */
  blanks?: PlanText[];
}

export function commandStep(title: PlanText, command: string, fields: StepFields): StepDraft {
  return {
    title,
    command,
    blanks: fields.blanks ?? [],
    check: fields.check ?? null,
    on: fields.on ?? null,
    op: fields.op ?? null,
    manual: false,
    instructions: fields.instructions ?? [],
    durationMinutes: fields.minutes ?? null,
    ref: fields.ref,
    notes: fields.notes ?? [],
  };
}

export function manualStep(title: PlanText, instructions: PlanText[], fields: Omit<StepFields, 'instructions' | 'blanks'>): StepDraft {
  return {
    title,
    command: null,
    blanks: [],
    check: fields.check ?? null,
    on: fields.on ?? null,
    op: fields.op ?? null,
    manual: true,
    instructions,
    durationMinutes: fields.minutes ?? null,
    ref: fields.ref,
    notes: fields.notes ?? [],
  };
}

export function violation(rule: string, message: string, ref: string): Violation {
  return { rule, stepN: 0, message, ref };
}
