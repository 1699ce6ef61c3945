/**
 * Plan text as codes: every title, verification, instruction, note and warning the engine writes is a code with
 * parameters, like the policy's reasonCode + reasonParams. The English and French templates live in
 * @lyncdr/documents (text/plan-en.ts, text/plan-fr.ts); the engine writes no sentence itself.
 * A parameter is a plain value (an FQDN, a number) or another text (rendered in the same language).
 */
export type TextParam = string | number | PlanText;

export interface PlanText {
  code: string;
  params: Record<string, TextParam>;
}

export function txt(code: string, params: Record<string, TextParam> = {}): PlanText {
  return { code, params };
}

/**
 * A blank a person fills in, inside a command line: `<TBD:0>` is the step's first blank, described by `blanks[0]`
 * and printed as `<TBD — owner: …>` in the reader's language.
 */
export function blank(i: number): string {
  return `<TBD:${i}>`;
}

export const BLANK_RE = /<TBD:(\d+)>/g;

export function sameText(a: PlanText, b: PlanText): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
