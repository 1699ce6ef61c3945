/**
 * Headers of 10,000 SQL Server backup files (synthetic, real header layout, sparse bodies of 256 KB–4 MB), read by
 * `lyncdr verify sql`'s scanner in a child process (time and peak RSS), side by side with `head -c`/`tail -c` of the
 * same byte ranges through one xargs batch each (the `cat` of what the reader reads). The target row is the headers
 * (list the folders, read and parse every header); the whole `verify sql`, chains included, is reported beside it. Measured with a warm page cache
 * and with these files' pages dropped (posix_fadvise DONTNEED, nothing else on the machine is touched), alternating
 * the two tools so machine load hits both alike; CPU time is reported too, as it does not depend on that load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HEAD_BYTES, TAIL_BYTES } from '@lyncdr/sql-backup';
import { guidOf, lsnOf, writeSyntheticBackup } from '@lyncdr/sql-backup/testing';
import type { Bench, BenchResult } from './types';

const FILES = 10_000;
const here = path.dirname(fileURLToPath(import.meta.url));

async function generate(dir: string): Promise<void> {
  const databases = ['xds', 'lis', 'rtcxds', 'rtcshared', 'rgsconfig', 'LcsLog', 'LcsCDR', 'QoEMetrics', 'mgc'];
  const perDb = Math.ceil(FILES / (databases.length * 4));
  let n = 0;
  for (let s = 0; s < 4 && n < FILES; s++) {
    const server = `SQLBE0${s + 1}\\RTC`;
    for (const db of databases) {
      const folder = path.join(dir, `SQLBE0${s + 1}$RTC`, db);
      await mkdir(path.join(folder, 'FULL'), { recursive: true });
      await mkdir(path.join(folder, 'LOG'), { recursive: true });
      for (let i = 0; i < perDb && n < FILES; i++, n++) {
        const full = i % 96 === 0;
        const day = 1 + Math.floor(i / 96);
        const minute = (i % 96) * 15;
        const start = `2024-03-${String(day).padStart(2, '0')}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
        await writeSyntheticBackup(path.join(folder, full ? 'FULL' : 'LOG', `${db}_${i}.${full ? 'bak' : 'trn'}`), {
          database: db, server, type: full ? 'D' : 'L', firstLsn: lsnOf(40, 100 + i * 10), lastLsn: lsnOf(40, 110 + i * 10), start,
          backupSetGuid: guidOf(n + 1), size: (full ? 4096 : 256) * 1024,
        });
      }
    }
  }
}

const PEER = `find "$1" -type f -print0 | xargs -0 head -q -c ${HEAD_BYTES} > /dev/null && find "$1" -type f -print0 | xargs -0 tail -q -c ${TAIL_BYTES} > /dev/null`;

interface Measure {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

/**
 * Drops these files' pages from the page cache (posix_fadvise DONTNEED), so the next read goes to the disk. The
 * files were just written: `os.sync()` first, as DONTNEED leaves dirty pages in the cache (without it the first
 * "evicted" run still reads from memory).
 */
