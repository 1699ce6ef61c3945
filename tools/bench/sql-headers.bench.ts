/**
 * Headers of 10,000 SQL Server backup files (synthetic, real header layout, sparse bodies of 256 KB–4 MB), read by
 * `lyncdr verify sql`'s scanner in a child process (time and peak RSS), side by side with `head -c`/`tail -c` of the
 * same byte ranges through one xargs batch each (the `cat` of what the reader reads). Warm page cache for both.
 */
import { spawnSync } from 'node:child_process';
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

function peer(dir: string): number {
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', `find "$1" -type f -print0 | xargs -0 head -q -c ${HEAD_BYTES} > /dev/null && find "$1" -type f -print0 | xargs -0 tail -q -c ${TAIL_BYTES} > /dev/null`, 'sh', dir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('peer (head/tail) failed');
  return performance.now() - t0;
}

/** The scanner as it ships: bundled to one JavaScript file by esbuild (apps are built that way), run by plain node. */
async function bundle(dir: string): Promise<string> {
  const outfile = path.join(dir, 'scanner.mjs');
  const contents = [
    "import { verifySqlFolders } from '@lyncdr/sql-backup';",
    'const t0 = performance.now();',
    'const r = await verifySqlFolders([process.argv[2]]);',
    'const ms = performance.now() - t0;',
    'process.stdout.write(JSON.stringify({ ms, files: r.files.length, other: r.otherFiles.length, maxRssKb: process.resourceUsage().maxRSS }));',
  ].join('\n');
  await build({ stdin: { contents, resolveDir: here, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

function ours(scanner: string, dir: string): { ms: number; rssMb: number; files: number } {
  const r = spawnSync(process.execPath, [scanner, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`scanner child failed: ${r.stderr}`);
  const o = JSON.parse(r.stdout) as { ms: number; files: number; other: number; maxRssKb: number };
  if (o.files !== FILES || o.other !== 0) throw new Error(`scanner read ${o.files} files (${o.other} unusable), expected ${FILES}`);
  return { ms: o.ms, rssMb: o.maxRssKb / 1024, files: o.files };
}

const bench: Bench = {
  id: 'sql-headers',
  description: `headers of ${FILES} backup files vs head/tail of the same byte ranges`,
  async run(): Promise<BenchResult[]> {
    const root = await mkdtemp(path.join(tmpdir(), 'lyncdr-bench-sql-'));
    const dir = path.join(root, 'backups');
    try {
      await generate(dir);
      const scanner = await bundle(root);
      // Warm the page cache, then alternate the tools so machine load hits both alike.
      peer(dir);
      ours(scanner, dir);
      const peerRuns: number[] = [];
      const runs: ReturnType<typeof ours>[] = [];
      for (let i = 0; i < 3; i++) {
        peerRuns.push(peer(dir));
        runs.push(ours(scanner, dir));
      }
      const peerMs = Math.min(...peerRuns);
      const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
      const rss = Math.max(...runs.map((r) => r.rssMb));
      return [
        { name: `${FILES} headers read + chains checked`, value: best.ms, unit: 'ms', target: '≤ 3× peer', peer: { name: 'head -c + tail -c (xargs)', value: peerMs }, ratio: best.ms / peerMs, note: 'warm page cache' },
        { name: 'throughput', value: (FILES / best.ms) * 1000, unit: 'files/s' },
        { name: 'peak RSS of the scanner process', value: rss, unit: 'MB', target: '< 100 MB' },
      ];
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};
export default bench;
