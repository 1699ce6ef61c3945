import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, run } from '../../testing/run-cli';

const topo = example('two-site', 'topology.xml');
const overlay = example('two-site', 'lyncdr.yaml');
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'lyncdr-runbook-'));

describe('lyncdr runbook --list', () => {
  it('lists every procedure id with its title', async () => {
    const r = await run(['runbook', '--list']);
    expect(r.code).toBe(0);
    for (const id of ['backup-service', 'backup', 'restore-cms', 'restore-response-group']) expect(r.out).toMatch(new RegExp(`^${id}\\s+\\S`, 'm'));
    expect(r.err).toBe('');
  });

  it('prints one JSON document with --json, saying which procedures apply to a topology', async () => {
    const r = await run(['runbook', '--list', '--json', '--topology', topo, '--overlay', overlay]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { runbooks: { id: string; title: { en: string; fr: string }; applies: string | null }[] };
    const byId = new Map(json.runbooks.map((x) => [x.id, x]));
    expect(byId.get('backup')?.applies).toBeNull();
    expect(byId.get('restore-standard-edition')?.applies).toMatch(/no Standard Edition server/);
    expect(byId.get('restore-cms')?.title.fr).toBe('Restauration du serveur hébergeant le magasin central de gestion');
  });

  it('has --help', async () => {
    const r = await run(['runbook', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--pool <fqdn...>');
    expect(r.out).toContain('Procedures: backup-service, backup,');
  });
});

describe('lyncdr runbook <procedure>', () => {
  it('writes the Markdown runbook filled with the deployment, in French from --lang', async () => {
    const dir = tmp();
    const out = path.join(dir, 'restore-cms.md');
    const r = await run(['runbook', 'restore-cms', '--topology', topo, '--overlay', overlay, '--lang', 'fr', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out} (restore-cms, fr, md)`);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# Restauration du serveur hébergeant le magasin central de gestion');
    expect(md).toContain('Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn sql01.contoso.example -SqlInstanceName rtc -Verbose');
    expect(md).toMatch(/rév\. [0-9a-f]{12}/);
  });

  it('limits the runbook to the pools named with --pool (repeated or comma-separated) and reports in JSON', async () => {
    const dir = tmp();
    const out = path.join(dir, 'backup.html');
    const r = await run(['runbook', 'backup', '--topology', topo, '--overlay', overlay, '--pool', 'pool02.contoso.example', '--json', '-o', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ procedure: 'backup', lang: 'en', format: 'html', pools: ['pool02.contoso.example'], output: out });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Export-CsUserData -PoolFqdn pool02.contoso.example');
    expect(html).not.toContain('Export-CsUserData -PoolFqdn pool01.contoso.example');
  });

  it('refuses an unknown procedure, listing the valid ids (exit 2)', async () => {
    const r = await run(['runbook', 'restore-everything', '--topology', topo, '-o', path.join(tmp(), 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_RUNBOOK_UNKNOWN: .*unknown procedure "restore-everything"; valid procedures: backup-service, backup, restore-standard-edition/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a pool that is not in the topology, naming the pools (exit 2)', async () => {
    const dir = tmp();
    const r = await run(['runbook', 'backup', '--topology', topo, '--pool', 'pool99.contoso.example', '-o', path.join(dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_RUNBOOK_POOL: .*--pool pool99\.contoso\.example: no such pool .*pools are: .*pool01\.contoso\.example/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a procedure that does not apply, saying why (exit 2)', async () => {
    const dir = tmp();
    const r = await run(['runbook', 'restore-standard-edition', '--topology', topo, '-o', path.join(dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_RUNBOOK_APPLIES: .*runbook restore-standard-edition does not apply to .*topology\.xml: this deployment has no Standard Edition server/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unwritable output path and leaves no file behind (exit 2)', async () => {
    const dir = tmp();
    const r = await run(['runbook', 'backup', '--topology', topo, '-o', path.join(dir, 'missing-folder', 'backup.md')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_OUTPUT: cannot write .*backup\.md/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses characters the PDF fonts cannot draw, naming them (exit 2, no file)', async () => {
    const dir = tmp();
    const yaml = readFileSync(overlay, 'utf8').replace(/^deployment: .*$/m, 'deployment: Contoso 東京');
    writeFileSync(path.join(dir, 'lyncdr.yaml'), yaml);
    const out = path.join(dir, 'backup.pdf');
    const r = await run(['runbook', 'backup', '--topology', topo, '--overlay', path.join(dir, 'lyncdr.yaml'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_RENDER_GLYPH: .*character "東" \(U\+6771\)/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['lyncdr.yaml']);
  });

  it('asks for a procedure, a topology and an output (exit 2)', async () => {
    expect((await run(['runbook'])).err).toMatch(/E_USAGE: name a procedure/);
    expect((await run(['runbook', 'backup', '-o', 'x.pdf'])).err).toMatch(/E_USAGE: missing --topology/);
    expect((await run(['runbook', 'backup', '--topology', topo])).err).toMatch(/E_USAGE: missing -o/);
    expect((await run(['runbook', 'backup', '--topology', topo, '--lang', 'de', '-o', path.join(tmp(), 'x.md')])).code).toBe(2);
  });
});
