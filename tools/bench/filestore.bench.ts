/**
 * File-store comparison against rsync, and full hashing against sha256sum, side by side on the same generated trees.
 * The tree (200,000 files in service folders laid out as REFERENCE §f.1, plus a copy with a few differences) is
 * generated once into the temp folder and reused. Our side runs in a child process (this file with --child) so its
 * peak RSS is its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchResult } from './types';

const FILES = Number(process.env.LYNCDR_BENCH_FILES ?? 200_000);
const root = path.join(tmpdir(), `lyncdr-bench-filestore-${FILES}`);
const src = path.join(root, 'share');
const bak = path.join(root, 'copy');
const here = fileURLToPath(import.meta.url);

function generate(): void {
  if (existsSync(path.join(root, 'READY'))) return;
  rmSync(root, { recursive: true, force: true });
  console.error(`  generating ${FILES} files in ${src}…`);
  const t = new Date('2026-01-01T00:00:00Z');
  const folders = ['1-WebServices-1/CollabContent', '1-WebServices-1/CollabMetadata', '1-WebServices-1/DataConf', '1-ApplicationServer-1/AppServerFiles/RGS', '2-WebServices-1/CollabContent'];
  const perDir = 100;
  for (let i = 0; i < FILES; i++) {
    const d = path.join(src, folders[i % folders.length]!, `m${Math.floor(i / perDir / folders.length)}`);
    if (Math.floor(i / folders.length) % perDir === 0) mkdirSync(d, { recursive: true });
    const f = path.join(d, `f${i}.dat`);
    writeFileSync(f, `${i}:`.padEnd(200 + ((i * 7919) % 3800), 'x'));
    utimesSync(f, t, t);
  }
  execFileSync('cp', ['-a', src, bak]);
  // A few differences so both tools have work to report.
  for (let i = 0; i < FILES; i += Math.floor(FILES / 50)) {
    const d = path.join(bak, folders[i % folders.length]!, `m${Math.floor(i / perDir / folders.length)}`, `f${i}.dat`);
    rmSync(d, { force: true });
  }
  writeFileSync(path.join(root, 'READY'), '');
}

function timeIt(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface ChildResult {
  ms: number;
  maxRssMb: number;
  missing: number;
  hashedBytes: number;
}

/** Our side as the agent ships it: this file's child mode bundled to plain JavaScript (no TypeScript loader). */
const bundle = path.join(root, 'child.mjs');
async function bundleChild(): Promise<void> {
  const { build } = await import('esbuild');
  await build({ entryPoints: [here], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', external: ['esbuild'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
}

function ours(hash: 'none' | 'all', parallel = true): ChildResult {
  const p = spawnSync(process.execPath, [bundle, '--child', hash, parallel ? 'parallel' : 'single', src, bak], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (p.status !== 0) throw new Error(`child failed: ${p.stderr}`);
  return JSON.parse(p.stdout) as ChildResult;
}

const bench: Bench = {
  id: 'filestore',
  description: `file-store comparison of ${FILES} files vs rsync -a -n --delete; full hashing vs sha256sum`,
  async run(): Promise<BenchResult[]> {
    generate();
    await bundleChild();
    const runs = 3;
    const oursMs: number[] = [];
    const singleMs: number[] = [];
    const rsyncMs: number[] = [];
    let rss = 0;
    for (let i = 0; i < runs; i++) {
      const r = ours('none');
      oursMs.push(r.ms);
      rss = Math.max(rss, r.maxRssMb);
      const one = ours('none', false);
      singleMs.push(one.ms);
      rss = Math.max(rss, one.maxRssMb);
      rsyncMs.push(timeIt(() => execFileSync('rsync', ['-a', '-n', '--delete', `${src}/`, `${bak}/`], { stdio: 'ignore' })));
    }
    const hashOurs: number[] = [];
    const hashPeer: number[] = [];
    let hashedBytes = 0;
    let rssHash = 0;
    for (let i = 0; i < 2; i++) {
      const r = ours('all');
      hashedBytes = r.hashedBytes;
      hashOurs.push(r.ms);
      rssHash = Math.max(rssHash, r.maxRssMb);
      hashPeer.push(timeIt(() => execFileSync('sh', ['-c', `find "${src}" "${bak}" -type f -print0 | xargs -0 sha256sum > /dev/null`], { stdio: 'ignore' })));
    }
    const mb = hashedBytes / 1e6;
    const oursMbs = mb / (median(hashOurs) / 1000);
    const peerMbs = mb / (median(hashPeer) / 1000);
    return [
      { name: `compare ${FILES} files (two walker threads)`, value: median(oursMs), unit: 'ms', target: '≤ 1.5× rsync', peer: { name: 'rsync -a -n --delete', value: median(rsyncMs) }, ratio: median(oursMs) / median(rsyncMs) },
      { name: `compare ${FILES} files (one thread)`, value: median(singleMs), unit: 'ms', target: '≤ 1.5× rsync', peer: { name: 'rsync -a -n --delete', value: median(rsyncMs) }, ratio: median(singleMs) / median(rsyncMs) },
      { name: 'peak RSS (compare)', value: rss, unit: 'MB', target: '< 200 MB', note: 'bundled child process' },
      { name: 'peak RSS (compare + full hashing)', value: rssHash, unit: 'MB', target: '< 200 MB', note: 'bundled child process' },
      { name: 'full hashing throughput', value: oursMbs, unit: 'MB/s', target: '≥ 0.8× sha256sum', peer: { name: 'sha256sum (find | xargs)', value: peerMbs }, ratio: oursMbs / peerMbs, note: `${mb.toFixed(0)} MB in ${FILES * 2} files; walk, compare and one hashing worker included` },
    ];
  },
};
export default bench;

if (process.argv[2] === '--child') {
  const [, , , hash, mode, s, b] = process.argv;
  const { compareTrees } = await import('@lyncdr/collectors');
  const t0 = process.hrtime.bigint();
  const r = await compareTrees(s!, b!, { hash: hash as 'none' | 'all', maxFindings: 100, parallel: hash === 'all' ? undefined : mode === 'parallel' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const out: ChildResult = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, missing: r.totals.missing, hashedBytes: r.totals.hashedBytes };
  process.stdout.write(JSON.stringify(out));
}
