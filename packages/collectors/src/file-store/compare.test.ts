import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareTrees } from './compare';
import { fileStoreCollector } from './index';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) {
    try {
      chmodSync(path.join(d, 'src', 'locked'), 0o755);
    } catch {
      /* not created */
    }
    rmSync(d, { recursive: true, force: true });
  }
  dirs = [];
});

/** A source share and its copy with the layout of REFERENCE §f.1; returns both roots. */
function share(): { root: string; src: string; bak: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'lyncdr-fs-'));
  dirs.push(root);
  const src = path.join(root, 'src');
  const bak = path.join(root, 'bak');
  const files: Record<string, string> = {
    '1-WebServices-1/CollabContent/m1/slides.pptx': 'slides',
    '1-WebServices-1/CollabContent/m1/Meeting.Active': 'lock',
    '1-WebServices-1/CollabMetadata/m1/meta.xml': '<m/>',
    '1-WebServices-1/ABFiles/Company_Phone_Number_Normalization_Rules.txt': 'rules',
    '1-ApplicationServer-1/AppServerFiles/CPS/moh.wma': 'music',
    'co2-WebServices-1/DataConf/x.bin': 'xx',
  };
  const old = new Date('2026-01-01T00:00:00Z');
  for (const [rel, content] of Object.entries(files)) {
    for (const base of [src, bak]) {
      const f = path.join(base, rel);
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, content);
      utimesSync(f, old, old);
    }
  }
  return { root, src, bak };
}

