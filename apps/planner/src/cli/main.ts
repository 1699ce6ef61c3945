#!/usr/bin/env node
import { colorWanted, createCliContext } from './context';
import { runCli } from './program';
import { watchStopSignals } from './stop-signals';

// A reader that stops early (`lyncdr … | head`) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

const argv = process.argv.slice(2);
const ctx = createCliContext({
  stderrIsTty: process.stderr.isTTY === true,
  color: colorWanted(process.stdout.isTTY === true, process.env),
  // The planner catches Ctrl-C from its first line on, so an early one still ends in a clean stop (exit 0).
  stopSignals: argv[0] === 'serve' ? watchStopSignals() : undefined,
});
runCli(argv, ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`lyncdr: E_INTERNAL: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
