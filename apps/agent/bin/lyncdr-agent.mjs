#!/usr/bin/env node
// Entry of the `lyncdr-agent` command: the built bundle when `pnpm build` has run, else the TypeScript source via tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
