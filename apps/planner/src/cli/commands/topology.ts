import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerTopology(program: Command, _ctx: CliContext): void {
  program
    .command('topology')
    .description('topology (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('topology'));
}
