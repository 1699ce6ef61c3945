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
import { HEAD_BYTES, TAIL_BYTES, verifySqlFolders } from '@lyncdr/sql-backup';
import { guidOf, lsnOf, writeSyntheticBackup } from '@lyncdr/sql-backup/testing';
import type { Bench, BenchResult } from './types';

const FILES = 10_000;
const self = fileURLToPath(import.meta.url);

async function child(dir: string): Promise<void> {
  const t0 = performance.now();
  const r = await verifySqlFolders([dir]);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, files: r.files.length, other: r.otherFiles.length, databases: r.databases.length, maxRssKb: process.resourceUsage().maxRSS }));
}

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

function ours(dir: string): { ms: number; rssMb: number; files: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`scanner child failed: ${r.stderr}`);
  const o = JSON.parse(r.stdout) as { ms: number; files: number; other: number; maxRssKb: number };
  if (o.files !== FILES || o.other !== 0) throw new Error(`scanner read ${o.files} files (${o.other} unusable), expected ${FILES}`);
  return { ms: o.ms, rssMb: o.maxRssKb / 1024, files: o.files };
}

const bench: Bench = {
  id: 'sql-headers',
  description: `headers of ${FILES} backup files vs head/tail of the same byte ranges`,
  async run(): Promise<BenchResult[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lyncdr-bench-sql-'));
    try {
      await generate(dir);
      peer(dir);
      ours(dir);
      const peerMs = Math.min(peer(dir), peer(dir));
      const runs = [ours(dir), ours(dir)];
      const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
      const rss = Math.max(...runs.map((r) => r.rssMb));
      return [
        { name: `${FILES} headers read + chains checked`, value: best.ms, unit: 'ms', target: '≤ 3× peer', peer: { name: 'head -c + tail -c (xargs)', value: peerMs }, ratio: best.ms / peerMs, note: 'warm page cache' },
        { name: 'throughput', value: (FILES / best.ms) * 1000, unit: 'files/s' },
        { name: 'peak RSS of the scanner process', value: rss, unit: 'MB', target: '< 100 MB' },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;

if (process.argv[2] === '--child' && process.argv[3]) await child(process.argv[3]);
