import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Document } from '@lyncdr/documents';
import { documentSha256, renderDocument } from './index';
import { pdfText } from './testing/pdf-tools';
import { sampleDocument } from './testing/sample-document';

const fingerprint = 'e1f02517c41c7ae19937045920a943fff7892cd612bce099255fa4646edaba6e';
const withFingerprint = (doc: Document): Document => ({ ...doc, meta: { ...doc.meta, fingerprint, version: '0.9.0' } });

describe('documentSha256', () => {
  it('is the same for the same content whatever the key order, and changes with the content', () => {
    const doc = sampleDocument({ rows: 2 });
    const reordered: Document = { blocks: doc.blocks, meta: Object.fromEntries(Object.entries(doc.meta).reverse()) as Document['meta'] };
    expect(documentSha256(reordered)).toBe(documentSha256(doc));
    expect(documentSha256(doc)).toMatch(/^[0-9a-f]{64}$/);
    expect(documentSha256(withFingerprint(doc))).not.toBe(documentSha256(doc));
    expect(documentSha256(sampleDocument({ rows: 3 }))).not.toBe(documentSha256(doc));
  });
});

describe('the revision in a rendered document', () => {
  it('PDF: the Keywords end with the document SHA-256 (pdfinfo) and every page footer shows the short fingerprint (pdftotext)', async () => {
    const doc = withFingerprint(sampleDocument({ rows: 60 }));
    const pdf = (await renderDocument(doc, { format: 'pdf' })) as Uint8Array;
    const { pages, file } = pdfText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(p).toContain('topology e1f02517c41c7ae1');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Keywords:\\s+lync, restore.*, lyncdr-sha256:${documentSha256(doc)}\\n`));
    const again = (await renderDocument(doc, { format: 'pdf' })) as Uint8Array;
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('Markdown and HTML print the short fingerprint in the header line; French says « topologie »', async () => {
    const md = (await renderDocument(withFingerprint(sampleDocument({ rows: 1 })), { format: 'md' })) as string;
    expect(md).toContain('topology e1f02517c41c7ae1');
    const fr = withFingerprint(sampleDocument({ rows: 1 }));
    const html = (await renderDocument({ ...fr, meta: { ...fr.meta, lang: 'fr' } }, { format: 'html' })) as string;
    expect(html).toContain('topologie e1f02517c41c7ae1');
  });
});

describe('the page footer', () => {
  it('keeps the whole short fingerprint when a long deployment name must be shortened', async () => {
    const doc = withFingerprint(sampleDocument({ rows: 1 }));
    const long: Document = { ...doc, meta: { ...doc.meta, deployment: `Contoso ${'very long deployment name '.repeat(12)}` } };
    const { pages } = pdfText((await renderDocument(long, { format: 'pdf' })) as Uint8Array);
    for (const p of pages) {
      expect(p).toContain('topology e1f02517c41c7ae1');
      expect(p).not.toContain(long.meta.deployment!.trim());
    }
  });
});
