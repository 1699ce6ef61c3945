/**
 * Conformance over the real and synthetic topologies in ../shared/fixtures/topology: each loads, yields an inventory
 * whose rows match what reading the file shows (pools, SQL stores, file stores), and renders all four worksheets in
 * English and French. The fixtures are read in place, never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../packages/domain/src/index';
import { buildWorksheet, type Document, type TableBlock } from '../packages/documents/src/index';
import { renderDocument } from '../packages/render/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(repo, '../shared/fixtures/topology');
const present = existsSync(dir);
if (!present) console.warn(`worksheet-fixtures: ${dir} is absent; the topology worksheet conformance suite is skipped`);

function load(file: string, overlay?: string): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(dir, file))), { file });
  return overlay ? applyOverlay(t, parseOverlay(readFileSync(path.join(dir, overlay), 'utf8'), { file: overlay })) : t;
}
const firstColumn = (d: Document) => (d.blocks.find((b) => b.type === 'table') as TableBlock).rows.map((r) => JSON.stringify(r[0]));
const cells = (d: Document) => JSON.stringify(d.blocks);
const opts = { lang: 'en' as const, now: '2026-11-22T20:00:00Z', inputRevision: null };

describe.skipIf(!present)('worksheets from the shared topology fixtures (conformance)', () => {
  it('Contoso.tbxml: one Front End pool on xSQL1, two file stores, Archiving and Monitoring', () => {
    const t = load('Contoso.tbxml');
    const inv = buildInventory(t);
    const db = buildWorksheet('database', t, inv, opts);
    expect(firstColumn(db).filter((c) => c.includes('Rtc database'))).toHaveLength(1);
    expect(cells(db)).toContain('Export-CsUserData -PoolFqdn frontendpool.contoso.com');
    expect(cells(db).toLowerCase()).toContain('xsql1.contoso.com');
    const fs = buildWorksheet('filestore', t, inv, opts);
    expect(firstColumn(fs).filter((c) => c.includes('Lync Server File Store'))).toHaveLength(2);
    expect(cells(fs).toLowerCase()).toContain('xfile1.contoso.com\\\\data1');
    expect(cells(fs).toLowerCase()).toContain('xfile2.contoso.com\\\\data2');
    const settings = buildWorksheet('settings', t, inv, opts);
    expect(firstColumn(settings)).toHaveLength(3);
    const restore = buildWorksheet('restore', t, inv, opts);
    expect(cells(restore)).toContain('edgepool.contoso.com');
  });

  it('two-sites.SYNTHETIC.xml with its overlay: two paired pools, one file store each', () => {
    const t = load('two-sites.SYNTHETIC.xml', 'two-sites.lyncdr.yaml');
    const inv = buildInventory(t);
    expect(inv.deployment).toBe('Contoso test');
    const db = buildWorksheet('database', t, inv, opts);
    expect(firstColumn(db).filter((c) => c.includes('Rtc database'))).toHaveLength(2);
    expect(cells(db)).toContain('User data replicated to pool-dub.contoso.test');
    const settings = buildWorksheet('settings', t, inv, opts);
    expect(firstColumn(settings)).toHaveLength(4);
    expect(cells(buildWorksheet('filestore', t, inv, opts))).toContain('fs-dub.contoso.test');
    expect(cells(buildWorksheet('restore', t, inv, opts))).toContain('Import-CsUserData -PoolFqdn pool-red.contoso.test');
  });

  it('every fixture topology renders all four worksheets in English and French (Markdown and HTML)', async () => {
    for (const file of ['Contoso.tbxml', 'two-sites.SYNTHETIC.xml', 'topology-published-skeleton.SYNTHETIC.xml']) {
      if (!existsSync(path.join(dir, file))) continue;
      const t = load(file);
      const inv = buildInventory(t);
      const userPools = t.pools.filter((p) => p.kind === 'FrontEnd' || p.kind === 'StandardEdition');
      expect(inv.items.filter((i) => i.category === 'userdata'), file).toHaveLength(userPools.length);
      expect(inv.items.filter((i) => i.kind === 'filestore'), file).toHaveLength(t.fileStores.length);
      for (const lang of ['en', 'fr'] as const) {
        const doc = buildWorksheet('all', t, inv, { ...opts, lang });
        const md = (await renderDocument(doc, { format: 'md' })) as string;
        const html = (await renderDocument(doc, { format: 'html' })) as string;
        for (const p of userPools) {
          expect(md, `${file} ${lang}`).toContain(p.fqdn);
          expect(html, `${file} ${lang}`).toContain(p.fqdn);
        }
      }
    }
  });
});
