/**
 * Reads a steps document for `plan check`: `{ "steps": [...] }` (the plan JSON's `steps`) or the whole plan document.
 * Each step needs a `command` (string or null) or an `op`; anything else is E_STEPS (exit 2) naming the step and field.
 */
import { LyncdrError } from '@lyncdr/errors';
import { OPERATIONS } from './operations/index';
import type { StepInput } from './recognise';
import type { OpArgs } from './types';

function fail(file: string, where: string, message: string): never {
  throw new LyncdrError('E_STEPS', message, { location: { file, where } });
}

export function parseStepsDocument(doc: unknown, file: string): (StepInput & { n?: number })[] {
  const steps = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null ? (doc as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(steps)) fail(file, 'steps', 'expected {"steps": [...]} (the "steps" of lyncdr plan --json) or the whole plan document');
  return steps.map((s: unknown, i) => {
    const where = `steps[${i}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) fail(file, where, `${where} must be an object with "command" and/or "op"`);
    const step = s as Record<string, unknown>;
    if (step.command !== undefined && step.command !== null && typeof step.command !== 'string') fail(file, `${where}.command`, `${where}.command must be a PowerShell line (string) or null`);
    if (step.n !== undefined && typeof step.n !== 'number') fail(file, `${where}.n`, `${where}.n must be a number`);
    if (step.on !== undefined && step.on !== null && typeof step.on !== 'string') fail(file, `${where}.on`, `${where}.on must be an FQDN or null`);
    let op: StepInput['op'] = null;
    if (step.op !== undefined && step.op !== null) {
      const o = step.op as Record<string, unknown>;
      if (typeof o !== 'object' || typeof o.id !== 'string' || typeof o.args !== 'object' || o.args === null || Array.isArray(o.args)) {
        fail(file, `${where}.op`, `${where}.op must be {"id": "<operation>", "args": {…}}`);
      }
      for (const [k, v] of Object.entries(o.args as Record<string, unknown>)) {
        if (typeof v !== 'string' && typeof v !== 'boolean') fail(file, `${where}.op.args.${k}`, `${where}.op.args.${k} must be a string or true/false`);
      }
      const spec = OPERATIONS[o.id as string];
      if (!spec) fail(file, `${where}.op.id`, `${where}.op.id "${String(o.id)}" is not an operation; known: ${Object.keys(OPERATIONS).join(', ')}`);
      op = { id: o.id as string, args: o.args as OpArgs };
      spec.parse(op, { file, where: `${where}.op` });
    }
    if (step.command === undefined && op === null) fail(file, where, `${where} has neither "command" nor "op"`);
    return { n: step.n as number | undefined, command: (step.command as string | null | undefined) ?? null, on: (step.on as string | null | undefined) ?? null, op };
  });
}
