import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The planner's layers (docs/architecture.md): each folder imports only from the folders below it. Tests may also
 * import `testing/`, which may import every layer. Outside src/, only the package's own package.json (the version).
 */
const below: Record<string, string[]> = {
  http: [],
  dashboard: ['http'],
  server: ['http', 'dashboard'],
  cli: ['http', 'dashboard', 'server'],
  testing: ['http', 'dashboard', 'server', 'cli', 'testing'],
};

const src = path.dirname(fileURLToPath(import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('planner layers', () => {
  it('http ← dashboard ← server ← cli: no folder imports one above it', () => {
    const wrong: string[] = [];
    for (const layer of Object.keys(below)) {
      for (const file of files(path.join(src, layer))) {
        const allowed = [layer, ...below[layer]!, ...(file.endsWith('.test.ts') ? ['testing'] : [])];
        for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from '(\.[^']+)'/gm)) {
          const resolved = path.resolve(path.dirname(file), m[1]!);
          // The package's own manifest is read for its version (server/version.ts); nothing else outside src/.
          if (resolved === path.resolve(src, '../package.json')) continue;
          const target = path.relative(src, resolved).split(path.sep)[0]!;
          if (target.startsWith('..')) wrong.push(`${path.relative(src, file)} reaches outside the package: ${m[1]}`);
          else if (!allowed.includes(target)) wrong.push(`${path.relative(src, file)} (${layer}) imports ${m[1]} (${target})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
