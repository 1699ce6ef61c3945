import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerWorksheet(program: Command, _ctx: CliContext): void {
  program
    .command('worksheet')
    .description('worksheet (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('worksheet'));
}
