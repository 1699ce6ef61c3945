import type { Command } from 'commander';
import { toShowJson, type Topology } from '@lyncdr/topology';
import type { CliContext } from '../context';
import { loadDeployment, printJson } from '../io';
import { formatTopology } from './topology-format';

/** `lyncdr topology show <file> [--overlay lyncdr.yaml] [--json]` (DESIGN §4). */
export function registerTopology(program: Command, ctx: CliContext): void {
  const topology = program.command('topology').description('read a Lync topology and show what it holds');
  topology
    .command('show')
    .description(
      'show sites, pools, machines, SQL stores and their databases, file stores, pairs, the CMS location and findings',
    )
    .argument(
      '<file>',
      'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip',
    )
    .option('--overlay <file>', 'lyncdr.yaml with pairs, owners, destinations, schedules, targets (docs/overlay.md)')
    .option('--json', 'print one JSON document (the DESIGN §4 shape) and nothing else')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok (warnings allowed), 1 error findings (e.g. a broken pairing rule), 2 bad input or usage.',
    )
    .action(async (file: string, opts: { overlay?: string; json?: boolean }) => {
      const t = await loadDeployment(file, opts.overlay, ctx.cwd);
      if (opts.json) printJson(ctx, toShowJson(t));
      else ctx.stdout(formatTopology(t));
      ctx.exitCode = exitCodeFor(t);
    });
}

/** 1 when a finding has error severity, 0 otherwise. */
export function exitCodeFor(t: Topology): number {
  return t.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