describe('compareTrees (merge-join of two sorted walks)', () => {
  it('finds nothing when the copy matches, excluding Meeting.Active, and summarises per service folder', async () => {
    const { src, bak } = share();
    writeFileSync(path.join(src, '1-WebServices-1/CollabContent/m1/Meeting.Active'), 'changed lock, never compared');
    const r = await compareTrees(src, bak, { hash: 'all' });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.totals).toMatchObject({ sourceFiles: 5, backupFiles: 5, matched: 5, hashed: 5, excluded: 2 });
    expect(r.folders.map((f) => f.folder)).toEqual([
      '1-ApplicationServer-1/AppServerFiles',
      '1-WebServices-1/ABFiles',
      '1-WebServices-1/CollabContent',
      '1-WebServices-1/CollabMetadata',
      'co2-WebServices-1/DataConf',
    ]);
    expect(r.newestBackup).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reports missing, older, changed-size, changed-content and extra files by path', async () => {
    const { src, bak } = share();
    writeFileSync(path.join(src, '1-WebServices-1/CollabContent/m1/new.png'), 'new');
    writeFileSync(path.join(src, '1-WebServices-1/CollabMetadata/m1/meta.xml'), '<m a="1"/>');
    writeFileSync(path.join(bak, '1-WebServices-1/ABFiles/Company_Phone_Number_Normalization_Rules.txt'), 'RULES');
    const t = new Date('2026-01-01T00:00:00Z');
    utimesSync(path.join(bak, '1-WebServices-1/ABFiles/Company_Phone_Number_Normalization_Rules.txt'), t, t);
    writeFileSync(path.join(bak, '1-ApplicationServer-1/AppServerFiles/CPS/moh.wma'), 'MUSIC!');
    writeFileSync(path.join(bak, 'co2-WebServices-1/DataConf/stale.bin'), 'old');
    const r = await compareTrees(src, bak, { hash: 'all' });
    const by = Object.fromEntries(r.findings.map((f) => [f.code, f.path]));
    expect(by.FS_MISSING).toBe(path.join(src, '1-WebServices-1/CollabContent/m1/new.png'));
    expect(by.FS_OLDER).toBe(path.join(bak, '1-WebServices-1/CollabMetadata/m1/meta.xml'));
    expect(by.FS_CONTENT_DIFFERS).toBe(path.join(bak, '1-WebServices-1/ABFiles/Company_Phone_Number_Normalization_Rules.txt'));
    expect(by.FS_SIZE_DIFFERS).toBe(path.join(bak, '1-ApplicationServer-1/AppServerFiles/CPS/moh.wma'));
    expect(r.findings.find((f) => f.code === 'FS_EXTRA')).toMatchObject({ severity: 'info', path: path.join(bak, 'co2-WebServices-1/DataConf/stale.bin') });
    expect(r.ok).toBe(false);
    expect(r.totals).toMatchObject({ missing: 1, older: 1, changed: 2, extra: 1 });
    expect(r.folders.find((f) => f.folder === '1-WebServices-1/CollabContent')).toMatchObject({ missing: 1, sourceFiles: 2, backupFiles: 1 });
  });

  it('worker threads (walks, hashing) and the calling thread give the same result', async () => {
    const { src, bak } = share();
    rmSync(path.join(bak, '1-WebServices-1/CollabMetadata'), { recursive: true });
    writeFileSync(path.join(bak, 'co2-WebServices-1/DataConf/extra.bin'), 'e');
    symlinkSync('..', path.join(src, '1-WebServices-1', 'loop'));
    const a = await compareTrees(src, bak, { hash: 'all', parallel: true, hashWorkers: 2 });
    const b = await compareTrees(src, bak, { hash: 'all', parallel: false, hashWorkers: 0 });
    expect(a.totals).toEqual(b.totals);
    expect(a.folders).toEqual(b.folders);
    expect(a.findings.map((f) => [f.code, f.path])).toEqual(b.findings.map((f) => [f.code, f.path]));
    expect(a.findings.map((f) => f.code)).toEqual(['FS_SYMLINK', 'FS_FOLDER_MISSING', 'FS_MISSING', 'FS_EXTRA']);
  });

  it('a missing service folder in the backup names the folder and every file', async () => {
    const { src, bak } = share();
    rmSync(path.join(bak, '1-ApplicationServer-1'), { recursive: true });
    const r = await compareTrees(src, bak);
    expect(r.findings.map((f) => f.code)).toEqual(['FS_FOLDER_MISSING', 'FS_FOLDER_MISSING', 'FS_MISSING']);
    expect(r.findings[2]!.path).toBe(path.join(src, '1-ApplicationServer-1/AppServerFiles/CPS/moh.wma'));
  });

  it('survives a symlink loop, a name that is not UTF-8 and an unreadable folder', async () => {
    const { src, bak } = share();
    symlinkSync('..', path.join(src, '1-WebServices-1', 'loop'));
    const badName = Buffer.concat([Buffer.from(path.join(src, '1-WebServices-1', 'DataConf')), Buffer.from('/caf\xe9.bin', 'latin1')]);
    mkdirSync(path.join(src, '1-WebServices-1', 'DataConf'));
    writeFileSync(badName, 'x');
    const locked = path.join(src, 'locked');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'secret.txt'), 's');
    chmodSync(locked, 0o000);
    const r = await compareTrees(src, bak);
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain('FS_SYMLINK');
    expect(codes).toContain('FS_NAME_NOT_UTF8');
    expect(r.findings.find((f) => f.code === 'FS_MISSING' && f.path?.includes('caf'))?.path).toMatch(/caf\\xe9\.bin$/);
    if (process.getuid?.() !== 0) expect(codes).toContain('FS_UNREADABLE');
  });

  it('a tree that differs only by symbolic links is ok: warnings are listed but do not fail the check', async () => {
    const { src, bak } = share();
    symlinkSync('1-WebServices-1', path.join(src, 'link-to-web'));
    symlinkSync('1-WebServices-1', path.join(bak, 'link-to-web'));
    const r = await compareTrees(src, bak);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['FS_SYMLINK', 'warning'], ['FS_SYMLINK', 'warning']]);
    expect(r.ok).toBe(true);
  });

  it('a source root that does not exist is a finding, not a crash', async () => {
    const { root, bak } = share();
    const r = await compareTrees(path.join(root, 'nope'), bak);
    expect(r.findings[0]!.code).toBe('FS_ROOT_UNREADABLE');
    expect(r.ok).toBe(false);
  });

  it('the collector validates its config and reports one observation per share', async () => {
    const { src, bak } = share();
    const ctx = { now: () => new Date(), bridge: { run: async () => null } };
    await expect(fileStoreCollector.run({ pairs: [] }, ctx)).rejects.toThrow(/collectors\.file-store\.pairs/);
    const run = await fileStoreCollector.run({ source: src, backup: bak, subject: '\\\\fs1.contoso.test\\lyncshare', schedule: '0 * * * *' }, ctx);
    expect(run.observations[0]).toMatchObject({ kind: 'file-store', subject: '\\\\fs1.contoso.test\\lyncshare', ok: true, lastGood: '2026-01-01T00:00:00.000Z' });
  });
});
