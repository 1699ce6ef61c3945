/**
 * Headers of 10,000 SQL Server backup files (synthetic, real header layout, sparse bodies of 256 KB–4 MB), read by
 * `lyncdr verify sql`'s scanner in a child process (time and peak RSS), side by side with `head -c`/`tail -c` of the
 * same byte ranges through one xargs batch each (the `cat` of what the reader reads). Measured with a warm page cache
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

/** Drops these files' pages from the page cache (posix_fadvise DONTNEED), so the next read goes to the disk. */
function evict(dir: string): void {
  const py = 'import os,sys\nfor root,_,names in os.walk(sys.argv[1]):\n  for n in names:\n    fd=os.open(os.path.join(root,n),os.O_RDONLY)\n    os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED)\n    os.close(fd)\n';
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

/** The scanner as it ships: bundled to one JavaScript file by esbuild (apps are built that way), run by plain node. */
async function bundle(dir: string): Promise<string> {
  const outfile = path.join(dir, 'scanner.mjs');
  const contents = [
    "import { verifySqlFolders } from '@lyncdr/sql-backup';",
    'const t0 = performance.now();',
    'const c0 = process.cpuUsage();',
    'const r = await verifySqlFolders([process.argv[2]]);',
    'const ms = performance.now() - t0;',
    'const c = process.cpuUsage(c0);',
    'process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, files: r.files.length, other: r.otherFiles.length, maxRssKb: process.resourceUsage().maxRSS }));',
  ].join('\n');
  await build({ stdin: { contents, resolveDir: here, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

function ours(scanner: string, dir: string): Measure {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [scanner, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
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
      const warm = { ours: [] as Measure[], peer: [] as Measure[] };
      const cold = { ours: [] as Measure[], peer: [] as Measure[] };
      peer(dir, times);
      ours(scanner, dir);
      for (let i = 0; i < 3; i++) {
        warm.peer.push(peer(dir, times));
        warm.ours.push(ours(scanner, dir));
      }
      for (let i = 0; i < 2; i++) {
        evict(dir);
        cold.peer.push(peer(dir, times));
        evict(dir);
        cold.ours.push(ours(scanner, dir));
      }
      const peerName = 'head -c + tail -c (xargs)';
      const row = (name: string, o: number, p: number, note: string): BenchResult => ({ name, value: o, unit: 'ms', target: '≤ 3× peer', peer: { name: peerName, value: p }, ratio: o / p, note });
      return [
        row(`${FILES} headers, warm cache (wall)`, best(warm.ours, 'ms'), best(warm.peer, 'ms'), 'chains checked too; node start-up included'),
        row(`${FILES} headers, evicted from cache (wall)`, best(cold.ours, 'ms'), best(cold.peer, 'ms'), 'I/O bound case'),
        row(`${FILES} headers, CPU time (user + sys)`, best(warm.ours, 'cpuMs'), best(warm.peer, 'cpuMs'), 'scan only for ours; independent of machine load'),
        { name: 'throughput, warm cache', value: (FILES / best(warm.ours, 'ms')) * 1000, unit: 'files/s' },
        { name: 'peak RSS of the scanner process', value: Math.max(...[...warm.ours, ...cold.ours].map((r) => r.rssMb)), unit: 'MB', target: '< 100 MB' },
      ];
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};
export default bench;
