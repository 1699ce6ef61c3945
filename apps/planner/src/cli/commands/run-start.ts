import type { Command } from 'commander';
import type { CliContext } from '../context';
import { oneOf, printJson } from '../io';
import type { RunView } from '../../server/runs/run-types';
import { createPlannerClient, plannerOptions, type PlannerFlags } from './run-client';
import { runText } from './run-format';

interface Options extends PlannerFlags {
  goal: string;
  title: string;
  kind: string;
  pool?: string;
  usersOf?: string;
  by?: string;
  failed?: string;
  newFqdn?: string;
  to?: string;
  edge?: string;
  type?: string;
  planned?: boolean;
  state?: string;
  json?: boolean;
}

/** `lyncdr run start --goal failover --pool P --title T [--kind drill|real]`: the planner plans from its deployment and freezes the plan. */
export function registerRunStart(run: Command, ctx: CliContext): void {
  plannerOptions(run.command('start'))
    .description('Start a run of a plan: the planner plans the goal from its deployment (and the state given, else every pool up) and freezes the steps.')
    .requiredOption('--goal <goal>', 'failover, failback, serve, rebuild, cms-failover, db-failover, edge-failover… (as lyncdr plan)')
    .requiredOption('--title <text>', 'what this run is, e.g. "Q3 failover drill, Paris"')
    .option('--kind <kind>', 'drill or real', 'drill')
    .option('--pool <fqdn>', 'the pool of the goal')
    .option('--users-of <fqdn>', 'serve: whose users')
    .option('--by <fqdn>', 'serve: the pool that serves them')
    .option('--failed <fqdn>', 'rebuild: the pool lost')
    .option('--new-fqdn <fqdn>', 'rebuild: the new pool')
    .option('--to <fqdn>', 'edge-failover: the Edge pool taking over')
    .option('--edge <fqdn>', 'edge-associate: the Edge pool')
    .option('--type <type>', 'db-failover: the database type')
    .option('--planned', 'the pool is running (planned variant)')
    .option('--state <json>', 'the DR state as JSON ({"down":[…],"failedOver":{…},"cmsActive":…}); default: every pool up')
    .option('--json', 'print the run as JSON')
    .action(async (o: Options) => {
      const kind = oneOf(o.kind, ['drill', 'real'] as const, '--kind');
      const client = await createPlannerClient(o, ctx.cwd);
      const args: Record<string, unknown> = {};
      for (const k of ['pool', 'usersOf', 'by', 'failed', 'newFqdn', 'to', 'edge', 'type'] as const) if (o[k]) args[k] = o[k];
      if (o.planned) args.planned = true;
      if (o.state) args.state = o.state;
      const view = await client.postJson<RunView>('/api/runs', { goal: o.goal, args, kind, title: o.title });
      if (o.json) return printJson(ctx, view);
      ctx.stdout(runText(view));
    });
}
