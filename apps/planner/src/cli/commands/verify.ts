import type { Command } from 'commander';
import type { CliContext } from '../context';
import type { RegisterCommand } from './index';

/** The `verify` subcommands: name, one-line summary, and the module that registers it (imported only when it runs). */
const subcommands: { name: string; summary: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'sql', summary: 'read SQL Server .bak/.trn headers and check each database\u2019s restore chain', load: async () => (await import('./verify-sql')).registerVerifySql },
  { name: 'filestore', summary: 'compare a Lync file store with its backup copy: missing, older, changed and extra files', load: async () => (await import('./verify-filestore')).registerVerifyFilestore },
  { name: 'cms-export', summary: 'check Export-CsConfiguration zips: they open, every CRC matches, the topology parses', load: async () => (await import('./verify-cms-export')).registerVerifyCmsExport },
];

/** Registers `verify`; of its subcommands only the one argv runs is imported (`lyncdr verify sql` loads no zip reader). */
export async function registerVerify(program: Command, ctx: CliContext, argv: readonly string[] = []): Promise<void> {
  const verify = program
    .command('verify')
    .description('Check backups offline: SQL Server .bak/.trn chains, a file-store copy, CMS export zips. Exit 1 on findings.');
  const words = argv.filter((a) => !a.startsWith('-'));
  const at = words.indexOf('verify');
  const name = words[at + 1] === 'help' ? words[at + 2] : words[at + 1];
  for (const s of subcommands) {
    if (s.name === name) (await s.load())(verify, ctx);
    else verify.command(s.name).summary(s.summary);
  }
}
