import { readdirSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One vitest project per workspace package (unit tests beside the code) plus `test/` (cross-package scenarios).
const root = path.dirname(new URL(import.meta.url).pathname);
const packageDirs = ['packages', 'apps', 'tools']
  .flatMap((group) => readdirSync(path.join(root, group)).map((name) => path.join(group, name)))
  .filter((dir) => existsSync(path.join(root, dir, 'package.json')));

export default defineConfig({
  test: {
    projects: [
      ...packageDirs.map((dir) => ({
        test: {
          name: JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')).name as string,
          root: path.join(root, dir),
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      })),
      { test: { name: 'scenarios', root: path.join(root, 'test'), include: ['**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
