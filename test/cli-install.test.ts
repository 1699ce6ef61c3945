import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../apps/planner/src/server/version';
import { repoRoot } from './planner-helpers';

/*
 * `lyncdr` as a real command: the tarball of `pnpm --filter @lyncdr/planner pack:cli` installed with
 * `npm install -g --prefix <tmp> --offline` (every npm package it needs travels in it, so no registry is asked), and
 * the workspace linked with `pnpm link --global` into a throw-away PNPM_HOME. Both run from folders other than the
 * repository.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-install-'));
const prefix = path.join(dir, 'prefix');
const exampleDir = path.join(repoRoot, 'examples/two-site');
const plannerDir = path.join(repoRoot, 'apps/planner');
let tarball = '';

/** The environment of the commands: no CA bundle setting of this machine, and npm's cache kept in the temp folder. */
function env(extra: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: path.join(dir, 'npm-cache'), npm_config_update_notifier: 'false', ...extra };
  delete e.NODE_EXTRA_CA_CERTS;
  delete e.NO_COLOR;
  return e;
}

beforeAll(() => {
  const out = path.join(dir, 'pack');
  execFileSync(process.execPath, [path.join(plannerDir, 'scripts/pack-cli.mjs'), '--out', out], { cwd: plannerDir, env: env(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
  tarball = path.join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir, env: env(), encoding: 'utf8', timeout: 240_000 });
  expect(r.status, r.stderr).toBe(0);
}, 500_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lyncdr installed from its tarball, offline', () => {
  const lyncdr = () => path.join(prefix, 'bin', 'lyncdr');
  const run = (args: string[], cwd: string) => spawnSync(lyncdr(), args, { cwd, env: env(), encoding: 'utf8', timeout: 60_000 });

  it('the tarball names its bin and carries its npm dependencies (no registry needed)', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
    expect(listing).toContain('package/dist/cli/main.js');
    expect(listing).toContain('package/src/dashboard/assets/index.html');
    for (const dep of ['commander', 'better-sqlite3', 'pdfkit', 'dejavu-fonts-ttf', 'ws', 'yaml', 'zod', 'fflate']) expect(listing, dep).toContain(`package/node_modules/${dep}/package.json`);
    const manifest = JSON.parse(readFileSync(path.join(prefix, 'lib/node_modules/lyncdr/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'lyncdr', version: VERSION, bin: { lyncdr: 'dist/cli/main.js' } });
  });

  it('<prefix>/bin/lyncdr --version', () => {
    const r = run(['--version'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('cd examples/two-site && lyncdr topology show topology.xml; -o writes in the caller\u2019s folder; -o - prints a PDF', () => {
    const show = run(['topology', 'show', 'topology.xml', '--overlay', 'lyncdr.yaml'], exampleDir);
    expect(show.stderr).toBe('');
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/pool01\.contoso\.example/);
    const work = path.join(dir, 'work');
    mkdirSync(work, { recursive: true });
    const w = run(['worksheet', path.join(exampleDir, 'topology.xml'), '--kind', 'database', '-o', 'ws.pdf'], work);
    expect(w.status, w.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'ws.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const piped = spawnSync(lyncdr(), ['worksheet', path.join(exampleDir, 'topology.xml'), '--kind', 'database', '-o', '-', '--format', 'pdf'], { cwd: work, env: env(), timeout: 60_000 });
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('better-sqlite3, the native addon, works from the install (agents add / list)', () => {
    const data = path.join(dir, 'data');
    expect(run(['agents', 'add', 'fe01', '--data', data], dir).status).toBe(0);
    const list = run(['agents', 'list', '--data', data], dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^NAME\s+ROLE\s+STATE/);
    expect(list.stdout).toMatch(/^fe01\s+agent\s+never seen/m);
  });
});

describe('lyncdr linked from the workspace with pnpm link --global', () => {
  it('the linked command runs the built bundle from any folder', () => {
    // The link points at apps/planner/dist (what `pnpm build` makes): built here only when it is not there yet.
    if (!existsSync(path.join(plannerDir, 'dist/cli/main.js'))) execFileSync(process.execPath, [path.join(repoRoot, 'tools/build-app.mjs')], { cwd: plannerDir, stdio: 'ignore', timeout: 240_000 });
    const home = path.join(dir, 'pnpm-home');
    mkdirSync(home, { recursive: true });
    const pnpmEnv = env({ PNPM_HOME: home, XDG_DATA_HOME: path.join(dir, 'xdg-data'), XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), PATH: `${home}${path.delimiter}${process.env.PATH}` });
    const link = spawnSync('pnpm', ['link', '--global'], { cwd: plannerDir, env: pnpmEnv, encoding: 'utf8', timeout: 120_000 });
    expect(link.status, link.stderr + link.stdout).toBe(0);
    const shim = path.join(home, 'lyncdr');
    expect(readFileSync(shim, 'utf8')).toContain('apps/planner/dist/cli/main.js');
    const r = spawnSync(shim, ['topology', 'show', 'topology.xml', '--json'], { cwd: exampleDir, env: pnpmEnv, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).pools.length).toBeGreaterThan(0);
    expect(spawnSync(shim, ['--version'], { cwd: dir, env: pnpmEnv, encoding: 'utf8' }).stdout.trim()).toBe(VERSION);
  }, 300_000);
});
