import type { Command } from 'commander';
import type { CliContext } from '../context';
import { emitOutput, oneOf, outputTarget } from '../io';
import { createPlannerClient, plannerOptions, runPath, type PlannerFlags } from './run-client';

interface Options extends PlannerFlags {
  output: string;
  format?: string;
  lang: string;
}

/** `lyncdr run report <id> -o report.pdf [--lang fr]`: the drill report as the planner renders it. */
export function registerRunReport(run: Command, ctx: CliContext): void {
  plannerOptions(run.command('report'))
    .description('Write the drill report of a run: steps with times, operators, notes and evidence, measured figures, sign-off block.')
    .argument('<run>', 'the run id')
    .requiredOption('-o, --output <file>', 'where to write it (.pdf, .md or .html); - for stdout')
    .option('--format <format>', 'pdf, md or html (default: from the file extension)')
    .option('--lang <lang>', 'en or fr', 'en')
    .action(async (id: string, o: Options) => {
      const target = outputTarget(o.output, o.format, 'report.pdf');
      const format = target.format;
      const lang = oneOf(o.lang, ['en', 'fr'] as const, '--lang');
      const client = await createPlannerClient(o, ctx.cwd);
      const body = await client.getBytes(runPath(id, `/report.${format}?lang=${lang}`));
      const full = await emitOutput(ctx, target, body);
      if (full) ctx.stdout(`wrote ${full}\n`);
    });
}
