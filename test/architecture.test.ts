/**
 * The shape of the workspace holds: the package graph of docs/architecture.md (the truth) matches every package.json
 * and every import of packages/*, apps/* and tools/*, uses only lower layers and has no cycle; and the ESLint rule keeps
 * the pure packages free of I/O modules; the core packages' indexes name every export.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { checkGraph, findCycle, parseGraphTable, readImports, readWorkspace, type WorkspacePackage } from './architecture/package-graph';
import { repoRoot } from './planner-helpers';

const rows = parseGraphTable(readFileSync(path.join(repoRoot, 'docs/architecture.md'), 'utf8'));
const packages = readWorkspace(repoRoot);

/** The workspace with one package's dependencies changed, as if its package.json had been edited. */
const withUses = (folder: string, uses: (old: string[]) => string[]): WorkspacePackage[] =>
  packages.map((p) => (p.folder === folder ? { ...p, uses: uses(p.uses) } : p));

describe('the package graph', () => {
  it('in docs/architecture.md is what the package.json files and the imports say', () => {
    expect(rows.map((r) => r.folder).sort()).toEqual(packages.map((p) => p.folder).sort());
    expect(checkGraph(rows, packages, readImports(repoRoot, packages))).toEqual([]);
  });

  it('fails on a dependency added to a package.json but not to the table, and on one pointing up', () => {
    expect(checkGraph(rows, withUses('packages/domain', (u) => [...u, 'render']))).toEqual([
      'packages/domain: package.json depends on render, which the table does not list; add it to the table (or drop the dependency)',
      'packages/domain (layer 2) uses render (layer 4): a package uses only lower layers',
      'the package graph has a cycle: domain → render → documents → domain',
    ]);
    expect(checkGraph(rows, withUses('packages/store', (u) => [...u, 'logger (dev)']))).toEqual([
      'packages/store: package.json depends on logger (dev), which the table does not list; add it to the table (or drop the dependency)',
    ]);
  });

  it('fails on a row without a package, a package without a row, and a dependency the table lists but nobody declares', () => {
    const extra = [...rows, { folder: 'packages/gone', layer: 0, uses: [] }];
    expect(checkGraph(extra, packages)).toEqual(['packages/gone: in the table but has no package.json; remove its row']);
    expect(checkGraph(rows.filter((r) => r.folder !== 'packages/logger'), packages)).toContain(
      'packages/logger: has a package.json but no row in the package graph of docs/architecture.md; add one',
    );
    expect(checkGraph(rows, withUses('packages/render', (u) => u.filter((n) => n !== 'documents')))).toEqual([
      'packages/render: the table lists documents, which package.json does not declare',
    ]);
  });

  it('fails on an import of a package, by name or by relative path, that the importer does not depend on', () => {
    const imports = [
      { folder: 'packages/topology', file: 'packages/topology/src/x.ts', specifier: '@lyncdr/domain/testing' },
      { folder: 'packages/store', file: 'packages/store/src/y.ts', specifier: '../../render/src/index' },
      { folder: 'packages/store', file: 'packages/store/src/z.ts', specifier: '../../protocol/src/index' },
      { folder: 'packages/store', file: 'packages/store/src/w.ts', specifier: '@lyncdr/store' },
    ];
    expect(checkGraph(rows, packages, imports)).toEqual([
      'packages/topology/src/x.ts: imports @lyncdr/domain/testing, but packages/topology does not depend on @lyncdr/domain',
      'packages/store/src/y.ts: imports ../../render/src/index (in packages/render), but packages/store does not depend on @lyncdr/render',
    ]);
  });

  it('finds a cycle, and none in a tree', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toBeNull();
  });
});

describe('the pure packages', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const restricted = async (file: string, module: string) => {
    const [result] = await eslint.lintText(`import * as m from '${module}';\nexport const n = Object.keys(m).length;\n`, { filePath: path.join(repoRoot, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length > 0;
  };

  it.each(['topology', 'domain', 'protocol', 'documents', 'errors'])('%s may not import I/O modules (ESLint)', async (pkg) => {
    const file = `packages/${pkg}/src/boundary-probe.ts`;
    for (const module of ['node:worker_threads', 'worker_threads', 'node:tls', 'tls', 'node:os', 'os', 'node:fs', 'node:child_process', 'ws', 'pdfkit']) {
      expect(await restricted(file, module), `${pkg} importing ${module}`).toBe(true);
    }
    expect(await restricted(file, 'zod')).toBe(false);
  });

  it('while the adapter packages and the apps may', async () => {
    expect(await restricted('packages/store/src/boundary-probe.ts', 'node:worker_threads')).toBe(false);
    expect(await restricted('apps/planner/src/server/boundary-probe.ts', 'node:tls')).toBe(false);
    expect(await restricted('packages/collectors/src/boundary-probe.ts', 'node:os')).toBe(false);
  });
});

describe('the public API of domain, documents and protocol', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const restricted = async (file: string, text: string) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(repoRoot, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it.each(['domain', 'documents', 'protocol'])('%s lists its exported names in its indexes (ESLint forbids export *)', async (pkg) => {
    expect(await restricted(`packages/${pkg}/src/index.ts`, "export * from './model';\n")).toEqual([
      'list the exported names: the index is where the public API is read',
    ]);
    expect(await restricted(`packages/${pkg}/src/probe/index.ts`, "export { a } from './a';\n")).toEqual([]);
    expect(await restricted(`packages/${pkg}/src/index.ts`, "import PDFDocument from 'pdfkit';\nexport const d = PDFDocument;\n")).toEqual([
      'only packages/render imports pdfkit',
    ]);
  });
});
