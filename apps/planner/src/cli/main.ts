#!/usr/bin/env node
import { createCliContext } from './context';
import { runCli } from './program';

// A reader that stops early (`lyncdr … | head`) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

const ctx = createCliContext();
runCli(process.argv.slice(2), ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`lyncdr: E_INTERNAL: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
