import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerVerifySql } from './verify-sql';
import { registerVerifyFilestore } from './verify-filestore';
import { registerVerifyCmsExport } from './verify-cms-export';

export function registerVerify(program: Command, ctx: CliContext): void {
  const verify = program
    .command('verify')
    .description('Check backups offline: SQL Server .bak/.trn chains, a file-store copy, CMS export zips. Exit 1 on findings.');
  registerVerifySql(verify, ctx);
  registerVerifyFilestore(verify, ctx);
  registerVerifyCmsExport(verify, ctx);
}
