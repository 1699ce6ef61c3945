import type { Command } from 'commander';
import { evaluateReadiness } from '@lyncdr/domain';
import { parseStatusSnapshot, type Lang } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import type { StatusSnapshot } from '@lyncdr/protocol';
import type { CliContext } from '../context';
import { loadDeployment, printJson, readInput } from '../io';
import { formatReadiness } from './readiness-format';

interface ReadinessFlags {
  topology?: string;
  overlay?: string;
  status?: string;
  json?: boolean;
  lang?: string;
}

/**
 * `lyncdr readiness --topology <file> [--overlay f] [--status snapshot.json] [--json] [--lang en|fr]`: would each
 * failover work now, offline, from a status snapshot (docs/readiness.md). Exit 1 when a goal is blocked.
 */
export function registerReadiness(program: Command, ctx: CliContext): void {
  program
    .command('readiness')
    .description('would each failover work now: every DR goal planned from a status snapshot, with its blockers, RPO exposure and estimated RTO')
    .option('--topology <file>', 'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip')
    .option('--overlay <file>', 'lyncdr.yaml with pairs, next hops, federation routes and targets')
    .option('--status <file>', 'status snapshot exported by the planner (JSON); without it every fact is unknown')
    .option('--json', 'print the JSON of GET /api/readiness and nothing else')
    .option('--lang <lang>', 'en or fr (default: the overlay\u2019s language, else en)')
    .addHelpText('after', [
      '',
      'Goals: the failover of every Front End pool, the CMS failover, the Edge failover of each federation route and the',
      'failover of every mirrored Back End, each in its disaster variant. A fact older than its collector\u2019s period is',
      'unknown, never assumed.',
      '',
      'Exit codes: 0 no goal is blocked, 1 a goal is blocked, 2 bad input or usage.',
    ].join('\n'))
    .action(async (flags: ReadinessFlags) => {
      if (!flags.topology) throw new LyncdrError('E_USAGE', 'missing --topology <file>: the published topology, .tbxml or CMS export zip of the deployment');
      if (flags.lang !== undefined && flags.lang !== 'en' && flags.lang !== 'fr') throw new LyncdrError('E_USAGE', `--lang ${flags.lang}: use en or fr`);
      const topology = await loadDeployment(flags.topology, flags.overlay, ctx.cwd);
      let status: StatusSnapshot | null = null;
      if (flags.status) status = parseStatusSnapshot((await readInput(flags.status, ctx.cwd, 'status snapshot')).toString('utf8'), flags.status);
      const now = ctx.now();
      const report = evaluateReadiness(topology, { items: status?.items ?? [], judgedAt: status?.generatedAt ?? now.toISOString(), now });
      const lang: Lang = (flags.lang as Lang | undefined) ?? topology.overlay?.language ?? 'en';
      if (flags.json) printJson(ctx, report);
      else ctx.stdout(formatReadiness(report, { lang, deployment: topology.overlay?.deployment ?? topology.deployment, statusAt: status?.generatedAt ?? null }));
      ctx.exitCode = report.goals.some((g) => g.status === 'blocked') ? 1 : 0;
    });
}
