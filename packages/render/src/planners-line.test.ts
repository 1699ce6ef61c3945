import { describe, expect, it } from 'vitest';
import type { Document } from '@lyncdr/documents';
import { renderDocument } from './index';
import { pdfText } from './testing/pdf-tools';
import { sampleDocument } from './testing/sample-document';

const planners = [
  { name: 'paris', url: 'https://lyncdr-paris.contoso.example:8470', self: true },
  { name: 'london', url: 'https://lyncdr-london.contoso.example:8470', self: false },
];
const withPlanners = (lang: 'en' | 'fr'): Document => {
  const doc = sampleDocument({ lang, rows: 3 });
  return { ...doc, meta: { ...doc.meta, planners } };
};
const text = (b: Uint8Array | string) => (typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));

describe('the planners line under the title', () => {
  it('prints both planner URLs on the first page of the PDF, this planner first', async () => {
    const { pages } = pdfText(await renderDocument(withPlanners('en'), { format: 'pdf' }) as Uint8Array);
    const first = pages[0]!.replace(/\s+/g, ' ');
    expect(first).toContain('Planners: paris https://lyncdr-paris.contoso.example:8470 (this planner) · london https://lyncdr-london.contoso.example:8470');
    const fr = pdfText(await renderDocument(withPlanners('fr'), { format: 'pdf' }) as Uint8Array).pages[0]!.replace(/\s+/g, ' ');
    expect(fr).toContain('(ce planificateur)');
    expect(fr).toContain('Planificateurs');
  });

  it('prints them in Markdown and HTML, and prints none when the document names no planner', async () => {
    expect(text(await renderDocument(withPlanners('en'), { format: 'md' }))).toContain('london https://lyncdr-london.contoso.example:8470');
    expect(text(await renderDocument(withPlanners('en'), { format: 'html' }))).toMatch(/<p class="planners">Planners: paris https:\/\/lyncdr-paris\.contoso\.example:8470 \(this planner\)/);
    const offline = sampleDocument({ rows: 3 });
    expect(text(await renderDocument(offline, { format: 'md' }))).not.toContain('Planners');
    expect(pdfText(await renderDocument(offline, { format: 'pdf' }) as Uint8Array).text).not.toContain('Planners');
  });
});
