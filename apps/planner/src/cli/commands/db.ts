import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerDb(program: Command, _ctx: CliContext): void {
  program
    .command('db')
    .description('db (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('db'));
}
