import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerServe(program: Command, _ctx: CliContext): void {
  program
    .command('serve')
    .description('serve (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('serve'));
}
