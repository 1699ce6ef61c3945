import type { Command } from 'commander';
import { allFindings, formatSqlReport, verifySqlFolders } from '@lyncdr/sql-backup';
import type { CliContext } from '../context';
import { printJsonStreamed } from '../json-out';
import { keepYoungGenerationSmall } from '../young-generation';

/** Progress lines on stderr start at this many files (human mode only), one line per PROGRESS_EVERY files. */
const PROGRESS_FROM = 200;
const PROGRESS_EVERY = 500;

export function registerVerifySql(verify: Command, ctx: CliContext): void {
  verify
    .command('sql')
    .description('Read SQL Server .bak/.trn headers (no SQL Server needed) and check each database\'s restore chain. Exit 1 on findings.')
    .argument('<folder...>', 'folders (searched recursively) or backup files; Ola Hallengren\'s Server/Database/FULL|DIFF|LOG layout works as is')
    .option('--json', 'print one JSON document: { databases:[…], files:[…], otherFiles:[…], findings:[…] }')
    .addHelpText('after', '\nExit codes: 0 no findings, 1 findings (gap, missing differential base, incomplete stripe set, unreadable file…), 2 bad input.')
    .action(async (folders: string[], opts: { json?: boolean }) => {
      const progress = (done: number, total: number) => {
        if (opts.json || total < PROGRESS_FROM) return;
        if (done % PROGRESS_EVERY === 0 || done === total) ctx.stderr(`lyncdr verify sql: read ${done}/${total} backup headers\n`);
      };
      keepYoungGenerationSmall();
      const report = await verifySqlFolders(folders, { cwd: ctx.cwd, onProgress: progress });
      if (opts.json) printJsonStreamed(ctx, report);
      else ctx.stdout(formatSqlReport(report));
      ctx.exitCode = allFindings(report).length ? 1 : 0;
    });
}
