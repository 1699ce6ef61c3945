/**
 * The workspace package graph, read two ways: from the table in docs/architecture.md (## Package graph), which is the
 * truth, and from the package.json files and the imports of packages/*, apps/* and tools/*. `checkGraph` compares
 * them and returns every problem as one line; the reading functions do the I/O, the check is pure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One row of the table: the package folder, its layer, and the workspace packages it uses (`x` or `x (dev)`). */
export interface GraphRow {
  folder: string;
  layer: number;
  uses: string[];
}

/** One workspace package as its package.json declares it. */
export interface WorkspacePackage {
  folder: string;
  /** Name without the `@lyncdr/` scope. */
  name: string;
  /** Workspace packages it depends on, `x` or `x (dev)` for a devDependency only. */
  uses: string[];
}

/** One import of a file of a package: the specifier as written. */
export interface SourceImport {
  folder: string;
  file: string;
  specifier: string;
}

const SCOPE = '@lyncdr/';
const GROUPS = ['packages', 'apps', 'tools'];

/** Reads the rows of the table under `## Package graph`; a malformed row is an error naming it. */
export function parseGraphTable(markdown: string): GraphRow[] {
  const start = markdown.indexOf('\n## Package graph');
  if (start < 0) throw new Error('docs/architecture.md has no "## Package graph" section');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const rows: GraphRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const m = /^\| `([^`]+)` \| (\d+) \| (.*) \|$/.exec(line.trim());
    if (!m) throw new Error(`docs/architecture.md: cannot read the package graph row ${JSON.stringify(line)}`);
    const uses = m[3]!.trim() === '—' ? [] : m[3]!.split(',').map((s) => s.trim()).filter(Boolean);
    rows.push({ folder: m[1]!, layer: Number(m[2]), uses });
  }
  if (!rows.length) throw new Error('docs/architecture.md: the package graph table has no rows');
  return rows;
}

/** Every package.json of packages/*, apps/* and tools/*, with its workspace dependencies. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const group of GROUPS) {
    for (const dir of readdirSync(path.join(root, group)).sort()) {
      const file = path.join(root, group, dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const names = (kind: string) =>
        Object.entries((pkg[kind] as Record<string, string> | undefined) ?? {})
          .filter(([name, spec]) => name.startsWith(SCOPE) || spec.startsWith('workspace:'))
          .map(([name]) => name.replace(SCOPE, ''));
      const prod = new Set([...names('dependencies'), ...names('peerDependencies'), ...names('optionalDependencies')]);
      const dev = names('devDependencies').filter((n) => !prod.has(n));
      out.push({ folder: `${group}/${dir}`, name: String(pkg.name).replace(SCOPE, ''), uses: [...prod, ...dev.map((n) => `${n} (dev)`)] });
    }
  }
  return out;
}

/** The import specifiers of every source file (.ts, .mts, .js, .mjs) of each package, outside node_modules and dist. */
export function readImports(root: string, packages: readonly WorkspacePackage[]): SourceImport[] {
  const out: SourceImport[] = [];
  const pattern = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  const walk = (folder: string, dir: string) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist' && !e.name.startsWith('.')) walk(folder, rel);
      } else if (/\.(m?ts|m?js)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        const text = readFileSync(path.join(root, rel), 'utf8');
        for (const m of text.matchAll(pattern)) out.push({ folder, file: rel, specifier: (m[1] ?? m[2] ?? m[3])! });
      }
    }
  };
  for (const p of packages) walk(p.folder, p.folder);
  return out;
}

/** Every disagreement between the table, the package.json files and the imports; empty when the graph holds. */
export function checkGraph(rows: readonly GraphRow[], packages: readonly WorkspacePackage[], imports: readonly SourceImport[] = []): string[] {
  const problems: string[] = [];
  const byFolder = new Map(rows.map((r) => [r.folder, r]));
  const byName = new Map(packages.map((p) => [p.name, p]));
  const layerOf = new Map(packages.map((p) => [p.name, byFolder.get(p.folder)?.layer]));

  for (const r of rows) {
    if (!packages.some((p) => p.folder === r.folder)) problems.push(`${r.folder}: in the table but has no package.json; remove its row`);
  }
  for (const p of packages) {
    const row = byFolder.get(p.folder);
    if (!row) {
      problems.push(`${p.folder}: has a package.json but no row in the package graph of docs/architecture.md; add one`);
      continue;
    }
    const declared = new Set(p.uses);
    const documented = new Set(row.uses);
    for (const u of declared) if (!documented.has(u)) problems.push(`${p.folder}: package.json depends on ${u}, which the table does not list; add it to the table (or drop the dependency)`);
    for (const u of documented) if (!declared.has(u)) problems.push(`${p.folder}: the table lists ${u}, which package.json does not declare`);
    for (const u of p.uses) {
      const dep = u.replace(/ \(dev\)$/, '');
      const depLayer = layerOf.get(dep);
      if (!byName.has(dep)) problems.push(`${p.folder}: depends on @lyncdr/${dep}, which is no workspace package`);
      else if (depLayer !== undefined && depLayer >= row.layer) problems.push(`${p.folder} (layer ${row.layer}) uses ${dep} (layer ${depLayer}): a package uses only lower layers`);
    }
  }

  const cycle = findCycle(new Map(packages.map((p) => [p.name, p.uses.map((u) => u.replace(/ \(dev\)$/, ''))])));
  if (cycle) problems.push(`the package graph has a cycle: ${cycle.join(' → ')}`);

  const folders = packages.map((p) => p.folder);
  for (const i of imports) {
    const own = packages.find((p) => p.folder === i.folder)!;
    const allowed = new Set([own.name, ...own.uses.map((u) => u.replace(/ \(dev\)$/, ''))]);
    if (i.specifier.startsWith(SCOPE)) {
      const name = i.specifier.slice(SCOPE.length).split('/')[0]!;
      if (!allowed.has(name)) problems.push(`${i.file}: imports ${i.specifier}, but ${own.folder} does not depend on @lyncdr/${name}`);
    } else if (i.specifier.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(i.file), i.specifier));
      if (target === i.folder || target.startsWith(`${i.folder}/`)) continue;
      const into = folders.find((f) => target === f || target.startsWith(`${f}/`));
      const name = into && packages.find((p) => p.folder === into)!.name;
      if (!name) problems.push(`${i.file}: imports ${i.specifier}, outside every workspace package`);
      else if (!allowed.has(name)) problems.push(`${i.file}: imports ${i.specifier} (in ${into}), but ${own.folder} does not depend on @lyncdr/${name}`);
    }
  }
  return problems;
}

/** A cycle of the graph as a path that starts and ends with the same node, or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of [...graph.keys()].sort()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}
