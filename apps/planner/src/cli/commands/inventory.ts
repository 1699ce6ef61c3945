import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerInventory(program: Command, _ctx: CliContext): void {
  program
    .command('inventory')
    .description('inventory (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('inventory'));
}
