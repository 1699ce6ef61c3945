import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerVerifySql(verify: Command, _ctx: CliContext): void {
  verify
    .command('sql')
    .description('verify sql (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('verify sql'));
}
