import type { Command } from 'commander';
import type { CliContext } from '../context';
import { notImplemented } from './not-implemented';

export function registerVerifyFilestore(verify: Command, _ctx: CliContext): void {
  verify
    .command('filestore')
    .description('verify filestore (not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => notImplemented('verify filestore'));
}
