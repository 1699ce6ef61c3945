/**
 * The typed boundary of the DR operations: an `op` (a plan step's `{ id, args }`) reaches its operation's functions
 * only through `parse`, which parses `op.args` with the operation's zod schema. A missing, misspelled or mistyped
 * argument is E_STEPS naming the operation and the argument, where it would otherwise read as an empty string.
 */
import { LyncdrError } from '@lyncdr/errors';
import { z } from 'zod';
import type { Op, Operation, OperationSpec } from './types';

export function defineOperation<Args>(spec: OperationSpec<Args>): Operation {
  return {
    id: spec.id,
    ref: spec.ref,
    args: spec.args,
    parse(op, at) {
      const r = spec.args.safeParse(op.args);
      if (!r.success) throw argsError(spec, op, r.error.issues, at);
      const args = r.data;
      return {
        check: (state, t) => spec.check(state, args, t),
        apply: (state, t) => spec.apply(state, args, t),
        commands: (t) => spec.commands(t, args, op),
      };
    },
  };
}

/** `pool (text), to (text, optional), disaster (true/false, optional)`: what an operation takes. */
export function describeArgs(spec: Pick<OperationSpec<unknown>, 'args'>): string {
  return Object.entries(spec.args.shape).map(([name, schema]) => {
    const optional = schema instanceof z.ZodOptional;
    const inner = optional ? schema.unwrap() : schema;
    return `${name} (${kindOf(inner)}${optional ? ', optional' : ''})`;
  }).join(', ');
}

function kindOf(schema: unknown): string {
  if (schema instanceof z.ZodBoolean) return 'true/false';
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((v) => JSON.stringify(v)).join(' or ');
  return 'text';
}

function problem(issue: z.core.$ZodIssue, op: Op): { key: string; text: string }[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ key, text: `no argument "${key}"` }));
  const key = String(issue.path[0] ?? '');
  if (!(key in op.args)) return [{ key, text: `"${key}" is missing` }];
  if (issue.code === 'invalid_type') return [{ key, text: `"${key}" must be ${issue.expected === 'boolean' ? 'true or false' : 'text'}` }];
  if (issue.code === 'invalid_value') return [{ key, text: `"${key}" must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}` }];
  return [{ key, text: `"${key}": ${issue.message}` }];
}

const rank = (issue: z.core.$ZodIssue): number => (issue.code === 'unrecognized_keys' ? 0 : 1);

function argsError(spec: OperationSpec<unknown>, op: Op, issues: z.core.$ZodIssue[], at: { file?: string; where: string }): LyncdrError {
  // An argument that is not one of the operation's comes first: it is where the fix goes (usually a misspelling).
  const problems = [...issues].sort((x, y) => rank(x) - rank(y)).flatMap((i) => problem(i, op));
  const where = `${at.where}.args${problems[0]?.key ? `.${problems[0].key}` : ''}`;
  return new LyncdrError('E_STEPS', `${at.where}: ${spec.id}: ${problems.map((p) => p.text).join('; ')}. ${spec.id} takes ${describeArgs(spec)}`, {
    location: { ...(at.file === undefined ? {} : { file: at.file }), where },
  });
}
