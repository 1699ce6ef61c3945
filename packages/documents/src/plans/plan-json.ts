/**
 * The JSON of a plan for `lyncdr plan --json` and the dashboard. The DESIGN §4 fields stay plain text (`title`,
 * `check`, `warnings`, rendered in the given language, commands with their blanks written out so the steps can be fed
 * back to `plan check`); `codes` (per step) and `warningCodes` carry the same texts as { code, params }.
 */
import type { Plan, PlanText } from '@lyncdr/domain';
import type { Lang } from '../model';
import { renderPlanCommand, renderPlanText } from '../text/plan-text';

export interface PlanJsonStep {
  n: number;
  title: string;
  command: string | null;
  check: string | null;
  on: string | null;
  op: Plan['steps'][number]['op'];
  manual: boolean;
  instructions: string[];
  durationMinutes: number | null;
  ref: string;
  notes: string[];
  blanks: string[];
  codes: { title: PlanText; check: PlanText | null; instructions: PlanText[]; notes: PlanText[]; blanks: PlanText[] };
}

export interface PlanJson {
  goal: string;
  steps: PlanJsonStep[];
  warnings: string[];
  warningCodes: PlanText[];
}

export function planJson(p: Plan, lang: Lang = 'en'): PlanJson {
  const text = (t: PlanText): string => renderPlanText(t, lang);
  return {
    goal: p.goal,
    steps: p.steps.map((s) => ({
      n: s.n,
      title: text(s.title),
      command: renderPlanCommand(s, lang),
      check: s.check ? text(s.check) : null,
      on: s.on,
      op: s.op,
      manual: s.manual,
      instructions: s.instructions.map(text),
      durationMinutes: s.durationMinutes,
      ref: s.ref,
      notes: s.notes.map(text),
      blanks: s.blanks.map(text),
      codes: { title: s.title, check: s.check, instructions: s.instructions, notes: s.notes, blanks: s.blanks },
    })),
    warnings: p.warnings.map(text),
    warningCodes: p.warnings,
  };
}
