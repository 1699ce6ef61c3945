import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../context';
import { runCli } from '../program';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-verify-fs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const ctx = createCliContext({ stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-22T10:00:00Z') });
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

function tree(name: string): { src: string; bak: string } {
  const src = path.join(dir, name, 'share');
  const bak = path.join(dir, name, 'copy');
  for (const rel of ['1-WebServices-1/CollabContent/a/x.pptx', '1-WebServices-1/ABFiles/book.lsabs', '1-ApplicationServer-1/AppServerFiles/RGS/AS/welcome.wav']) {
    mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    writeFileSync(path.join(src, rel), rel);
  }
  cpSync(src, bak, { recursive: true, preserveTimestamps: true });
  return { src, bak };
}

describe('lyncdr verify filestore', () => {
  it('exit 0 and ok:true when the copy matches', async () => {
    const { src, bak } = tree('same');
    const r = await run(['verify', 'filestore', src, bak, '--json', '--hash', 'all']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ ok: true, findings: [], totals: { sourceFiles: 3, hashed: 3 } });
  });

  it('exit 0 when a tree holds only symbolic links besides matching files: warnings are printed, not failed', async () => {
    const src = path.join(dir, 'links', 'share');
    const bak = path.join(dir, 'links', 'copy');
    for (const d of [src, bak]) {
      mkdirSync(d, { recursive: true });
      symlinkSync('/etc', path.join(d, 'etc-link'));
    }
    const r = await run(['verify', 'filestore', src, bak, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { ok: boolean; findings: { code: string; severity: string }[] };
    expect(d.ok).toBe(true);
    expect(d.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    const human = await run(['verify', 'filestore', src, bak]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^OK: [\s\S]*FS_SYMLINK/);
  });

  it('exit 1 naming every missing and damaged file in findings[].path', async () => {
    const { src, bak } = tree('diff');
    rmSync(path.join(bak, '1-WebServices-1/ABFiles/book.lsabs'));
    rmSync(path.join(bak, '1-ApplicationServer-1'), { recursive: true });
    writeFileSync(path.join(bak, '1-WebServices-1/CollabContent/a/x.pptx'), 'truncated');
    const r = await run(['verify', 'filestore', src, bak, '--json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out) as { ok: boolean; findings: { code: string; path: string }[] };
    expect(d.ok).toBe(false);
    const paths = d.findings.filter((f) => f.code !== 'FS_FOLDER_MISSING').map((f) => f.path);
    expect(paths).toEqual([
      path.join(src, '1-ApplicationServer-1/AppServerFiles/RGS/AS/welcome.wav'),
      path.join(src, '1-WebServices-1/ABFiles/book.lsabs'),
      path.join(bak, '1-WebServices-1/CollabContent/a/x.pptx'),
    ]);
    const human = await run(['verify', 'filestore', src, bak]);
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/FS_MISSING: 1-WebServices-1\/ABFiles\/book\.lsabs/);
    expect(human.out).toMatch(/1-WebServices-1\/CollabContent/);
  });

  it('exit 2 with a clear message for a folder that does not exist or bad options', async () => {
    const { src } = tree('bad');
    const r = await run(['verify', 'filestore', src, 'no-such-copy', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/E_INPUT: no-such-copy: backup folder no-such-copy cannot be read \(ENOENT\)/);
    expect((await run(['verify', 'filestore', src, src, '--hash', 'some'])).code).toBe(2);
  });

  it('--help works', async () => {
    const r = await run(['verify', 'filestore', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Meeting\.Active/);
    // The --exclude default is printed once (not again as commander's `(default: [...])`).
    expect(r.out.match(/Meeting\.Active/g)).toHaveLength(1);
    expect(r.out).not.toMatch(/default: \[/);
  });

  it('--exclude replaces the default: Meeting.Active is compared once another name is given', async () => {
    const { src, bak } = tree('exclude');
    writeFileSync(path.join(src, '1-WebServices-1', 'Meeting.Active'), 'locked');
    writeFileSync(path.join(src, '1-WebServices-1', 'skip.tmp'), 'tmp');
    expect((await run(['verify', 'filestore', src, bak, '--exclude', 'skip.tmp'])).code).toBe(1);
    expect((await run(['verify', 'filestore', src, bak, '--exclude', 'skip.tmp', 'Meeting.Active'])).code).toBe(0);
    const byDefault = await run(['verify', 'filestore', src, bak, '--json']);
    expect(JSON.parse(byDefault.out).findings.map((f: { path: string }) => path.basename(f.path))).toEqual(['skip.tmp']);
  });

  it('progress on a terminal stderr only, cleared before the report; statuses coloured only when allowed', async () => {
    const { src, bak } = tree('tty');
    let out = '';
    let err = '';
    const ctx = createCliContext({ stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, stderrIsTty: true, color: true });
    expect(await runCli(['verify', 'filestore', src, bak], ctx)).toBe(0);
    expect(err.startsWith('\r\x1b[2Klyncdr verify filestore: walking ')).toBe(true);
    expect(err).toMatch(/compared \d+ entries/);
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    expect(out.startsWith('\x1b[32mOK\x1b[39m: ')).toBe(true);
    const plain = await run(['verify', 'filestore', src, bak]);
    expect(plain.err).toBe('');
    expect(plain.out).toMatch(/^OK: /);
  });

  it('runs as a real child process with --json on stdout only', () => {
    const { src, bak } = tree('child');
    rmSync(path.join(bak, '1-WebServices-1/ABFiles/book.lsabs'));
    const p = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/planner/src/cli/main.ts'), 'verify', 'filestore', src, bak, '--json'], { cwd: repo, encoding: 'utf8' });
    expect(p.status).toBe(1);
    const d = JSON.parse(p.stdout) as { findings: { path: string }[] };
    expect(d.findings.map((f) => f.path)).toEqual([path.join(src, '1-WebServices-1/ABFiles/book.lsabs')]);
  });
});
