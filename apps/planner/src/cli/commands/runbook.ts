import type { Command } from 'commander';
import { allRunbooks, checkNamedPools, findRunbook, type Lang, type Paper, type RunbookSpec } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import { renderDocument } from '@lyncdr/render';
import type { Topology } from '@lyncdr/topology';
import type { CliContext } from '../context';
import { emitOutput, inputRevision, loadDeployment, oneOf, outputTarget, printJson, readInput } from '../io';
import { revisionOf } from './topology-revision';

interface RunbookFlags {
  topology?: string;
  overlay?: string;
  pool?: string[];
  lang?: string;
  format?: string;
  paper: string;
  output?: string;
  list?: boolean;
  json?: boolean;
}

function ids(): string {
  return allRunbooks()
    .map((r) => r.id)
    .join(', ');
}

/** The runbook for an id, or E_RUNBOOK_UNKNOWN listing the valid ids. */
function specFor(id: string | undefined): RunbookSpec {
  if (!id) throw new LyncdrError('E_USAGE', `name a procedure (lyncdr runbook <procedure> --topology <file> -o <out>), or use --list; procedures: ${ids()}`);
  const spec = findRunbook(id);
  if (!spec) throw new LyncdrError('E_RUNBOOK_UNKNOWN', `unknown procedure "${id}"; valid procedures: ${ids()} (lyncdr runbook --list shows their titles)`, { location: { where: id } });
  return spec;
}

/** --pool values, repeated or comma-separated. */
function poolsOf(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function list(ctx: CliContext, flags: RunbookFlags, topology: Topology | null, lang: Lang): void {
  const opts = { lang, pools: poolsOf(flags.pool), now: ctx.now().toISOString(), inputRevision: null };
  const rows = allRunbooks().map((r) => ({ id: r.id, title: r.title, refs: r.refs, ...(topology ? { applies: r.applies(topology, opts) } : {}) }));
  if (flags.json) {
    printJson(ctx, { runbooks: rows });
    return;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    const why = 'applies' in r && r.applies ? `  (does not apply: ${r.applies})` : '';
    ctx.stdout(`${r.id.padEnd(width)}  ${r.title[lang]}${why}\n`);
  }
}

/**
 * `lyncdr runbook <procedure> --topology <file> [--overlay f] [--pool fqdn…] [--lang en|fr] [--format pdf|md|html]
 * [--paper a4|letter] -o <out>` and `lyncdr runbook --list [--json]`.
 */
export function registerRunbook(program: Command, ctx: CliContext): void {
  program
    .command('runbook')
    .description('print a backup, restore or disaster-recovery runbook filled with this deployment (lyncdr runbook --list for the procedures)')
    .argument('[procedure]', 'procedure id, e.g. backup, backup-service, restore-cms, pool-failover')
    .option('--topology <file>', 'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip')
    .option('--overlay <file>', 'lyncdr.yaml with pairs, owners, destinations, schedules, targets')
    .option('--pool <fqdn...>', 'pool(s) the runbook is about (repeat, or separate with commas); default: every pool it applies to')
    .option('--lang <lang>', 'en or fr (default: the overlay\u2019s language, else en)')
    .option('--format <format>', 'pdf, md or html (default: from the -o extension); md or html without -o prints on stdout')
    .option('--paper <paper>', 'a4 or letter', 'a4')
    .option('-o, --output <file>', 'output file (written atomically); - for stdout')
    .option('--list', 'list the procedures (with --topology: say which apply and why not)')
    .option('--json', 'print one JSON document on stdout')
    .addHelpText('after', `\nProcedures: ${ids()}\nExit codes: 0 written, 2 bad input or usage (nothing is written).`)
    .action(async (procedure: string | undefined, flags: RunbookFlags) => {
      const paper = oneOf(flags.paper, ['a4', 'letter'] as const, '--paper') as Paper;
      if (flags.list) {
        const topology = flags.topology ? await loadDeployment(flags.topology, flags.overlay, ctx.cwd) : null;
        const lang = oneOf(flags.lang ?? topology?.overlay?.language ?? 'en', ['en', 'fr'] as const, '--lang') as Lang;
        if (topology) checkNamedPools(topology, poolsOf(flags.pool));
        list(ctx, flags, topology, lang);
        ctx.exitCode = 0;
        return;
      }
      const spec = specFor(procedure);
      if (!flags.topology) throw new LyncdrError('E_USAGE', `missing --topology <file>: the runbook is filled with a deployment (e.g. lyncdr runbook ${spec.id} --topology topology.xml -o ${spec.id}.pdf)`);
      const target = outputTarget(flags.output, flags.format, `${spec.id}.pdf`);
      if (flags.json && target.file === null) throw new LyncdrError('E_USAGE', '--json prints on stdout: write the runbook to a file with -o <file>');
      const format = target.format;
      const topology = await loadDeployment(flags.topology, flags.overlay, ctx.cwd);
      const lang = oneOf(flags.lang ?? topology.overlay?.language ?? 'en', ['en', 'fr'] as const, '--lang') as Lang;
      const pools = poolsOf(flags.pool);
      checkNamedPools(topology, pools);
      const parts = [await readInput(flags.topology, ctx.cwd, 'topology')];
      if (flags.overlay) parts.push(await readInput(flags.overlay, ctx.cwd, 'overlay'));
      const opts = { lang, pools, now: ctx.now().toISOString(), inputRevision: inputRevision(parts), ...revisionOf(topology) };
      const why = spec.applies(topology, opts);
      if (why) {
        throw new LyncdrError('E_RUNBOOK_APPLIES', `runbook ${spec.id} does not apply to ${flags.topology}${pools.length ? ` (--pool ${pools.join(', ')})` : ''}: ${why}`, {
          location: { file: flags.topology },
        });
      }
      const doc = spec.build(topology, opts);
      const out = await renderDocument(doc, { format, paper });
      const written = await emitOutput(ctx, target, out);
      if (written && flags.json) printJson(ctx, { procedure: spec.id, title: doc.meta.title, lang, format, paper: format === 'pdf' ? paper : null, pools, output: written });
      else if (written) ctx.stdout(`wrote ${written} (${spec.id}, ${lang}, ${format}${format === 'pdf' ? `, ${paper}` : ''})\n`);
      ctx.exitCode = 0;
    });
}
