#!/usr/bin/env node
// Builds the app in the current directory: bundles src/index.ts (and src/cli/main.ts or src/main.ts when present) with
// esbuild into dist/ (or the folder given as the first argument), keeping npm dependencies external. Library packages
// are not built: they export their TypeScript source.
//
// Two things a bundle needs beyond its own file are handled here, so a built app runs where it is:
// - worker files that bundled code starts by URL (`new Worker(new URL('./x.mjs', import.meta.url))`), listed in the
//   app's package.json under "lyncdr": { "workers": [...] }: each is bundled beside every entry bundle;
// - npm packages the bundle imports: each must resolve from the app's folder (that is, be a dependency of the app,
//   not only of a workspace package it bundles). The build fails otherwise, naming the package.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
const app = process.cwd();
const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8'));
const entryPoints = ['src/index.ts', 'src/cli/main.ts', 'src/main.ts'].filter((f) => existsSync(f));

const externalNpm = {
  name: 'external-npm',
  setup(b) {
    // npm dependencies stay external; workspace packages (@lyncdr/*, TypeScript source) are bundled.
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@lyncdr/') ? undefined : { external: true }));
  },
};
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', plugins: [externalNpm], sourcemap: true, logLevel: 'warning', metafile: true };

// An app that sets "lyncdr": { "splitting": true } is split into chunks: what `import()` loads lazily (the CLI's
// commands) is read from disk only when it runs. Chunks go in the outdir itself, where worker URLs resolve too.
const splitting = pkg.lyncdr?.splitting === true;
// Chunk names change with their content: start from an empty outdir so no stale chunk is left beside the new ones.
if (splitting) rmSync(outdir, { recursive: true, force: true });
const results = [await build({ ...common, entryPoints, outdir, splitting, chunkNames: 'chunk-[hash]' })];
// Worker files go beside each entry bundle (dist/ and dist/cli/), where `new URL(..., import.meta.url)` looks.
const workers = (pkg.lyncdr?.workers ?? []).map((w) => path.resolve(app, w));
const bundleDirs = [...new Set(entryPoints.map((e) => path.join(outdir, path.dirname(path.relative('src', e)))))];
for (const worker of workers) {
  if (!existsSync(worker)) throw new Error(`${pkg.name}: worker ${worker} (package.json lyncdr.workers) does not exist`);
  for (const dir of bundleDirs) results.push(await build({ ...common, entryPoints: [worker], outfile: path.join(dir, path.basename(worker)) }));
}

const requireFromApp = createRequire(path.join(app, 'package.json'));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const missing = new Set();
for (const r of results) {
  for (const out of Object.values(r.metafile.outputs)) {
    for (const imp of out.imports) {
      if (!imp.external || builtins.has(imp.path) || imp.path.startsWith('node:')) continue;
      const name = imp.path.startsWith('@') ? imp.path.split('/').slice(0, 2).join('/') : imp.path.split('/')[0];
      try {
        requireFromApp.resolve(`${name}/package.json`);
      } catch {
        try {
          requireFromApp.resolve(name);
        } catch {
          missing.add(name);
        }
      }
    }
  }
}
if (missing.size) {
  console.error(`${pkg.name}: the bundle imports ${[...missing].join(', ')}, which ${missing.size > 1 ? 'do' : 'does'} not resolve from ${app}; add ${missing.size > 1 ? 'them' : 'it'} to the app's dependencies`);
  process.exit(1);
}
console.log(`built ${[...entryPoints, ...workers.map((w) => path.relative(app, w))].join(', ')} → ${outdir}/`);
