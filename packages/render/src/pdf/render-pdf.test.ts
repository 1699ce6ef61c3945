import { describe, expect, it } from 'vitest';
import { isLyncdrError } from '@lyncdr/errors';
import type { Document } from '@lyncdr/documents';
import { renderDocument } from '../index';
import { firstPageVariance, pdfText } from '../testing/pdf-tools';
import { sampleDocument } from '../testing/sample-document';

async function pdf(doc: Document, paper: 'a4' | 'letter' = 'a4'): Promise<Uint8Array> {
  const out = await renderDocument(doc, { format: 'pdf', paper });
  expect(out).toBeInstanceOf(Uint8Array);
  return out as Uint8Array;
}

describe('renderDocument to PDF', () => {
  it('draws every block type, with header and "page x of y" on every page', async () => {
    const bytes = await pdf(sampleDocument({ rows: 60 }));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p).toContain('Restore of pool pool01.contoso.com');
      expect(p).toContain('rev. a1b2c3d4');
      expect(p).toContain(`page ${i + 1} of ${pages.length}`);
    });
    for (const s of ['Purpose', 'Note:', 'Warning:', 'Erratum:', 'Backups exist and are readable', 'Export-CsConfiguration', 'Started', 'Finished', 'Initials', 'Lync administrator', 'Signature']) {
      expect(text).toContain(s);
    }
  });

  it('repeats the table header after a page break and keeps rows whole', async () => {
    const { pages } = pdfText(await pdf(sampleDocument({ rows: 60 })));
    const withRows = pages.filter((p) => /fe\d\d\.pool-north/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const p of withRows) expect(p).toMatch(/Server\s+UNC path\s+Schedule\s+Done/);
    // Every row's two FQDN lines are on the same page: no page holds half a row.
    for (let i = 1; i <= 60; i++) {
      const n = String(i).padStart(2, '0');
      const page = pages.find((p) => p.includes(`fe${n}.pool-north`));
      expect(page, `row ${i}`).toBeDefined();
      expect(page!.split('\n').some((l) => l.includes(`CoreDataBackups`))).toBe(true);
    }
  });

  it('wraps a long FQDN at dots inside its column (wrap: anywhere)', async () => {
    const { text } = pdfText(await pdf(sampleDocument({ rows: 3 })));
    // The FQDN is cut just after a dot, the rest continues on the next line of the same cell.
    expect(text).toMatch(/fe01\.pool-north-europe-primary\.\s{2,}\\\\fileserver01/);
    expect(text).toMatch(/\n\s*datacenter-one\.corp\.contoso\.com\s+/);
    expect(text.split('\n').some((l) => l.includes('fe01.pool-north-europe-primary.datacenter-one.corp.contoso.com'))).toBe(false);
  });

  it('sets French accents and labels with the embedded fonts', async () => {
    const { text, pages } = pdfText(await pdf(sampleDocument({ lang: 'fr', rows: 5 })));
    expect(text).toContain('Élève, ça, où, garçon, œuvre');
    expect(text).toContain('Remarque');
    expect(text).toContain('Vérification');
    expect(text).toContain(`page 1 sur ${pages.length}`);
  });

  it('breaks a long command only at a space, with the PowerShell continuation marker', async () => {
    const { text } = pdfText(await pdf(sampleDocument({ rows: 1 })));
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('Get-CsBackupServiceStatus -PoolFqdn'));
    expect(lines[i]!.trimEnd().endsWith('`')).toBe(true);
    expect(lines[i + 1]).toMatch(/^\s+-\S|^\s+\S/);
    // Every token of the command survives whole.
    for (const token of ['-SomeVeryLongParameterName', 'BackupServiceStatus', 'pool01.contoso.com']) expect(text).toContain(token);
  });

  it('supports Letter and landscape page sizes', async () => {
    const { execFileSync } = await import('node:child_process');
    const portrait = pdfText(await pdf(sampleDocument({ rows: 2 }), 'letter'));
    expect(execFileSync('pdfinfo', [portrait.file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const land = pdfText(await pdf(sampleDocument({ rows: 2, orientation: 'landscape' })));
    expect(execFileSync('pdfinfo', [land.file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });

  it('writes the metadata and is byte-for-byte deterministic', async () => {
    const { execFileSync } = await import('node:child_process');
    const a = await pdf(sampleDocument({ rows: 4 }));
    const b = await pdf(sampleDocument({ rows: 4 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const info = execFileSync('pdfinfo', [pdfText(a).file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Restore of pool pool01\.contoso\.com/);
    expect(info).toMatch(/Author:\s+lyncdr/);
    expect(info).toMatch(/Keywords:\s+lync, restore/);
    expect(info).toMatch(/CreationDate:\s+Thu Jan 15 09:30:00 2026/);
  });

  it('page 1 is not blank', async () => {
    const { file } = pdfText(await pdf(sampleDocument({ rows: 5 })));
    const { variance } = firstPageVariance(file);
    expect(variance).toBeGreaterThan(50);
  });

  it('splits a row taller than a page across pages instead of drawing off the page', async () => {
    const doc: Document = {
      meta: { ...sampleDocument().meta },
      blocks: [{ type: 'table', columns: [{ header: 'Item', width: 1 }, { header: 'Long', width: 3 }], rows: [['a', Array.from({ length: 160 }, (_, i) => `line${i}`).join('\n')]] }],
    };
    const { pages } = pdfText(await pdf(doc));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('line0');
    expect(pages.at(-1)).toContain('line159');
    expect(pages.at(-1)).toMatch(/Item\s+Long/);
  });

  it('renders empty and degenerate blocks without failing, in all three formats', async () => {
    const doc: Document = {
      meta: { ...sampleDocument().meta, subtitle: undefined, deployment: null, inputRevision: null },
      blocks: [
        { type: 'pagebreak' },
        { type: 'heading', level: 3, text: '' },
        { type: 'paragraph', text: [] },
        { type: 'list', ordered: true, items: [''] },
        { type: 'checklist', items: [] },
        { type: 'code', language: 'text', lines: ['', '\tindented', ''] },
        { type: 'table', columns: [], rows: [] },
        { type: 'table', columns: [{ header: 'Only header', width: 0 }], rows: [] },
        { type: 'keyvalue', pairs: [] },
        { type: 'signature', roles: [] },
        { type: 'step', n: 100, title: 'Step with a three-digit number', commands: [] },
        { type: 'pagebreak' },
      ],
    };
    const { text, pages } = pdfText(await pdf(doc));
    // The first break follows the title; the trailing one adds no blank page.
    expect(pages.length).toBe(2);
    expect(pages[1]).toContain('Only header');
    expect(text).toContain('Step with a three-digit number');
    expect(await renderDocument(doc, { format: 'md' })).toContain('| Only header |');
    expect(await renderDocument(doc, { format: 'html' })).toContain('<th style="width:100.0%">Only header</th>');
  });

  it('refuses a character the fonts cannot draw with E_RENDER_GLYPH naming it and where it is', async () => {
    const doc = sampleDocument({ rows: 2 });
    doc.blocks.push({ type: 'table', columns: [{ header: 'Who', width: 1 }], rows: [['Ada'], ['Grace 中']] });
    const err = await renderDocument(doc, { format: 'pdf' }).catch((e: unknown) => e);
    expect(isLyncdrError(err)).toBe(true);
    expect((err as Error & { code: string }).code).toBe('E_RENDER_GLYPH');
    expect((err as Error).message).toContain('U+4E2D');
    expect((err as Error).message).toContain('row 2, column 1 (Who)');
    const cjk = sampleDocument({ rows: 1 });
    cjk.blocks.push({ type: 'code', language: 'powershell', lines: ['Write-Host "한"'] });
    await expect(renderDocument(cjk, { format: 'pdf' })).rejects.toThrow(/U\+D55C.*line 1/);
  });
});
