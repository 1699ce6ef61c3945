import { describe, expect, it } from 'vitest';
import { renderDocument } from './index';
import { sampleDocument } from './testing/sample-document';

describe('renderDocument to HTML', () => {
  it('renders every block type in one self-contained page (snapshot)', async () => {
    const html = (await renderDocument(sampleDocument({ rows: 4 }), { format: 'html', paper: 'letter' })) as string;
    expect(html).toMatchSnapshot();
    expect(html).toContain('@page { size: letter portrait;');
    expect(html).not.toMatch(/<link|<script|src=|url\(/);
  });

  it('escapes every piece of text', async () => {
    const doc = sampleDocument({ rows: 1 });
    doc.meta.title = '<script>alert("x")</script>';
    doc.blocks = [
      { type: 'paragraph', text: 'a < b && c > "d"' },
      { type: 'table', columns: [{ header: '<th>', width: 1 }], rows: [[{ text: '<img src=x>', style: 'code' }]] },
      { type: 'code', language: 'powershell', lines: ['Get-CsPool | ? { $_ -ne "<x>" }'] },
    ];
    const html = (await renderDocument(doc, { format: 'html' })) as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a &lt; b &amp;&amp; c &gt; &quot;d&quot;');
    expect(html).toContain('$_ -ne &quot;&lt;x&gt;&quot;');
  });
});
