/** Small constructors for plan steps and violations, so operations stay short. */
import type { Op, StepDraft, Violation } from './types';

export function commandStep(
  title: string,
  command: string,
  fields: { check?: string | null; on?: string | null; op?: Op | null; ref: string; minutes?: number | null; notes?: string[] },
): StepDraft {
  return {
    title,
    command,
    check: fields.check ?? null,
    on: fields.on ?? null,
    op: fields.op ?? null,
    manual: false,
    instructions: [],
    durationMinutes: fields.minutes ?? null,
    ref: fields.ref,
    notes: fields.notes ?? [],
  };
}

export function manualStep(
  title: string,
  instructions: string[],
  fields: { check?: string | null; on?: string | null; op?: Op | null; ref: string; minutes?: number | null; notes?: string[] },
): StepDraft {
  return {
    title,
    command: null,
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

export function str(op: Op, key: string): string {
  const v = op.args[key];
  return typeof v === 'string' ? v : '';
}

export function flag(op: Op, key: string): boolean {
  return op.args[key] === true;
}
