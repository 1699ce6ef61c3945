/**
 * Every runbook (backup, restore and disaster recovery) built for the bundled example deployments, in English and
 * French: the Markdown of each is checked for the deployment's names, and the PDFs of the two-site example are read
 * back with pdftotext (title, FQDNs, cmdlets, French terms, "page x of y" against the real page count); page 1 of one
 * is rasterised with pdftoppm and must not be blank. The Markdown of the two-site backup runbook is a snapshot.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRunbooks, type Document, type Lang } from '../packages/documents/src/index';
import { renderDocument } from '../packages/render/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPoppler) console.warn('runbook-examples: pdftotext is not installed; the PDF read-back tests are skipped');

function load(dir: string, file = 'topology.xml'): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(repo, 'examples', dir, file))), { file });
  return applyOverlay(t, parseOverlay(readFileSync(path.join(repo, 'examples', dir, 'lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

const NOW = '2026-02-02T10:00:00.000Z';
const opts = (lang: Lang) => ({ lang, pools: [] as string[], now: NOW, inputRevision: 'example' });

function built(t: Topology, lang: Lang): { id: string; doc: Document }[] {
  return allRunbooks()
    .filter((r) => r.applies(t, opts(lang)) === null)
    .map((r) => ({ id: r.id, doc: r.build(t, opts(lang)) }));
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('runbooks for the example deployments (Markdown)', () => {
  for (const dir of ['two-site', 'standard-edition', 'sfb2019-two-site']) {
    for (const lang of ['en', 'fr'] as const) {
      it(`${dir}, ${lang}: every applicable runbook names this deployment's pools or servers`, async () => {
        const t = load(dir);
        const docs = built(t, lang);
        expect(docs.length).toBeGreaterThanOrEqual(dir === 'standard-edition' ? 8 : 16);
        const userPools = t.pools.filter((p) => p.kind === 'FrontEnd' || p.kind === 'StandardEdition').map((p) => p.fqdn);
        for (const { id, doc } of docs) {
          const md = (await renderDocument(doc, { format: 'md' })) as string;
          expect(md.startsWith(`# ${doc.meta.title}`), id).toBe(true);
          expect(md, id).toContain(t.deployment!);
          expect(userPools.some((p) => md.includes(p)) || t.fileStores.some((f) => md.includes(f.server)) || t.sqlStores.some((s) => md.includes(s.server)), `${id} names a pool or server`).toBe(true);
          expect(md, id).not.toMatch(/undefined|\[object Object\]|NaN/);
        }
      });
    }
  }

  it('two-site backup runbook in Markdown (snapshot)', async () => {
    const doc = allRunbooks().find((r) => r.id === 'backup')!.build(load('two-site'), opts('en'));
    expect(await renderDocument(doc, { format: 'md' })).toMatchSnapshot();
  });
});

describe.skipIf(!hasPoppler)('runbooks for the two-site example (PDF read back)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-runbook-pdf-'));
  const t = load('two-site');
  const mine = ['backup-service', 'backup', 'restore-cms', 'restore-back-end', 'restore-mirror-primary', 'restore-mirror', 'restore-member', 'restore-pool', 'restore-file-store', 'restore-monitoring-archiving', 'restore-persistent-chat', 'restore-response-group'];

  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: each backup and restore runbook prints its title, commands and page numbers`, async () => {
      for (const { id, doc } of built(t, lang).filter((d) => mine.includes(d.id))) {
        const file = path.join(dir, `${id}-${lang}.pdf`);
        writeFileSync(file, (await renderDocument(doc, { format: 'pdf' })) as Uint8Array);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
        expect(pages, id).toBeGreaterThanOrEqual(1);
        expect(text, id).toContain(lang === 'fr' ? `page ${pages} sur ${pages}` : `page ${pages} of ${pages}`);
        expect(flat(text), id).toContain(flat(doc.meta.title));
        expect(text, id).toContain('Contoso (Paris + Lyon)');
        // The first command of the runbook is printed whole (it may be broken at a space with a backtick).
        const first = doc.blocks.flatMap((b) => (b.type === 'step' ? b.commands : []))[0];
        if (first) expect(flat(text.replace(/ `\n/g, ' ')), id).toContain(flat(first));
        expect(text, id).toContain(lang === 'fr' ? 'Conditions préalables' : 'Preconditions');
      }
    });
  }

  it('the backup runbook names the two-site pools, SQL stores and file stores; French keeps the accents', () => {
    const en = execFileSync('pdftotext', ['-layout', path.join(dir, 'backup-en.pdf'), '-'], { encoding: 'utf8' });
    for (const s of ['pool01.contoso.example', 'pool02.contoso.example', 'Export-CsConfiguration', 'Export-CsLisConfiguration', 'Meeting.Active', 'LcsCDR']) expect(en).toContain(s);
    expect(en).toMatch(/robocopy "\\\\fs01\.contoso\.example\\lyncshare"/);
    const fr = execFileSync('pdftotext', ['-layout', path.join(dir, 'restore-response-group-fr.pdf'), '-'], { encoding: 'utf8' });
    expect(fr).toContain('Restauration des paramètres Response Group');
    expect(fr).toContain('Vérification');
    expect(flat(fr)).toContain('-ReplaceExistingRgsSettings');
  });

  it('page 1 is not blank', () => {
    const file = path.join(dir, 'backup-en.pdf');
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const pgm = readFileSync(path.join(dir, 'page-1.pgm'));
    const header = pgm.subarray(0, 20).toString('latin1');
    const start = header.indexOf('255\n') + 4;
    const px = pgm.subarray(start);
    const mean = px.reduce((s, v) => s + v, 0) / px.length;
    const variance = px.reduce((s, v) => s + (v - mean) ** 2, 0) / px.length;
    expect(variance).toBeGreaterThan(50);
  });
});
