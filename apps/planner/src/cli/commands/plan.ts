import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerPlan(program: Command, _ctx: CliContext): void {
  program
    .command('plan')
    .description('plan (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('plan'));
}
