#!/usr/bin/env node
import { createCliContext } from './context';
import { runCli } from './program';

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
