/**
 * SQL Server backup headers as an admin reads them: `lyncdr verify sql <folder> --json` on 10,000 backup files
 * (synthetic, real header layout, sparse bodies of 256 KB–4 MB) — a whole process: start-up, folders listed, every
 * header read and parsed, restore chains checked, JSON printed — against `head -c`/`tail -c` of the same byte ranges
 * through one xargs batch each (the `cat` of what the reader reads). Interleaved, with a warm page cache and with
 * these files' pages dropped before every run (posix_fadvise DONTNEED; nothing else on the machine is touched).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HEAD_BYTES, TAIL_BYTES } from '@lyncdr/sql-backup';
import { guidOf, lsnOf, writeSyntheticBackup } from '@lyncdr/sql-backup/testing';
import { entryCmd, measurePair, type Run } from './whole-process';
import type { Bench, RowSpec } from './types';

const FILES = 10_000;

export async function generate(dir: string): Promise<void> {
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

const peerSide = { kind: 'process', entry: 'tool', label: 'head -c + tail -c (xargs)' } as const;
const ours = { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr verify sql --json' } as const;
const rows: RowSpec[] = [
  { id: 'verify-sql-warm', title: `\`lyncdr verify sql\` of ${FILES.toLocaleString('en')} backup files, warm cache`, subject: ours, peer: peerSide, target: { text: '≤ 3× peer, < 100 MB', ratioMax: 3, rssMaxMb: 100 } },
  { id: 'verify-sql-cold', title: `\`lyncdr verify sql\` of ${FILES.toLocaleString('en')} backup files, evicted from the page cache`, subject: ours, peer: peerSide, target: { text: '≤ 3× peer, < 100 MB', ratioMax: 3, rssMaxMb: 100 } },
];

function checkCount(r: Run): void {
  const j = JSON.parse(r.stdout) as { files: unknown[]; otherFiles: unknown[] };
  if (j.files.length !== FILES || j.otherFiles.length !== 0) throw new Error(`verify sql listed ${j.files.length} files (${j.otherFiles.length} unusable), expected ${FILES}`);
}

const bench: Bench = {
  id: 'sql-headers',
  description: `lyncdr verify sql of ${FILES} backup files vs head/tail of the same byte ranges`,
  rows,
  async run() {
    const root = await mkdtemp(path.join(tmpdir(), 'lyncdr-bench-sql-'));
    const dir = path.join(root, 'backups');
    try {
      await generate(dir);
      const cmd = entryCmd('lyncdr-cli', ['verify', 'sql', dir, '--json'], { okCodes: [0, 1] });
      const peer = { argv: ['sh', '-c', PEER, 'sh', dir] };
      return [
        measurePair(rows[0]!, cmd, peer, { checkOurs: checkCount }),
        measurePair(rows[1]!, cmd, peer, { checkOurs: checkCount, before: () => evict(dir) }),
      ];
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};
export default bench;
