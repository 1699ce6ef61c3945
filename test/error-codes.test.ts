/**
 * The error code tables are the truth: docs/errors.md is what tools/gen-error-docs.ts makes from them, every `E_…`
 * code the sources use is in a table (findings carry codes as plain strings, which the type does not check), and
 * every code of a table is used somewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../packages/errors/src/index';
import { PROTOCOL_CODES } from '../packages/protocol/src/index';
import { ERRORS_PAGE, renderErrorDocs } from '../tools/gen-error-docs';
import { repoRoot } from './planner-helpers';

/** Every non-test TypeScript source of packages/*\/src and apps/*\/src, with its text. */
function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist') walk(full);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) {
        out.push({ file: path.relative(repoRoot, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(path.join(repoRoot, group))) {
      const src = path.join(repoRoot, group, name, 'src');
      try {
        walk(src);
      } catch {
        // a package without src/
      }
    }
  }
  return out;
}

const known = new Set([...Object.keys(ERROR_CODES), ...Object.keys(PROTOCOL_CODES)]);

describe('error codes', () => {
  it(`${ERRORS_PAGE} is up to date with the code tables (pnpm docs:errors)`, () => {
    expect(readFileSync(path.join(repoRoot, ERRORS_PAGE), 'utf8')).toBe(renderErrorDocs());
  });

  it('has no code in both tables', () => {
    expect(Object.keys(PROTOCOL_CODES).filter((c) => c in ERROR_CODES)).toEqual([]);
  });

  it('lists every code the sources use, and uses every code it lists', () => {
    const tables = new Set(['packages/errors/src/codes.ts', 'packages/protocol/src/codes.ts']);
    const unknown: string[] = [];
    const mentioned = new Set<string>();
    for (const { file, text } of sources()) {
      if (tables.has(file.split(path.sep).join('/'))) continue;
      for (const m of text.matchAll(/(['"`])(E_[A-Z0-9_]{3,})\1/g)) if (!known.has(m[2]!)) unknown.push(`${file}: ${m[2]}`);
      for (const m of text.matchAll(/\bE_[A-Z0-9_]{3,}\b/g)) mentioned.add(m[0]);
    }
    // A code in use is in packages/errors/src/codes.ts (or the protocol's codes.ts) with its meaning.
    expect(unknown).toEqual([]);
    // A code nothing uses any more leaves its table.
    expect([...known].filter((c) => !mentioned.has(c))).toEqual([]);
    expect(mentioned.size).toBeGreaterThan(80);
  });
});
