import type { Command } from 'commander';
import { allFindings, formatSqlReport, verifySqlFolders } from '@lyncdr/sql-backup';
import { painter } from '../colors';
import type { CliContext } from '../context';
import { printJsonStreamed } from '../json-out';
import { createProgress } from '../progress';
import { keepYoungGenerationSmall } from '../young-generation';
import { parseMaxAge, withAgeFindings } from './verify-sql-age';
import { colourDetail, formatSqlSummary } from './verify-sql-format';

interface Options {
  json?: boolean;
  detail?: boolean;
  maxAge?: string;
}

export function registerVerifySql(verify: Command, ctx: CliContext): void {
  verify
    .command('sql')
    .description('Read SQL Server .bak/.trn headers (no SQL Server needed) and check each database\'s restore chain. Exit 1 on findings.')
    .argument('<folder...>', 'folders (searched recursively) or backup files; Ola Hallengren\'s Server/Database/FULL|DIFF|LOG layout works as is')
    .option('--max-age <duration>', 'a finding when the newest backup is older: one age for every type (1d) or per type (full=7d,diff=1d,log=1h); m, h, d, w')
    .option('--detail', 'print each database\'s restore sequence and file names (default: one line per database)')
    .option('--json', 'print one JSON document: { databases:[…], files:[…], otherFiles:[…], findings:[…] }')
    .addHelpText('after', '\nAges are measured from this computer\'s clock to each backup\'s finish time.\nExit codes: 0 no findings, 1 findings (gap, missing differential base, incomplete stripe set, unreadable file, a backup older than --max-age…), 2 bad input.')
    .action(async (folders: string[], opts: Options) => {
      const limits = opts.maxAge === undefined ? null : parseMaxAge(opts.maxAge);
      const progress = createProgress(ctx, 'lyncdr verify sql', opts.json);
      progress.update('looking for backup files');
      keepYoungGenerationSmall();
      let report;
      try {
        report = await verifySqlFolders(folders, { cwd: ctx.cwd, onProgress: (done, total) => progress.update(`read ${done}/${total} backup headers`) });
      } finally {
        progress.done();
      }
      if (limits) report = withAgeFindings(report, limits, ctx.now());
      const paint = painter(ctx);
      if (opts.json) printJsonStreamed(ctx, report);
      else if (opts.detail) ctx.stdout(colourDetail(formatSqlReport(report), paint));
      else ctx.stdout(formatSqlSummary(report, paint));
      ctx.exitCode = allFindings(report).length ? 1 : 0;
    });
}
