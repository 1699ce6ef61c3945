import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { compareTrees, type CompareOptions, type CompareResult } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { painter } from '../colors';
import type { CliContext } from '../context';
import { streamJsonObject } from '../json-out';
import { createProgress } from '../progress';

interface Options {
  json?: boolean;
  hash: 'none' | 'sample' | 'all';
  sampleRate: string;
  exclude?: string[];
}

/** Left out unless --exclude says otherwise (REFERENCE §a.2: Meeting.Active is locked during meetings). */
const DEFAULT_EXCLUDE = ['Meeting.Active'];

async function requireFolder(dir: string, cwd: string, what: string): Promise<string> {
  const full = path.resolve(cwd, dir);
  try {
    if ((await stat(full)).isDirectory()) return full;
  } catch (e) {
    throw new LyncdrError('E_INPUT', `${what} folder ${dir} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give the path of the file share or its copy`, { location: { file: dir } });
  }
  throw new LyncdrError('E_INPUT', `${what} ${dir} is a file; give the folder of the file share or its copy`, { location: { file: dir } });
}

/** `lyncdr verify filestore <source> <backup> [--json]`: compares a file store with its backup copy (REFERENCE §a.2). */
export function registerVerifyFilestore(verify: Command, ctx: CliContext): void {
  verify
    .command('filestore')
    .description('Compare a Lync file store (or a copy of it) with its backup copy: missing, older, changed and extra files. Exit 1 on findings.')
    .argument('<source>', 'the live file store share (e.g. \\\\fs1\\lyncshare) or a local path')
    .argument('<backup>', 'the backup copy of that share')
    .option('--json', 'print one JSON document: { ok, findings:[{code, message, path}], totals, folders, … }')
    .option('--hash <mode>', 'also compare content with SHA-256: none, sample or all', 'none')
    .option('--sample-rate <fraction>', 'share of files hashed with --hash sample (0–1)', '0.01')
    .option('--exclude <name...>', 'file names left out (default: Meeting.Active, locked during meetings)')
    .action(async (source: string, backup: string, o: Options) => {
      if (!['none', 'sample', 'all'].includes(o.hash)) throw new LyncdrError('E_USAGE', `--hash ${o.hash}: use none, sample or all`);
      const rate = Number(o.sampleRate);
      if (!(rate >= 0 && rate <= 1)) throw new LyncdrError('E_USAGE', `--sample-rate ${o.sampleRate}: use a fraction between 0 and 1`);
      const src = await requireFolder(source, ctx.cwd, 'source');
      const bak = await requireFolder(backup, ctx.cwd, 'backup');
      const compare = { hash: o.hash, sampleRate: rate, exclude: o.exclude ?? DEFAULT_EXCLUDE };
      if (o.json) {
        ctx.exitCode = (await compareStreamingJson(ctx, src, bak, compare)) ? 0 : 1;
        return;
      }
      const progress = createProgress(ctx, 'lyncdr verify filestore');
      progress.update(`walking ${source} and ${backup}`);
      let r: CompareResult;
      try {
        r = await compareTrees(src, bak, { ...compare, maxFindings: Number.POSITIVE_INFINITY, progress: (m) => progress.update(m) });
      } finally {
        progress.done();
      }
      printHuman(ctx, r);
      ctx.exitCode = r.ok ? 0 : 1;
    });
}

/**
 * The comparison as one JSON document, findings written while the trees are walked (none kept in memory, so memory
 * does not grow with their number): { source, backup, findings:[…], ok, totals, newestBackup, folders, findingsTotal }.
 * Returns ok.
 */
async function compareStreamingJson(ctx: CliContext, src: string, bak: string, compare: Pick<CompareOptions, 'hash' | 'sampleRate' | 'exclude'>): Promise<boolean> {
  const out = streamJsonObject(ctx);
  out.member('source', src);
  out.member('backup', bak);
  const findings = out.array('findings');
  const r = await compareTrees(src, bak, { ...compare, maxFindings: 0, onFinding: (f) => findings.push(f) });
  findings.close();
  out.member('ok', r.ok);
  out.member('totals', r.totals);
  out.member('newestBackup', r.newestBackup);
  out.member('folders', r.folders);
  out.member('findingsTotal', r.findingsTotal);
  out.end();
  return r.ok;
}

function printHuman(ctx: CliContext, r: CompareResult): void {
  const t = r.totals;
  const paint = painter(ctx);
  ctx.stdout(`${r.ok ? paint('good', 'OK') : paint('bad', 'FINDINGS')}: ${r.source} → ${r.backup}\n`);
  ctx.stdout(`  source ${t.sourceFiles} files (${t.sourceBytes} bytes), backup ${t.backupFiles} files (${t.backupBytes} bytes); newest backed-up file ${r.newestBackup ?? 'none'}\n`);
  ctx.stdout(`  missing ${t.missing}, older ${t.older}, changed ${t.changed}, extra ${t.extra}, hashed ${t.hashed}, excluded ${t.excluded}\n`);
  for (const f of r.folders) {
    ctx.stdout(`  ${f.folder.padEnd(44)} ${String(f.sourceFiles).padStart(8)} files  missing ${f.missing}  older ${f.older}  changed ${f.changed}  extra ${f.extra}\n`);
  }
  for (const f of r.findings) ctx.stdout(`  ${f.severity === 'info' ? `${paint('dim', 'info')} ${f.code}` : paint(f.severity === 'error' ? 'bad' : 'warn', f.code)}: ${f.message}\n`);
}
