import type { Command } from 'commander';
import { buildInventory } from '@lyncdr/domain';
import { buildWorksheet, parseStatusSnapshot, statusWarnings, worksheetKinds, type Lang, type Paper, type WorksheetKind } from '@lyncdr/documents';
import type { CliContext } from '../context';
import { emitOutput, inputRevision, loadDeployment, oneOf, outputTarget, readInput } from '../io';
import { revisionOf } from './topology-revision';

interface WorksheetFlags {
  overlay?: string;
  kind: string;
  lang?: string;
  format?: string;
  paper: string;
  status?: string;
  output?: string;
}

/**
 * `lyncdr worksheet <topology> [--overlay f] [--kind all|database|filestore|settings|restore] [--lang en|fr]
 * [--format pdf|md|html] [--paper a4|letter] [--status s.json] -o <out>`.
 */
export function registerWorksheet(program: Command, ctx: CliContext): void {
  program
    .command('worksheet')
    .description('print the backup worksheets (database, file store, settings) and the restoration worksheet for this deployment')
    .argument('<file>', 'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip')
    .option('--overlay <file>', 'lyncdr.yaml with pairs, owners, destinations, schedules, targets')
    .option('--kind <kind>', `which worksheet: all, ${worksheetKinds.join(', ')}`, 'all')
    .option('--lang <lang>', 'en or fr (default: the overlay\u2019s language, else en)')
    .option('--format <format>', 'pdf, md or html (default: from the -o extension); md or html without -o prints on stdout')
    .option('--paper <paper>', 'a4 or letter', 'a4')
    .option('--status <file>', 'status snapshot (JSON) adding last good backup, age and status to each row')
    .option('-o, --output <file>', 'output file (written atomically); - for stdout')
    .addHelpText('after', '\nExit codes: 0 written, 2 bad input or usage (nothing is written).')
    .action(async (file: string, flags: WorksheetFlags) => {
      const target = outputTarget(flags.output, flags.format, 'worksheets.pdf');
      const kind = oneOf(flags.kind, ['all', ...worksheetKinds] as const, '--kind') as WorksheetKind | 'all';
      const format = target.format;
      const paper = oneOf(flags.paper, ['a4', 'letter'] as const, '--paper') as Paper;
      const topology = await loadDeployment(file, flags.overlay, ctx.cwd);
      const lang = oneOf(flags.lang ?? topology.overlay?.language ?? 'en', ['en', 'fr'] as const, '--lang') as Lang;
      const parts = [await readInput(file, ctx.cwd, 'topology')];
      if (flags.overlay) parts.push(await readInput(flags.overlay, ctx.cwd, 'overlay'));
      let status = null;
      if (flags.status) {
        const bytes = await readInput(flags.status, ctx.cwd, 'status snapshot');
        parts.push(bytes);
        status = parseStatusSnapshot(bytes.toString('utf8'), flags.status);
      }
      const inventory = buildInventory(topology);
      if (status) for (const w of statusWarnings(status, inventory, inventory.deployment ?? null)) ctx.stderr(`lyncdr: warning: ${w}\n`);
      const doc = buildWorksheet(kind, topology, inventory, { lang, now: ctx.now().toISOString(), inputRevision: inputRevision(parts), ...revisionOf(topology), status });
      const out = await (await import('@lyncdr/render')).renderDocument(doc, { format, paper });
      const written = await emitOutput(ctx, target, out);
      if (written) ctx.stdout(`wrote ${written} (${kind}, ${lang}, ${format}${format === 'pdf' ? `, ${paper}` : ''})\n`);
      ctx.exitCode = 0;
    });
}
