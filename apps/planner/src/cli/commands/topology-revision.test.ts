import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../server/version';
import { createCliContext } from '../context';
import { runCli } from '../program';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const example = (f: string) => path.join(repo, 'examples', 'two-site', f);
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-revision-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const deployment = [example('topology.xml'), '--overlay', example('lyncdr.yaml')];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx = createCliContext({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: tmp, now: () => new Date('2026-01-01T00:00:00Z') });
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}
const fingerprintOf = async (...files: string[]): Promise<string> => JSON.parse((await run('topology', 'show', ...files, '--json')).stdout).fingerprint;
const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', path.join(tmp, file), '-'], { encoding: 'utf8' });
const keywords = (file: string) => /^Keywords:\s+(.*)$/m.exec(execFileSync('pdfinfo', [path.join(tmp, file)], { encoding: 'utf8' }))?.[1] ?? '';

describe('the revision block of the documents the CLI writes', () => {
  it('worksheet PDF: the fingerprint topology show prints, the version, and the SHA-256 in the metadata', async () => {
    const fp = await fingerprintOf(...deployment);
    const r = await run('worksheet', ...deployment, '--kind', 'database', '-o', 'db.pdf');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = pdftotext('db.pdf');
    const pages = text.split('\f').filter((p) => p.trim());
    for (const p of pages) expect(p).toContain(`topology ${fp.slice(0, 16)}`);
    expect(text).toMatch(/Revision/);
    expect(text).toContain(fp);
    expect(text).toMatch(new RegExp(`lyncdr version:?\\s+${VERSION.replace(/\./g, '\\.')}`));
    expect(keywords('db.pdf')).toMatch(/, lyncdr-sha256:[0-9a-f]{64}$/);
    // Same inputs, same clock: the same document, the same hash.
    await run('worksheet', ...deployment, '--kind', 'database', '-o', 'db2.pdf');
    expect(keywords('db2.pdf')).toBe(keywords('db.pdf'));
    expect(readFileSync(path.join(tmp, 'db2.pdf')).equals(readFileSync(path.join(tmp, 'db.pdf')))).toBe(true);
  });

  it('runbook and plan in Markdown carry the same fingerprint, whichever topology format they were made from', async () => {
    const fp = await fingerprintOf(...deployment);
    const rb = await run('runbook', 'backup', '--topology', example('topology.tbxml'), '--overlay', example('lyncdr.yaml'), '--format', 'md', '-o', 'backup.md');
    expect(rb.code).toBe(0);
    const md = readFileSync(path.join(tmp, 'backup.md'), 'utf8');
    expect(md).toContain(`- **Topology fingerprint:** \`${fp}\``);
    expect(md).toContain(`- **lyncdr version:** ${VERSION}`);
    const plan = await run('plan', 'failover', '--pool', 'pool01.contoso.example', '--topology', ...deployment, '--format', 'md', '-o', 'plan.md');
    expect(plan.stderr).toMatch(/^wrote /);
    expect(readFileSync(path.join(tmp, 'plan.md'), 'utf8')).toContain(`- **Topology fingerprint:** \`${fp}\``);
  });
});
