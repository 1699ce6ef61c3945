import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerRunbook(program: Command, _ctx: CliContext): void {
  program
    .command('runbook')
    .description('runbook (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('runbook'));
}
