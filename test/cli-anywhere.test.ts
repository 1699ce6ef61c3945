import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callerCwd, createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { repoRoot } from './planner-helpers';

/*
 * Paths on the command line are the caller's: read and written relative to the folder the command runs in, never the
 * repository's. `-o -`, and no -o with --format md|html, print the document on stdout.
 */
const exampleDir = path.join(repoRoot, 'examples/two-site');
const work = mkdtempSync(path.join(tmpdir(), 'lyncdr-anywhere-'));
for (const f of ['topology.xml', 'lyncdr.yaml']) cpSync(path.join(exampleDir, f), path.join(work, f));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(argv: string[], cwd: string) {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const ctx = createCliContext({ stdout: (t) => void out.push(t), stderr: (t) => void (err += t), cwd, now: () => new Date('2026-11-22T20:00:00Z') });
  const code = await runCli(argv, ctx);
  const bytes = Buffer.concat(out.map((t) => (typeof t === 'string' ? Buffer.from(t) : Buffer.from(t))));
  return { code, out: bytes.toString('utf8'), bytes, err };
}

describe('lyncdr resolves paths against the caller\u2019s folder', () => {
  it('cd examples/two-site && lyncdr topology show topology.xml', async () => {
    const r = await run(['topology', 'show', 'topology.xml', '--overlay', 'lyncdr.yaml', '--json'], exampleDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).pools.length).toBeGreaterThan(0);
    // The same names from the repository root are not found: they are not resolved there behind the caller's back.
    const fromRoot = await run(['topology', 'show', 'topology.xml'], repoRoot);
    expect(fromRoot.code).toBe(2);
    expect(fromRoot.err).toMatch(/E_INPUT: .*topology\.xml/);
  });

  it('-o writes into the caller\u2019s folder and says where', async () => {
    const r = await run(['worksheet', 'topology.xml', '--overlay', 'lyncdr.yaml', '--kind', 'database', '-o', 'ws.md'], work);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${path.join(work, 'ws.md')} (database, en, md)\n`);
    expect(readFileSync(path.join(work, 'ws.md'), 'utf8')).toMatch(/^# /m);
    expect(existsSync(path.join(repoRoot, 'ws.md'))).toBe(false);
  });

  it('-o - prints the document on stdout (Markdown unless --format says otherwise), and nothing else', async () => {
    const md = await run(['worksheet', 'topology.xml', '--overlay', 'lyncdr.yaml', '--kind', 'database', '-o', '-'], work);
    expect(md.code).toBe(0);
    expect(md.err).toBe('');
    expect(md.out).toMatch(/^# /m);
    expect(md.out).not.toMatch(/^wrote /m);
    const pdf = await run(['worksheet', 'topology.xml', '--kind', 'database', '-o', '-', '--format', 'pdf'], work);
    expect(pdf.code).toBe(0);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const runbook = await run(['runbook', 'backup', '--topology', 'topology.xml', '--overlay', 'lyncdr.yaml', '-o', '-'], work);
    expect(runbook.code).toBe(0);
    expect(runbook.out).toMatch(/^# /m);
    expect(existsSync(path.join(work, '-'))).toBe(false);
  });

  it('no -o with --format md or html prints on stdout; a PDF without -o, or --json with a document on stdout, is a usage error', async () => {
    const html = await run(['worksheet', 'topology.xml', '--kind', 'database', '--format', 'html'], work);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!DOCTYPE html>/i);
    const plan = await run(['plan', 'failover', '--pool', 'pool01.contoso.example', '--down', 'pool01.contoso.example', '--topology', 'topology.xml', '--overlay', 'lyncdr.yaml', '--format', 'md'], work);
    expect(plan.code).toBe(0);
    expect(plan.out).toMatch(/^# /m);
    const pdf = await run(['worksheet', 'topology.xml', '--format', 'pdf'], work);
    expect(pdf.code).toBe(2);
    expect(pdf.err).toMatch(/E_USAGE: a PDF is not printed on the terminal: add -o <file>/);
    const none = await run(['worksheet', 'topology.xml'], work);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/E_USAGE: missing -o <out>: .*-o - \(Markdown\) or --format md\|html/);
    const both = await run(['runbook', 'backup', '--topology', 'topology.xml', '-o', '-', '--json'], work);
    expect(both.code).toBe(2);
    expect(both.out).toBe('');
  });

  it('pnpm -s lyncdr typed in a subfolder of the repository reads from that subfolder (pnpm runs it from the root)', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // pnpm keeps an INIT_CWD it inherits (from the `pnpm test` around this test); a person's shell has none.
    delete env.INIT_CWD;
    delete env.NODE_EXTRA_CA_CERTS;
    const r = spawnSync('pnpm', ['-s', 'lyncdr', 'topology', 'show', 'topology.xml', '--overlay', 'lyncdr.yaml', '--json'], { cwd: exampleDir, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).pools.length).toBeGreaterThan(0);
  }, 150_000);

  it('INIT_CWD counts only for the repository’s own `lyncdr` script, not for lyncdr run from any other script', () => {
    const script = { npm_lifecycle_event: 'lyncdr', npm_package_name: 'lyncdr', INIT_CWD: '/typed/here' };
    expect(callerCwd(script, '/repo')).toBe('/typed/here');
    expect(callerCwd({ ...script, npm_lifecycle_event: 'check-backups' }, '/repo/sub')).toBe('/repo/sub');
    expect(callerCwd({ ...script, npm_package_name: 'their-tools' }, '/repo/sub')).toBe('/repo/sub');
    expect(callerCwd({}, '/here')).toBe('/here');
  });
});
