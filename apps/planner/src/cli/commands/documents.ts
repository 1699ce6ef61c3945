import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { buildInventory } from '@lyncdr/domain';
import { allRunbooks, buildWorksheet, checkNamedPools, worksheetKinds, type Document, type Lang, type Paper } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import { renderDocument, type Format } from '@lyncdr/render';
import type { CliContext } from '../context';
import { createProgress } from '../progress';
import { inputRevision, loadDeployment, printJson, readInput, writeOutputAtomic } from '../io';
import { revisionOf } from './topology-revision';

interface DocumentsFlags {
  overlay?: string;
  lang: string;
  format: string;
  paper: string;
  pool?: string[];
  output?: string;
  json?: boolean;
}

/** One document of the set: the file name it is written to and how it is built. */
interface Planned {
  file: string;
  kind: 'worksheet' | 'runbook';
  id: string;
  lang: Lang;
  build: () => Document;
}

function listOf<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const values = value.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (bad !== undefined || values.length === 0) {
    throw new LyncdrError('E_USAGE', `${flag} "${value}" is not supported; use one or more of ${allowed.join(', ')}`, { location: { where: flag } });
  }
  return [...new Set(values)] as T[];
}

const EXT: Record<Format, string> = { pdf: 'pdf', md: 'md', html: 'html' };

/**
 * `lyncdr documents <topology> [--overlay f] [--lang en,fr] [--format pdf|md|html] [--paper a4|letter] [--pool fqdn…]
 * -o <folder>`: every worksheet and every runbook that applies, in each language, rendered in one process (the fonts
 * are parsed once) into one folder. A runbook that does not apply to the deployment is listed with the reason.
 */
export function registerDocuments(program: Command, ctx: CliContext): void {
  program
    .command('documents')
    .description('write every worksheet and every runbook that applies to this deployment, in each language, into one folder')
    .argument('<file>', 'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip')
    .option('--overlay <file>', 'lyncdr.yaml with pairs, owners, destinations, schedules, targets')
    .option('--lang <langs>', 'languages, comma-separated: en, fr', 'en,fr')
    .option('--format <format>', 'pdf, md or html', 'pdf')
    .option('--paper <paper>', 'a4 or letter', 'a4')
    .option('--pool <fqdn...>', 'pool(s) the runbooks are about (repeat, or separate with commas); default: every pool each applies to')
    .option('-o, --output <folder>', 'folder to write into (created when missing; each file written atomically)')
    .option('--json', 'print one JSON document: { written:[{file, kind, id, lang}], skipped:[{id, reason}] }')
    .addHelpText('after', '\nFiles: worksheet-<kind>.<lang>.<ext> and runbook-<procedure>.<lang>.<ext>.\nExit codes: 0 written, 2 bad input or usage.')
    .action(async (file: string, flags: DocumentsFlags) => {
      if (!flags.output) throw new LyncdrError('E_USAGE', 'missing -o <folder>: name the folder to write the documents into (e.g. -o documents)');
      const langs = listOf(flags.lang, ['en', 'fr'] as const, '--lang');
      const [format] = listOf(flags.format, ['pdf', 'md', 'html'] as const, '--format') as [Format];
      const [paper] = listOf(flags.paper, ['a4', 'letter'] as const, '--paper') as [Paper];
      const pools = (flags.pool ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
      const topology = await loadDeployment(file, flags.overlay, ctx.cwd);
      checkNamedPools(topology, pools);
      const parts = [await readInput(file, ctx.cwd, 'topology')];
      if (flags.overlay) parts.push(await readInput(flags.overlay, ctx.cwd, 'overlay'));
      const revision = inputRevision(parts);
      const revisionFields = revisionOf(topology);
      const now = ctx.now().toISOString();
      const inventory = buildInventory(topology);

      const planned: Planned[] = [];
      const skipped: { id: string; lang: Lang; reason: string }[] = [];
      for (const lang of langs) {
        for (const kind of worksheetKinds) {
          planned.push({ file: `worksheet-${kind}.${lang}.${EXT[format]}`, kind: 'worksheet', id: kind, lang, build: () => buildWorksheet(kind, topology, inventory, { lang, now, inputRevision: revision, ...revisionFields }) });
        }
        const opts = { lang, pools, now, inputRevision: revision, ...revisionFields };
        for (const spec of allRunbooks()) {
          const why = spec.applies(topology, opts);
          if (why) skipped.push({ id: spec.id, lang, reason: why });
          else planned.push({ file: `runbook-${spec.id}.${lang}.${EXT[format]}`, kind: 'runbook', id: spec.id, lang, build: () => spec.build(topology, opts) });
        }
      }

      const folder = path.resolve(ctx.cwd, flags.output);
      try {
        await mkdir(folder, { recursive: true });
      } catch (e) {
        throw new LyncdrError('E_OUTPUT', `cannot create the folder ${flags.output}: ${(e as Error).message}; check the path`, { cause: e });
      }
      const written: { file: string; kind: string; id: string; lang: Lang }[] = [];
      const progress = createProgress(ctx, 'lyncdr documents', flags.json);
      try {
        for (const [i, p] of planned.entries()) {
          progress.update(`${i + 1}/${planned.length} ${p.file}`);
          const out = await renderDocument(p.build(), { format, paper });
          written.push({ file: await writeOutputAtomic(path.join(folder, p.file), out, ctx.cwd), kind: p.kind, id: p.id, lang: p.lang });
        }
      } finally {
        progress.done();
      }
      if (flags.json) printJson(ctx, { folder, format, paper: format === 'pdf' ? paper : null, written, skipped });
      else {
        ctx.stdout(`wrote ${written.length} documents (${langs.join(', ')}, ${format}${format === 'pdf' ? `, ${paper}` : ''}) into ${folder}\n`);
        for (const s of skipped) ctx.stdout(`  not written: runbook ${s.id} (${s.lang}): ${s.reason}\n`);
      }
      ctx.exitCode = 0;
    });
}
