import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerVerifyCmsExport(verify: Command, _ctx: CliContext): void {
  verify
    .command('cms-export')
    .description('verify cms-export (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('verify cms-export'));
}
