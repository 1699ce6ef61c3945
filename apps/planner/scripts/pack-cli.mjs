#!/usr/bin/env node
// `pnpm --filter @lyncdr/planner pack:cli [--out <folder>]` (default apps/planner/dist): the `lyncdr` command as an npm
// package tarball that installs without a registry (`npm install -g lyncdr-<version>.tgz`).
//
// A plain `npm pack` of apps/planner cannot give that: its dependencies name private workspace packages
// (`workspace:*`, bundled into dist/ by the build, never published), and pnpm's node_modules are links into its store.
// So the tarball is staged here:
// - dist/ built by tools/build-app.mjs (workspace packages bundled, npm packages external), with the dashboard files
//   the bundle looks for in src/dashboard/assets;
// - a package.json with a `bin`, the npm dependencies, and all of them listed in bundleDependencies;
// - node_modules/ holding every npm package the bundle needs, with their own dependencies, copied out of pnpm's store
//   into a plain tree (a package is hoisted to the top unless another version is there already).
// better-sqlite3 is a native addon: its binary built here is carried along, and its install script keeps it when it
// loads on the installing machine (same platform and Node ABI), else downloads or builds one as it always does.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(app, '../..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = path.resolve(outAt >= 0 ? args[outAt + 1] : path.join(app, 'dist'));
const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8'));

const work = mkdtempSync(path.join(tmpdir(), 'lyncdr-pack-'));
const stage = path.join(work, 'package');
try {
  mkdirSync(stage);
  execFileSync(process.execPath, [path.join(repo, 'tools/build-app.mjs'), path.join(stage, 'dist')], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(path.join(stage, 'dist/index.js'), { force: true });
  rmSync(path.join(stage, 'dist/index.js.map'), { force: true });
  cpSync(path.join(app, 'src/dashboard/assets'), path.join(stage, 'src/dashboard/assets'), { recursive: true });
  for (const f of ['LICENSE', 'README.md']) if (existsSync(path.join(repo, f))) cpSync(path.join(repo, f), path.join(stage, f));
  chmodSync(path.join(stage, 'dist/cli/main.js'), 0o755);

  const npmDeps = Object.fromEntries(Object.entries(pkg.dependencies).filter(([, v]) => !String(v).startsWith('workspace:')));
  const tree = new Map(); // install path (relative to stage) → { name, version }
  const copied = [];
  placeAll(Object.keys(npmDeps), path.join(app, 'package.json'), '');
  const pinned = Object.fromEntries(Object.keys(npmDeps).map((n) => [n, tree.get(`node_modules/${n}`).version]));

  const manifest = {
    name: 'lyncdr',
    version: pkg.version,
    description: 'Backup verification, restore worksheets and failover plans for Lync Server 2013 / Skype for Business Server.',
    license: pkg.license,
    type: 'module',
    bin: { lyncdr: 'dist/cli/main.js' },
    engines: { node: '>=20.19' },
    files: ['dist', 'src/dashboard/assets', 'LICENSE', 'README.md'],
    dependencies: pinned,
    bundleDependencies: Object.keys(pinned),
  };
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  carryNativeBinary(path.join(stage, 'node_modules/better-sqlite3'));

  mkdirSync(outDir, { recursive: true });
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
  console.log(`packed ${path.join(outDir, name)} (${copied.length} npm packages bundled)`);

  /**
   * Places the dependencies of the package installed at `parentPath` ('' for the top) where Node's resolution from
   * there finds them: at the top unless another version is visible, then beside the package. The names of one level
   * are placed before any of their own dependencies, so a package asked for directly always gets the top.
   */
  function placeAll(names, fromManifest, parentPath) {
    const next = [];
    for (const name of names) {
      const real = locate(name, path.dirname(fromManifest));
      if (!real) throw new Error(`${name} (needed by ${fromManifest}) is not installed; run pnpm install`);
      const dep = JSON.parse(readFileSync(path.join(real, 'package.json'), 'utf8'));
      const found = visible(tree, name, parentPath);
      if (found && tree.get(found).version === dep.version) continue;
      if (found && !parentPath) throw new Error(`two versions of ${name} asked for at the top (${tree.get(found).version}, ${dep.version})`);
      const at = found ? `${parentPath}/node_modules/${name}` : `node_modules/${name}`;
      tree.set(at, { name, version: dep.version });
      cpSync(real, path.join(stage, at), { recursive: true, dereference: true, filter: (src) => !path.relative(real, src).split(path.sep).includes('node_modules') });
      copied.push(`${name}@${dep.version}`);
      const own = [...Object.keys(dep.dependencies ?? {}), ...Object.keys(dep.optionalDependencies ?? {}).filter((n) => locate(n, real))];
      next.push([[...new Set(own)], path.join(real, 'package.json'), at]);
    }
    for (const [own, manifest, at] of next) placeAll(own, manifest, at);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The real folder of package `name` as Node finds it from `dir` (pnpm's links followed), or null. */
function locate(name, dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) !== 'node_modules') {
      const c = path.join(d, 'node_modules', name);
      if (existsSync(path.join(c, 'package.json'))) return realpathSync(c);
    }
    if (path.dirname(d) === d) return null;
  }
}

/** The install path where a package installed at `from` would find `name` in the staged tree, or null. */
function visible(tree, name, from) {
  for (let d = from; ; ) {
    const c = d ? `${d}/node_modules/${name}` : `node_modules/${name}`;
    if (tree.has(c)) return c;
    if (!d) return null;
    const i = d.lastIndexOf('/node_modules/');
    d = i < 0 ? '' : d.slice(0, i);
  }
}

/**
 * Keeps the better-sqlite3 binary built here: its package lists no build/ folder (so npm would leave the binary out)
 * and its install script would fetch a prebuilt one. The staged copy lists the binary, and its install script first
 * tries the carried one.
 */
function carryNativeBinary(dir) {
  if (!existsSync(dir)) return;
  const file = path.join(dir, 'package.json');
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const binary = 'build/Release/better_sqlite3.node';
  if (!existsSync(path.join(dir, binary))) return;
  // Only the binary is kept of the build folder (object files and the static library are not needed to run).
  const kept = readFileSync(path.join(dir, binary));
  rmSync(path.join(dir, 'build'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'build/Release'), { recursive: true });
  writeFileSync(path.join(dir, binary), kept);
  p.files = [...(p.files ?? []), binary];
  p.scripts = { install: `node -e "try { require('./${binary}') } catch { process.exit(1) }" || ${p.scripts?.install ?? 'node-gyp rebuild --release'}` };
  writeFileSync(file, JSON.stringify(p, null, 2) + '\n');
}
