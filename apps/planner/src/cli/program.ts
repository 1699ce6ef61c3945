import { Command, CommanderError } from 'commander';
import { formatError, isLyncdrError } from '@lyncdr/errors';
import type { CliContext } from './context';
import { commandOf, commands } from './commands/index';

import { VERSION } from '../server/version';

export { VERSION };

/**
 * Builds the `lyncdr` program for argv. Commands live one per file in ./commands; only the one argv runs is imported
 * and registered in full, the others are listed by name and summary (enough for `--help` and for usage errors).
 */
export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('lyncdr')
    .description('Backup verification, restore worksheets and failover plans for Lync Server 2013 / Skype for Business Server.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (t) => ctx.stdout(t), writeErr: (t) => ctx.stderr(t) })
    .exitOverride();
  const wanted = commandOf(argv);
  for (const c of commands) {
    if (c === wanted) await (await c.load())(program, ctx, argv);
    else program.command(c.name).summary(c.summary);
  }
  return program;
}

/** Runs the CLI on argv (without node and script) and returns the exit code: 0 ok, 1 findings, 2 bad input/usage. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `--help` and `--version` exit 0; help shown because a subcommand is missing is a usage error (2).
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : 2;
      return 2;
    }
    ctx.stderr(`lyncdr: ${formatError(e)}\n`);
    if (process.env.LYNCDR_DEBUG && e instanceof Error && e.stack) ctx.stderr(e.stack + '\n');
    return isLyncdrError(e) ? e.exitCode : 2;
  }
}
