import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { example, run } from '../../testing/run-cli';
import { formatFor, inputRevision } from '../io';

const twoSite = [example('two-site', 'topology.xml'), '--overlay', example('two-site', 'lyncdr.yaml')];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-ws-'));
});

/** Markdown without escapes and emphasis, to assert on the words. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1').replace(/\*\*/g, '');
const status = (items: unknown[]) => JSON.stringify({ kind: 'lyncdr.status', v: 1, generatedAt: '2026-11-22T19:00:00Z', deployment: 'Contoso', items });

describe('lyncdr worksheet', () => {
  it('writes the database worksheet as Markdown with the deployment’s FQDNs, databases and cmdlets', async () => {
    const out = path.join(dir, 'db.md');
    const r = await run(['worksheet', ...twoSite, '--kind', 'database', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out} (database, en, md)`);
    const md = plain(readFileSync(out, 'utf8'));
    expect(md).toContain('Database Backup and Restoration Worksheet');
    expect(md).toContain('Export-CsUserData -PoolFqdn pool01.contoso.example');
    expect(md).toContain('sqlmon01.contoso.example\\archmon');
    expect(md).toContain('LcsLog');
    expect(md).toContain('QoEMetrics');
    expect(md).toContain('Rtcdyn');
    expect(md).toContain('2026-11-22 20:00 UTC');
    expect(readdirSync(dir)).toEqual(['db.md']);
  });

  it('takes the format from --format over the extension, and French from --lang', async () => {
    const out = path.join(dir, 'ws.txt');
    const r = await run(['worksheet', ...twoSite, '--kind', 'settings', '--lang', 'fr', '--format', 'html', '-o', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<html[^>]*lang="fr"/);
    expect(html).toContain('Feuille de travail de sauvegarde et de restauration des paramètres');
    expect(html).toContain('magasin central de gestion');
    expect(html).toContain('Export-CsLisConfiguration');
  });

  it('defaults to the overlay’s language', async () => {
    const overlay = path.join(dir, 'lyncdr.yaml');
    writeFileSync(overlay, 'deployment: Essai\nlanguage: fr\npairs:\n  - [pool01.contoso.example, pool02.contoso.example]\n');
    const out = path.join(dir, 'ws.md');
    const r = await run(['worksheet', example('two-site', 'topology.xml'), '--overlay', overlay, '--kind', 'filestore', '-o', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('(filestore, fr, md)');
    const md = plain(readFileSync(out, 'utf8'));
    expect(md).toContain('Magasin de fichiers Lync Server');
    expect(md).toContain('Essai');
    expect(md).toContain('À compléter — responsable');
  });

  it('adds status columns from a status snapshot and changes the input revision', async () => {
    const s = path.join(dir, 'status.json');
    writeFileSync(s, status([{ itemId: 'export:userdata@pool01.contoso.example', status: 'late', reason: 'last export is 3 days old', lastGood: '2026-11-19T01:00:00Z', ageSeconds: 3 * 86400 + 68400 }]));
    const a = path.join(dir, 'a.md');
    const b = path.join(dir, 'b.md');
    const r = await run(['worksheet', ...twoSite, '--kind', 'database', '--status', s, '-o', a]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('lyncdr: warning: the status snapshot is for deployment "Contoso", the topology is "Contoso (Paris + Lyon)"\n');
    expect((await run(['worksheet', ...twoSite, '--kind', 'database', '-o', b])).code).toBe(0);
    const withStatus = plain(readFileSync(a, 'utf8'));
    expect(withStatus).toContain('Last good backup');
    expect(withStatus).toContain('Late — last export is 3 days old');
    expect(withStatus).toContain('Unknown — no entry in the status snapshot');
    const rev = (t: string) => /[0-9a-f]{12}/.exec(t.split('Input revision')[1] ?? '')?.[0];
    expect(rev(withStatus)).toBeDefined();
    expect(rev(withStatus)).not.toBe(rev(readFileSync(b, 'utf8')));
  });

  it('exits 2 on an unknown --kind, writing nothing', async () => {
    const out = path.join(dir, 'x.pdf');
    const r = await run(['worksheet', ...twoSite, '--kind', 'backups', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_USAGE: .*--kind "backups" is not supported; use one of all, database, filestore, settings, restore/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a bad status file, naming the field, writing nothing', async () => {
    const s = path.join(dir, 'status.json');
    writeFileSync(s, status([{ itemId: 'x', status: 'green', reason: '', lastGood: null, ageSeconds: null }]));
    const out = path.join(dir, 'x.md');
    const r = await run(['worksheet', ...twoSite, '--status', s, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_STATUS_INVALID');
    expect(r.err).toContain('items[0].status');
    expect(r.err).not.toMatch(/\n\s+at /);
    writeFileSync(s, '{"kind":');
    expect((await run(['worksheet', ...twoSite, '--status', s, '-o', out])).err).toMatch(/status\.json is not JSON/);
    expect(readdirSync(dir)).toEqual(['status.json']);
  });

  it('exits 2 on an unwritable output and leaves no file behind', async () => {
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const missing = await run(['worksheet', ...twoSite, '-o', path.join(dir, 'no-such-folder', 'w.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/E_OUTPUT: cannot write .*w\.pdf/);
    const r = await run(['worksheet', ...twoSite, '--kind', 'database', '-o', path.join(ro, 'w.md')]);
    chmodSync(ro, 0o700);
    if (process.getuid?.() !== 0) {
      expect(r.code).toBe(2);
      expect(r.err).toContain('E_OUTPUT');
    }
    expect(readdirSync(ro).filter((f) => !(r.code === 0 && f === 'w.md'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['ro']);
  });

  it('exits 2 without -o, with an unknown extension, or an unknown --lang / --paper', async () => {
    expect((await run(['worksheet', ...twoSite])).err).toMatch(/missing -o/);
    expect((await run(['worksheet', ...twoSite, '-o', path.join(dir, 'w.docx')])).err).toMatch(/cannot tell the format/);
    expect((await run(['worksheet', ...twoSite, '--lang', 'de', '-o', path.join(dir, 'w.md')])).code).toBe(2);
    expect((await run(['worksheet', ...twoSite, '--paper', 'a3', '-o', path.join(dir, 'w.md')])).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('has --help listing every option', async () => {
    const r = await run(['worksheet', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--overlay', '--kind', '--lang', '--format', '--paper', '--status', '-o, --output']) expect(r.out).toContain(o);
  });

  it('derives the format and a stable short input revision', () => {
    expect(formatFor('a/b.PDF', undefined)).toBe('pdf');
    expect(formatFor('b.htm', undefined)).toBe('html');
    expect(formatFor('b.pdf', 'md')).toBe('md');
    const r = inputRevision([Buffer.from('a'), Buffer.from('b')]);
    expect(r).toMatch(/^[0-9a-f]{12}$/);
    expect(inputRevision([Buffer.from('ab')])).not.toBe(r);
  });
});
