import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Document } from '@lyncdr/documents';
import { renderDocument } from '../index';
import { pdfText } from '../testing/pdf-tools';
import { sampleDocument } from '../testing/sample-document';
import { theme } from './theme';

interface Box { page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number; w: number; h: number }

/** Every word of the PDF with its box, from pdftotext -bbox. */
function words(file: string): Box[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: Box[] = [];
  let page = 0;
  let w = 0;
  let h = 0;
  for (const line of xml.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      w = Number(p[1]);
      h = Number(p[2]);
      continue;
    }
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, word: m[5]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), w, h });
  }
  return out;
}

describe('nothing is drawn outside the page margins', () => {
  const cases: [string, Document, 'a4' | 'letter'][] = [
    ['A4 portrait, long table and long commands', sampleDocument({ rows: 80 }), 'a4'],
    ['Letter landscape, French', sampleDocument({ rows: 40, lang: 'fr', orientation: 'landscape' }), 'letter'],
  ];
  const wide: Document = {
    meta: { ...sampleDocument().meta, title: 'A very long title '.repeat(8) },
    blocks: [
      { type: 'code', language: 'powershell', lines: [`Set-CsConfigurationStoreLocation -SqlServerFqdn ${'x'.repeat(120)}.contoso.com -Verbose`] },
      { type: 'paragraph', text: `\\\\${'fileserver'.repeat(20)}\\share` },
      { type: 'table', columns: [{ header: 'A', width: 1 }, { header: 'B', width: 1, wrap: 'anywhere' }], rows: [[`${'y'.repeat(200)}`, `\\\\${'srv.'.repeat(40)}\\share`]] },
    ],
  };
  cases.push(['words and tokens wider than the page', wide, 'a4']);

  for (const [name, doc, paper] of cases) {
    it(name, async () => {
      const { file } = pdfText((await renderDocument(doc, { format: 'pdf', paper })) as Uint8Array);
      const boxes = words(file);
      expect(boxes.length).toBeGreaterThan(50);
      const m = theme.margin - 0.5;
      const outside = boxes.filter((b) => b.xMin < m || b.yMin < m || b.xMax > b.w - m || b.yMax > b.h - m);
      expect(outside.map((b) => `p${b.page} "${b.word}" ${b.xMin.toFixed(1)},${b.yMin.toFixed(1)}–${b.xMax.toFixed(1)},${b.yMax.toFixed(1)}`)).toEqual([]);
    });
  }
});
