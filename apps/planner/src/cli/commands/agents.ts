import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerAgents(program: Command, _ctx: CliContext): void {
  program
    .command('agents')
    .description('agents (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('agents'));
}
