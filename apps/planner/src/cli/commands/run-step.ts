import path from 'node:path';
import type { Command } from 'commander';
import { LyncdrError } from '@lyncdr/errors';
import type { CliContext } from '../context';
import { oneOf, printJson, readInput } from '../io';
import type { RunView } from '../../server/runs/run-types';
import { createPlannerClient, plannerOptions, runPath, type PlannerFlags } from './run-client';
import { nextStep, stepLine } from './run-format';

/** Largest evidence file sent (the planner has its own limit and says so). */
const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;
const STATUSES = ['running', 'done', 'failed', 'skipped', 'pending'] as const;

interface Options extends PlannerFlags {
  status: string;
  note?: string;
  reason?: string;
  evidence?: string;
  json?: boolean;
}

/** `lyncdr run step <id> <n> --status done [--note …] [--reason …] [--evidence file]`. */
export function registerRunStep(run: Command, ctx: CliContext): void {
  plannerOptions(run.command('step'))
    .description('Change a step of a run: running, done, failed, skipped (needs --reason) or pending (to retry a failed step); out of order needs --reason.')
    .argument('<run>', 'the run id (lyncdr run start prints it)')
    .argument('<n>', 'the step number as printed in the plan, from 1')
    .requiredOption('--status <status>', STATUSES.join(', '))
    .option('--note <text>', 'a note kept with the step')
    .option('--reason <text>', 'why the step is skipped or done out of order')
    .option('--evidence <file>', 'a file kept as evidence (command output, screenshot…)')
    .option('--json', 'print the run as JSON')
    .action(async (id: string, nText: string, o: Options) => {
      const status = oneOf(o.status, STATUSES, '--status');
      const n = Number(nText);
      if (!Number.isInteger(n) || n < 1) throw new LyncdrError('E_USAGE', `step "${nText}" is not a step number; give the number printed in the plan (1, 2, …)`);
      const client = await createPlannerClient(o, ctx.cwd);
      const body: Record<string, unknown> = { status };
      if (o.note) body.note = o.note;
      if (o.reason) body.reason = o.reason;
      if (o.evidence) {
        const bytes = await readInput(o.evidence, ctx.cwd, 'evidence', MAX_EVIDENCE_BYTES);
        body.evidence = { name: path.basename(o.evidence), base64: bytes.toString('base64') };
      }
      const view = await client.postJson<RunView>(runPath(id, `/steps/${n}`), body);
      if (o.json) return printJson(ctx, view);
      const step = view.steps.find((s) => s.n === n);
      ctx.stdout((step ? stepLine(step) : '') + nextStep(view));
    });
}
