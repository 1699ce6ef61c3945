import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-lazy-'));
// A module resolve hook that records every npm package the process loads (module.register, Node 20.6+).
const hooks = path.join(dir, 'hooks.mjs');
writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /node_modules\\/(?:\\.pnpm\\/[^/]+\\/node_modules\\/)?((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);
  if (m) appendFileSync(process.env.LYNCDR_LOADED_LOG, m[1] + '\\n');
  return r;
}
`);
const register = path.join(dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nimport { pathToFileURL } from 'node:url';\nregister(pathToFileURL(${JSON.stringify(hooks)}));\n`);

/** npm packages loaded by `lyncdr <argv>` run as a process (from source). */
function packagesLoaded(argv: string[]): Set<string> {
  const log = path.join(dir, `loaded-${argv.join('-').replace(/\W+/g, '_')}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', register, '--import', 'tsx', main, ...argv], { encoding: 'utf8', env: { ...process.env, LYNCDR_LOADED_LOG: log }, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return new Set(readFileSync(log, 'utf8').split('\n').filter((n) => n && n !== 'tsx' && n !== 'esbuild' && n !== 'get-tsconfig' && n !== 'resolve-pkg-maps'));
}

describe('the CLI loads only what the command needs', () => {
  it('--help loads commander and no other npm package', () => {
    expect([...packagesLoaded(['--help'])].sort()).toEqual(['commander']);
  });

  it('verify sql --help loads neither pdfkit, zod, yaml, fflate nor better-sqlite3', () => {
    const loaded = packagesLoaded(['verify', 'sql', '--help']);
    for (const heavy of ['pdfkit', 'zod', 'yaml', 'fflate', 'better-sqlite3', 'ws']) expect(loaded.has(heavy), heavy).toBe(false);
  });

  it('documents --help loads the renderer (pdfkit): the hook sees what a command loads', () => {
    expect(packagesLoaded(['documents', '--help']).has('pdfkit')).toBe(true);
  });
});
