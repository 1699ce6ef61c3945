import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printJson } from '../io';
import type { RunView } from '../../server/runs/run-types';
import { createPlannerClient, plannerOptions, runPath, type PlannerFlags } from './run-client';
import { figuresText, stepLine } from './run-format';

interface Options extends PlannerFlags {
  abandon?: boolean;
  note?: string;
  json?: boolean;
}

/** `lyncdr run finish <id> [--abandon] [--note …]`: closes the run; prints the steps and the measured figures. */
export function registerRunFinish(run: Command, ctx: CliContext): void {
  plannerOptions(run.command('finish'))
    .description('Finish a run: completed (every step done or skipped) or abandoned (--abandon); prints the steps and the measured figures.')
    .argument('<run>', 'the run id')
    .option('--abandon', 'end the run as abandoned (e.g. after a failed step)')
    .option('--note <text>', 'a closing note')
    .option('--json', 'print the run as JSON')
    .action(async (id: string, o: Options) => {
      const client = await createPlannerClient(o, ctx.cwd);
      const body: Record<string, unknown> = { outcome: o.abandon ? 'abandoned' : 'completed' };
      if (o.note) body.note = o.note;
      const view = await client.postJson<RunView>(runPath(id, '/finish'), body);
      if (o.json) return printJson(ctx, view);
      ctx.stdout(`${view.kind} ${view.id} ${view.outcome ?? 'finished'} at ${view.finishedAt ?? '?'}\n` + view.steps.map(stepLine).join('') +
        figuresText(view) + `report: lyncdr run report ${view.id} -o drill-report.pdf\n`);
    });
}
