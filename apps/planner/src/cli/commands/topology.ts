import type { Command } from 'commander';
import { toShowJson, topologyFingerprint, type Topology } from '@lyncdr/topology';
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
      if (opts.json) printJson(ctx, showJsonWithFingerprint(t));
      else ctx.stdout(formatTopology(t));
      ctx.exitCode = exitCodeFor(t);
    });
  topology
    .command('diff')
    .description('compare two topologies: pools, machines, services, stores, pairs and Edge routes added, removed or changed')
    .argument('<old>', 'the older topology (published XML, .tbxml or Export-CsConfiguration zip)')
    .argument('<new>', 'the newer topology, in any of the same formats')
    .option('--overlay <file>', 'lyncdr.yaml applied to both topologies (docs/overlay.md)')
    .option('--old-overlay <file>', 'lyncdr.yaml applied to the older topology instead of --overlay')
    .option('--json', 'print one JSON document { same, old, new, pools, machines, services, … } and nothing else')
    .addHelpText(
      'after',
      '\nThe fingerprint of each side (docs/topology.md) is printed too; the formats may differ.\n' +
        'Exit codes: 0 same deployment, 1 different, 2 bad input or usage.',
    )
    .action(async (older: string, newer: string, opts: { overlay?: string; oldOverlay?: string; json?: boolean }) => {
      const a = await loadDeployment(older, opts.oldOverlay ?? opts.overlay, ctx.cwd);
      const b = await loadDeployment(newer, opts.overlay, ctx.cwd);
      const { formatTopologyDiff, topologyDiffJson } = await import('./topology-diff');
      const d = topologyDiffJson(a, b);
      if (opts.json) printJson(ctx, d);
      else ctx.stdout(formatTopologyDiff(d));
      ctx.exitCode = d.same ? 0 : 1;
    });
}

/** The `topology show --json` document with the topology fingerprint beside the deployment's name. */
function showJsonWithFingerprint(t: Topology) {
  const { deployment, ...rest } = toShowJson(t);
  return { deployment, fingerprint: topologyFingerprint(t), ...rest };
}

/** 1 when a finding has error severity, 0 otherwise. */
export function exitCodeFor(t: Topology): number {
  return t.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
