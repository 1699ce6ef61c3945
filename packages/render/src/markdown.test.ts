import { describe, expect, it } from 'vitest';
import { renderDocument } from './index';
import { sampleDocument } from './testing/sample-document';

describe('renderDocument to Markdown', () => {
  it('renders every block type (snapshot)', async () => {
    const md = (await renderDocument(sampleDocument({ rows: 4 }), { format: 'md' })) as string;
    expect(md).toMatchSnapshot();
  });

  it('keeps commands verbatim in fenced blocks and escapes table pipes', async () => {
    const doc = sampleDocument({ rows: 1 });
    doc.blocks = [
      { type: 'code', language: 'powershell', lines: ['Get-CsPool | Where-Object { $_.Fqdn -like "*`*" }'] },
      { type: 'table', columns: [{ header: 'A|B', width: 1 }], rows: [['x | y']] },
    ];
    const md = (await renderDocument(doc, { format: 'md' })) as string;
    expect(md).toContain('```powershell\nGet-CsPool | Where-Object { $_.Fqdn -like "*`*" }\n```');
    expect(md).toContain('| A\\|B |');
    expect(md).toContain('| x \\| y |');
  });

  it('uses the French labels', async () => {
    const md = (await renderDocument(sampleDocument({ lang: 'fr', rows: 1 }), { format: 'md' })) as string;
    expect(md).toContain('### Étape 1. Exporter la configuration');
    expect(md).toContain('**Vérification\u00a0:**');
    expect(md).toContain('> **Remarque\u00a0:**');
  });
});
