#!/usr/bin/env node
// Builds the app in the current directory: bundles src/index.ts (and src/cli/main.ts when present) with esbuild into
// dist/, keeping npm dependencies external. Library packages are not built: they export their TypeScript source.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entryPoints = ['src/index.ts', 'src/cli/main.ts', 'src/main.ts'].filter((f) => existsSync(f));
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [
    {
      name: 'external-npm',
      setup(b) {
        // npm dependencies stay external; workspace packages (@lyncdr/*, TypeScript source) are bundled.
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@lyncdr/') ? undefined : { external: true }));
      },
    },
  ],
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built ${entryPoints.join(', ')} → dist/`);