function evict(dir: string): void {
  const py = 'import os,sys\nos.sync()\nfor root,_,names in os.walk(sys.argv[1]):\n  for n in names:\n    fd=os.open(os.path.join(root,n),os.O_RDONLY)\n    os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED)\n    os.close(fd)\n';
  const r = spawnSync('python3', ['-c', py, dir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not evict the files from the page cache (python3 posix_fadvise)');
}

/** `head -c`/`tail -c` of the same byte ranges; CPU time (user + sys of the whole tree) from GNU time. */
function peer(dir: string, timesFile: string): Measure {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timesFile, 'sh', '-c', PEER, 'sh', dir], { stdio: 'inherit' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error('peer (head/tail) failed');
  const [u, sys, rssKb] = readFileSync(timesFile, 'utf8').trim().split(/\s+/).map(Number);
  return { ms, cpuMs: (u! + sys!) * 1000, rssMb: rssKb! / 1024 };
}

/**
 * The scanner as it ships: bundled to one JavaScript file by esbuild (apps are built that way), run by plain node.
 * `headers` lists the folders and reads every header (what the target is about); `verify` is all of
 * `lyncdr verify sql`, the restore chains checked too.
 */
async function bundle(dir: string): Promise<string> {
  const outfile = path.join(dir, 'scanner.mjs');
  const contents = [
    "import { findBackupFiles, scanFiles, verifySqlFolders } from '@lyncdr/sql-backup';",
    'const [mode, folder] = process.argv.slice(2);',
    'const t0 = performance.now();',
    'const c0 = process.cpuUsage();',
    'let files, other;',
    "if (mode === 'headers') {",
    '  const scanned = await scanFiles((await findBackupFiles([folder], process.cwd())).files);',
    '  files = scanned.filter((f) => f.header).length;',
    '  other = scanned.length - files;',
    '} else {',
    '  const r = await verifySqlFolders([folder]);',
    '  files = r.files.length;',
    '  other = r.otherFiles.length;',
    '}',
    'const ms = performance.now() - t0;',
    'const c = process.cpuUsage(c0);',
    'process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, files, other, maxRssKb: process.resourceUsage().maxRSS }));',
  ].join('\n');
  await build({ stdin: { contents, resolveDir: here, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

/**
 * The child's environment without NODE_EXTRA_CA_CERTS: when it is set (this machine sets it), every Node process
 * loads and parses that CA bundle as it starts, ~150 ms here, for TLS the scanner never uses. The row "node start-up"
 * shows both figures.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

function nodeStartMs(env: NodeJS.ProcessEnv): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    runs.push(performance.now() - t0);
  }
  return Math.min(...runs);
}

function ours(scanner: string, mode: 'headers' | 'verify', dir: string): Measure {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [scanner, mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20, env: childEnv() });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`scanner child failed: ${r.stderr}`);
  const o = JSON.parse(r.stdout) as { ms: number; cpuMs: number; files: number; other: number; maxRssKb: number };
  if (o.files !== FILES || o.other !== 0) throw new Error(`scanner read ${o.files} files (${o.other} unusable), expected ${FILES}`);
  // Whole child process (start-up included), like the peer's figure.
  return { ms: wall, cpuMs: o.cpuMs, rssMb: o.maxRssKb / 1024 };
}

const best = (runs: Measure[], k: keyof Measure) => Math.min(...runs.map((r) => r[k]));

const bench: Bench = {
  id: 'sql-headers',
  description: `headers of ${FILES} backup files vs head/tail of the same byte ranges`,
  async run(): Promise<BenchResult[]> {
    const root = await mkdtemp(path.join(tmpdir(), 'lyncdr-bench-sql-'));
    const dir = path.join(root, 'backups');
    const times = path.join(root, 'peer-times.txt');
    try {
      await generate(dir);
      const scanner = await bundle(root);
      const warm = { headers: [] as Measure[], verify: [] as Measure[], peer: [] as Measure[] };
      const cold = { headers: [] as Measure[], verify: [] as Measure[], peer: [] as Measure[] };
      peer(dir, times);
      ours(scanner, 'headers', dir);
      // Alternating, so that machine load hits every tool alike; the best run of each is kept.
      for (let i = 0; i < 5; i++) {
        warm.peer.push(peer(dir, times));
        warm.headers.push(ours(scanner, 'headers', dir));
        warm.verify.push(ours(scanner, 'verify', dir));
      }
      for (let i = 0; i < 2; i++) {
        evict(dir);
        cold.peer.push(peer(dir, times));
        evict(dir);
        cold.headers.push(ours(scanner, 'headers', dir));
        evict(dir);
        cold.verify.push(ours(scanner, 'verify', dir));
      }
      const peerName = 'head -c + tail -c (xargs)';
      const row = (name: string, o: number, p: number, note: string, target = '≤ 3× peer'): BenchResult => ({ name, value: o, unit: 'ms', target, peer: { name: peerName, value: p }, ratio: o / p, note });
      const all = [...warm.headers, ...warm.verify, ...cold.headers, ...cold.verify];
      return [
        row(`${FILES} headers, warm cache (wall)`, best(warm.headers, 'ms'), best(warm.peer, 'ms'), 'folders listed, every header read and parsed; node start-up included'),
        row(`${FILES} headers, evicted from cache (wall)`, best(cold.headers, 'ms'), best(cold.peer, 'ms'), 'I/O bound case'),
        row('whole verify sql, warm cache (wall)', best(warm.verify, 'ms'), best(warm.peer, 'ms'), 'headers, then 36 restore chains checked', ''),
        row('whole verify sql, evicted from cache (wall)', best(cold.verify, 'ms'), best(cold.peer, 'ms'), '', ''),
        row(`${FILES} headers, CPU time (user + sys)`, best(warm.headers, 'cpuMs'), best(warm.peer, 'cpuMs'), "ours: the scan, V8's compiler and GC threads included", ''),
        { name: 'throughput, warm cache', value: (FILES / best(warm.headers, 'ms')) * 1000, unit: 'files/s' },
        { name: 'peak RSS of the scanner process', value: Math.max(...all.map((r) => r.rssMb)), unit: 'MB', target: '< 100 MB' },
        { name: 'node start-up (node -e 0), included above', value: nodeStartMs(childEnv()), unit: 'ms', note: process.env.NODE_EXTRA_CA_CERTS ? `${nodeStartMs(process.env).toFixed(0)} ms with this machine's NODE_EXTRA_CA_CERTS, left out of the child's environment` : '' },
      ];
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};
export default bench;
