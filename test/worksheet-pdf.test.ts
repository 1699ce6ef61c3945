/**
 * `lyncdr worksheet` as a real child process on the bundled examples: the PDF is read back with pdftotext
 * (FQDNs, database names, cmdlets, French strings, "page x of y" against the real page count) and page 1 is rendered
 * with pdftoppm to check it is not blank. The Markdown of the two-site database worksheet is a snapshot.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ex = (...p: string[]) => path.join(repo, 'examples', ...p);
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPoppler) console.warn('worksheet-pdf: pdftotext is not installed; the PDF read-back tests are skipped');

function lyncdr(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/planner/src/cli/main.ts'), ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
/** One line per table cell fragment joined: undo the renderer's wrapping of long tokens across lines. */
const flat = (t: string) => t.replace(/\s+/g, ' ');

describe.skipIf(!hasPoppler)('lyncdr worksheet → PDF (child process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-ws-pdf-'));

  it('prints all four English worksheets for the two-site example with its servers, databases and cmdlets', () => {
    const out = path.join(dir, 'two-site.pdf');
    const r = lyncdr(['worksheet', ex('two-site', 'topology.xml'), '--overlay', ex('two-site', 'lyncdr.yaml'), '--paper', 'letter', '-o', out]);
    expect(r.err, r.err).not.toMatch(/lyncdr: E_/);
    expect(r.code, r.err).toBe(0);
    const text = pdfText(out);
    const n = pages(out);
    expect(n).toBeGreaterThan(4);
    expect(text).toContain(`page 1 of ${n}`);
    expect(text).toContain(`page ${n} of ${n}`);
    for (const s of [
      'Database Backup and Restoration Worksheet',
      'File Store Backup and Restoration Worksheet',
      'Settings Backup and Restoration Worksheet',
      'Restoration Worksheet',
      'Contoso (Paris + Lyon)',
      'LcsLog',
      'QoEMetrics',
      'Rtcdyn',
      'rgsdyn',
      'Meeting.Active',
      'TBD — owner',
      'Prepared by',
      'Approved by',
    ]) expect(text, s).toContain(s);
    const f = flat(text);
    for (const s of ['pool01.contoso.example', 'pool02.contoso.example', 'sql01.contoso.example', 'sqlmon01.contoso.example', 'fs02.contoso.example', 'Export-CsUserData', 'Export-CsRgsConfiguration', 'Import-CsUserData', 'Install-CsDatabase', 'Enable-CsTopology'])
      expect(f, s).toContain(s);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
  });

  it('prints the French restoration worksheet with Microsoft’s terms', () => {
    const out = path.join(dir, 'restore-fr.pdf');
    const r = lyncdr(['worksheet', ex('two-site', 'topology.xml'), '--overlay', ex('two-site', 'lyncdr.yaml'), '--kind', 'restore', '--lang', 'fr', '-o', out]);
    expect(r.code).toBe(0);
    const text = pdfText(out);
    const f = flat(text);
    expect(text).toContain('Feuille de travail de restauration');
    expect(f).toContain('magasin central de gestion');
    expect(f).toContain('basculement');
    expect(f).toContain('Générateur de topologie');
    expect(f).toContain('À compléter — responsable');
    expect(f).toContain('Objectif de délai de');
    expect(f).toContain('récupération (RTO)');
    expect(f).toContain('Import-CsConfiguration');
    const n = pages(out);
    expect(text.toLowerCase()).toContain(`page 1 sur ${n}`);
    expect(text.toLowerCase()).toContain(`page ${n} sur ${n}`);
    expect(f).toContain('Un serveur membre du pool de serveurs frontaux pool02.contoso.example');
  });

  it('prints a Standard Edition worksheet whose page 1 is not blank', () => {
    const out = path.join(dir, 'se.pdf');
    const r = lyncdr(['worksheet', ex('standard-edition', 'topology.tbxml'), '--overlay', ex('standard-edition', 'lyncdr.yaml'), '--kind', 'database', '-o', out]);
    expect(r.code).toBe(0);
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', out, path.join(dir, 'se-page')]);
    const pgm = readdirSync(dir).find((x) => x.startsWith('se-page'))!;
    const bytes = readFileSync(path.join(dir, pgm));
    const pixels = bytes.subarray(bytes.length - 200_000 > 0 ? bytes.length - 200_000 : 0);
    const dark = pixels.filter((b) => b < 128).length;
    expect(dark).toBeGreaterThan(500);
    expect(flat(pdfText(out))).toContain('Export-CsUserData -PoolFqdn');
  });

  it('fails with exit 2 and writes nothing on bad input', () => {
    const out = path.join(dir, 'bad.pdf');
    const r = lyncdr(['worksheet', ex('two-site', 'topology.xml'), '--kind', 'nope', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lyncdr: E_USAGE: /);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).filter((x) => x.startsWith('bad') || x.startsWith('.bad'))).toEqual([]);
  });
});

describe('lyncdr worksheet → Markdown snapshot', () => {
  it('renders the two-site database worksheet to the same Markdown', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-ws-md-'));
    const out = path.join(dir, 'db.md');
    const r = lyncdr(['worksheet', 'examples/two-site/topology.xml', '--overlay', 'examples/two-site/lyncdr.yaml', '--kind', 'database', '-o', out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time>')
      .replace(/[0-9a-f]{64}/g, '<fingerprint>')
      .replace(/[0-9a-f]{16}/g, '<fingerprint16>')
      .replace(/[0-9a-f]{12}/g, '<rev>')
      .replace(/(lyncdr version:\*\* ).+/, '$1<version>');
    expect(md).toMatchSnapshot();
  });
});
