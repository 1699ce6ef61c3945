import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ByteSource } from './byte-source';
import { SqlFindingCode } from './errors';
import { openFileSource } from './node-source';
import { HEAD_BYTES, MAX_TAIL_BYTES, readBackupHeader, TAIL_BYTES } from './read-header';
import { findBackupFiles, scanFile, scanFiles } from './scan';
import { databaseHistory, guidOf, lsnOf, writeSyntheticBackup, type SyntheticBackup } from './testing/synthetic-backup';
import { verifySqlFolders } from './verify';

let dir: string;
const one: SyntheticBackup = { database: 'LcsLog', server: 'SQLBE01\\RTC', type: 'D', firstLsn: lsnOf(40, 10, 37), lastLsn: lsnOf(40, 20), start: '2024-03-04T01:00:00', finish: '2024-03-04T01:04:00', backupSetGuid: guidOf(1) };

/** Wraps a source and records every read, to prove the reader stays within its bounds. */
function counting(src: ByteSource) {
  const reads: [number, number][] = [];
  return { reads, src: { ...src, read: (o: number, n: number) => (reads.push([o, n]), src.read(o, n)) } satisfies ByteSource };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lyncdr-sql-scan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readBackupHeader on real files', () => {
  it('reads a 20 GB sparse backup with two bounded reads (head and tail), never the body', async () => {
    const file = path.join(dir, 'huge.bak');
    await writeSyntheticBackup(file, { ...one, size: 20 * 1024 ** 3 });
    const c = counting(await openFileSource(file));
    const started = performance.now();
    const r = await readBackupHeader(c.src);
    await c.src.close();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.header).toMatchObject({ database: 'LcsLog', complete: true, finish: '2024-03-04T01:04:00Z' });
    expect(c.reads).toEqual([[0, HEAD_BYTES], [20 * 1024 ** 3 - TAIL_BYTES, TAIL_BYTES]]);
    expect(r.bytesRead).toBe(HEAD_BYTES + TAIL_BYTES);
  });

  it('a file cut half way (copy stopped) reads as incomplete, with bounded reads', async () => {
    const file = path.join(dir, 'cut.bak');
    await writeSyntheticBackup(file, { ...one, size: 4 * 1024 * 1024 }, { truncateTo: 2 * 1024 * 1024 });
    const c = counting(await openFileSource(file));
    const r = await readBackupHeader(c.src);
    await c.src.close();
    expect(r.header.complete).toBe(false);
    expect(Math.max(...c.reads.map(([, n]) => n))).toBeLessThanOrEqual(MAX_TAIL_BYTES);
  });
});

