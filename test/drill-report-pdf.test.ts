/**
 * The drill report rendered with the same path as the worksheets (packages/render) to a real PDF, read back with
 * pdftotext in English and French: step titles, times, the measured RTO against its targets, evidence and the
 * sign-off labels. Markdown and HTML of the same document carry the same figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDrillReport, type DrillReportInput } from '../packages/documents/src/index';
import { abandonedRun, completedDrill } from '../packages/documents/src/drills/fixtures';
import { renderDocument } from '../packages/render/src/index';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPoppler) console.warn('drill-report-pdf: pdftotext is not installed; the PDF read-back tests are skipped');

const NOW = '2026-12-04T06:30:00.000Z';
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-drill-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Renders to PDF and returns the text read back, whitespace runs folded to one space. */
async function pdfText(input: DrillReportInput, lang: 'en' | 'fr', name: string): Promise<string> {
  const doc = buildDrillReport(input, { lang, now: NOW, inputRevision: '0123456789ab' });
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, (await renderDocument(doc, { format: 'pdf', paper: 'a4' })) as Uint8Array);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe.skipIf(!hasPoppler)('drill report → PDF read back with pdftotext', () => {
  it('prints the English report of a completed drill: steps, times, measured RTO, evidence and sign-off', async () => {
    const text = await pdfText(completedDrill(), 'en', 'drill-en');
    for (const s of [
      'Drill report',
      'Pool failover rehearsal, Paris to Lyon',
      'run-20261204-0001',
      'lyncdr plan failover --pool pool01.contoso.example',
      'sha256:3f2a9c1b7e04',
      'Check the state of the pool pair',
      'Fail the Central Management store over to pool02',
      'Update the DNS record of the simple URLs',
      'Fail pool01 over to pool02',
      'Started: 2026-12-04 06:02:30 UTC',
      'Finished: 2026-12-04 06:25:00 UTC',
      '06:12:30',
      'Measured RTO 25 min',
      '30 min — met, 5 min under the target',
      '15–20 min RTO, 5 min RPO — missed by 5 min',
      'docs-sfb/disaster-recovery.md',
      '−4 min 20 s (shorter than planned)',
      'Reason for skipping',
      'First attempt failed',
      'Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode',
      'PoolFqdn : pool01.contoso.example',
      '12,583 bytes',
      'Sign-off',
      'Operator',
      'Reviewer',
      'Name',
      'Signature',
      'Date',
    ])
      expect(text, s).toContain(s);
  });

  it('prints the French report with French labels and the same figures', async () => {
    const text = await pdfText(completedDrill(), 'fr', 'drill-fr');
    for (const s of [
      'Rapport d’exercice',
      'Check the state of the pool pair',
      'Fail pool01 over to pool02',
      'Début : 2026-12-04 06:02:30 UTC',
      'RTO mesuré 25 min',
      'atteint, 5 min sous la cible',
      'RTO de 15–20 min, RPO de 5 min — dépassé de 5 min',
      'Motif de l’omission',
      'Ignorée',
      'Validation',
      'Opérateur',
      'Vérificateur',
      'Nom',
      'Signature',
      'Date',
    ])
      expect(text, s).toContain(s);
  });

  it('prints an abandoned real run with blanks for what was not measured, and odd evidence bytes without failing', async () => {
    const input = abandonedRun();
    input.steps[0]!.evidence = [{ name: 'out.txt', size: 64, sha256: 'ab'.repeat(32), excerpt: 'bell \u0007 emoji 😀 cjk 中文 \u00e9t\u00e9\n' + "it's " + 'x'.repeat(300) }];
    const text = await pdfText(input, 'en', 'abandoned-en');
    for (const s of ['Failover report', 'Abandoned', 'This run was abandoned', 'none set in lyncdr.yaml', 'Not started', '23:56:00', 'bell \ufffd emoji \ufffd cjk \ufffd\ufffd été']) expect(text, s).toContain(s);
    expect(text).not.toContain('NaN');
    expect(text).not.toContain('null');
  });
});

describe('drill report → Markdown and HTML', () => {
  it('carries the measured figures and the sign-off in both', async () => {
    const doc = buildDrillReport(completedDrill(), { lang: 'en', now: NOW, inputRevision: null });
    const md = (await renderDocument(doc, { format: 'md' })) as string;
    const html = (await renderDocument(doc, { format: 'html' })) as string;
    for (const out of [md, html]) {
      expect(out).toContain('Measured RTO');
      expect(out).toContain('30 min — met, 5 min under the target');
      expect(out).toContain('Fail pool01 over to pool02');
      expect(out).toContain('Reviewer');
    }
  });
});
