/**
 * `lyncdr runbook` as a real child process: a PDF written for the two-site example and read back with pdftotext,
 * `--list --json` parsed as one JSON document, and a bad procedure name that exits 2 with one error line and no
 * stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPoppler) console.warn('runbook-cli: pdftotext is not installed; the PDF read-back test is skipped');

function lyncdr(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/planner/src/cli/main.ts'), ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('lyncdr runbook (child process)', () => {
  it.skipIf(!hasPoppler)('writes the Letter-size French backup-service runbook as a PDF', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'lyncdr-runbook-cli-')), 'backup-service.pdf');
    const r = lyncdr(['runbook', 'backup-service', '--topology', 'examples/two-site/topology.xml', '--overlay', 'examples/two-site/lyncdr.yaml', '--lang', 'fr', '--paper', 'letter', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Configurer et surveiller le service de sauvegarde');
    expect(text).toContain('Get-CsBackupServiceStatus -PoolFqdn pool01.contoso.example');
    expect(text).toContain('Get-CsBackupServiceStatus -PoolFqdn pool02.contoso.example');
  });

  it('prints exactly one JSON document for --list --json', () => {
    const r = lyncdr(['runbook', '--list', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { runbooks: { id: string }[] };
    expect(json.runbooks.map((x) => x.id)).toContain('restore-file-store');
  });

  it('exits 2 on an unknown procedure with one error line, no stack trace, no file', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'lyncdr-runbook-cli-')), 'x.pdf');
    const r = lyncdr(['runbook', 'pool-failovr', '--topology', 'examples/two-site/topology.xml', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^lyncdr: E_RUNBOOK_UNKNOWN: .*unknown procedure "pool-failovr"; valid procedures: .*pool-failover/);
    expect(existsSync(out)).toBe(false);
  });
});