describe('scanning folders', () => {
  let root: string;
  beforeAll(async () => {
    root = path.join(dir, 'share');
    // Ola Hallengren's layout: Server/Database/FULL|DIFF|LOG/Server_Database_TYPE_yyyyMMdd_HHmmss.ext
    const specs = databaseHistory({ database: 'LcsCDR', server: 'SQLBE01\\RTC', days: 2, logMinutes: 120 });
    const folder = { D: 'FULL', I: 'DIFF', L: 'LOG' } as Record<string, string>;
    for (const s of specs) {
      const sub = path.join(root, 'SQLBE01$RTC', 'LcsCDR', folder[s.type]!);
      await mkdir(sub, { recursive: true });
      const stamp = s.start.replace(/[-:]/g, '').replace('T', '_');
      await writeSyntheticBackup(path.join(sub, `SQLBE01$RTC_LcsCDR_${folder[s.type]}_${stamp}.${s.type === 'L' ? 'trn' : 'bak'}`), s);
    }
    const odd = path.join(root, 'odd');
    await mkdir(odd, { recursive: true });
    // A valid full without an extension, and a log misleadingly named FULL: headers win over names.
    await writeSyntheticBackup(path.join(odd, 'Noextension'), { ...one, database: 'rtcxds' });
    await writeSyntheticBackup(path.join(odd, 'rtcab_FULL_20240101.bak'), { ...one, database: 'rtcab', type: 'L', backupSetGuid: guidOf(2) });
    await writeFile(path.join(odd, 'random.bak'), Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24));
    await writeFile(path.join(odd, 'tiny.trn'), 'TAPE');
    await writeFile(path.join(odd, 'notes.txt'), 'not a backup, not looked at');
    await symlink(path.join(odd, 'gone.bak'), path.join(odd, 'dangling.bak'));
    // A named pipe called .bak: opening it for reading would wait forever for a writer.
    execFileSync('mkfifo', [path.join(odd, 'pipe.bak')]);
    await writeSyntheticBackup(path.join(odd, 'absurd.bak'), { ...one, database: 'mgc' }, { mutate: (h) => new DataView(h.buffer).setUint32(0xe4e + 4, 0xfffffff0, true) });
    const sparse = path.join(odd, 'empty-but-huge.bak');
    await writeFile(sparse, '');
    await truncate(sparse, 8 * 1024 ** 3);
  });

  it('finds .bak/.trn recursively and extension-less files by their TAPE magic, and skips the rest', async () => {
    const { files } = await findBackupFiles([root], dir);
    const names = files.map((f) => path.relative(root, f));
    expect(names).toContain(path.join('odd', 'Noextension'));
    expect(names).not.toContain(path.join('odd', 'notes.txt'));
    expect(names.filter((n) => n.startsWith('SQLBE01$RTC'))).toHaveLength(databaseHistory({ database: 'x', server: 'y', days: 2, logMinutes: 120 }).length);
  });

  it('gives one finding per bad file and goes on with the others', async () => {
    const r = await verifySqlFolders([root], { cwd: dir });
    const byName = Object.fromEntries(r.otherFiles.map((f) => [path.basename(f.path), f.findings[0]!.code]));
    expect(byName).toEqual({
      'absurd.bak': SqlFindingCode.corrupt,
      'dangling.bak': SqlFindingCode.unreadable,
      'empty-but-huge.bak': SqlFindingCode.notBackup,
      'pipe.bak': SqlFindingCode.unreadable,
      'random.bak': SqlFindingCode.notBackup,
      'tiny.trn': SqlFindingCode.truncated,
    });
    const cdr = r.databases.find((d) => d.name === 'LcsCDR')!;
    expect(cdr).toMatchObject({ server: 'SQLBE01\\RTC', chainOk: true, findings: [] });
    expect(r.databases.find((d) => d.name === 'rtcxds')!.chainOk).toBe(true);
    const misnamed = r.files.find((f) => f.path.endsWith('rtcab_FULL_20240101.bak'))!;
    expect(misnamed.type).toBe('log');
    expect(r.databases.find((d) => d.name === 'rtcab')!.findings.map((f) => f.code)).toEqual([SqlFindingCode.noFull]);
  });

  it('the asynchronous source, several files at a time, reads the same as the synchronous default', async () => {
    const { files } = await findBackupFiles([root], dir);
    const progress: number[] = [];
    const a = await scanFiles(files, { openSource: openFileSource, concurrency: 4, onProgress: (d) => progress.push(d) });
    const b = await scanFiles(files);
    expect(a).toEqual(b);
    expect(progress).toHaveLength(files.length);
    expect(progress.at(-1)).toBe(files.length);
  });

  it('walks depth first in code-point name order: a folder comes where its name sorts among the files', async () => {
    const tree = path.join(dir, 'order');
    for (const rel of ['b.bak', 'B.bak', 'a/z.trn', 'a/A.trn', 'a.bak', 'c/d/e.bak', 'c.bak', 'ab.trn']) {
      await mkdir(path.dirname(path.join(tree, rel)), { recursive: true });
      await writeFile(path.join(tree, rel), '');
    }
    const { files } = await findBackupFiles([tree], dir);
    expect(files.map((f) => path.relative(tree, f).split(path.sep).join('/'))).toEqual(['B.bak', 'a/A.trn', 'a/z.trn', 'a.bak', 'ab.trn', 'b.bak', 'c/d/e.bak', 'c.bak']);
  });

  it('a missing folder is bad input (E_INPUT), not a finding', async () => {
    await expect(verifySqlFolders([path.join(dir, 'nope')], { cwd: dir })).rejects.toMatchObject({ code: 'E_INPUT', exitCode: 2 });
  });

  it('a read failure in the middle of a file becomes a finding', async () => {
    const file = path.join(dir, 'flaky.bak');
    await writeSyntheticBackup(file, one);
    const failing = async (p: string): Promise<ByteSource> => {
      const real = await openFileSource(p);
      return { ...real, read: async () => Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })) };
    };
    const r = await scanFile(file, failing);
    expect(r.header).toBeNull();
    expect(r.error).toMatchObject({ code: SqlFindingCode.unreadable });
    expect(r.error!.message).toMatch(/EIO/);
  });
});
