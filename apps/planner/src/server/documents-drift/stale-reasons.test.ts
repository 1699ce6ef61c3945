import { describe, expect, it } from 'vitest';
import type { StatusEntry } from '@lyncdr/protocol';
import type { DocumentsDrift } from './compare';
import { staleEntry } from './stale-entry';

type Entry = Pick<StatusEntry, 'reason' | 'reasonCode' | 'reasonParams'>;
const assetPath = '../../dashboard/assets/reasons.js';
const { formatReason } = (await import(assetPath)) as { formatReason: (entry: Entry, lang: string) => string };

const doc = (name: string, stale: boolean) => ({ at: '2026-12-01T10:00:00.000Z', kind: 'worksheet', name, lang: 'en', format: 'pdf', fingerprint: 'f'.repeat(64), stale });
const base: DocumentsDrift = {
  export: { file: 'C:\\Backup\\CsConfig.zip', observedAt: '2026-12-02T03:00:00.000Z', agent: 'fe01a', fingerprint: 'e'.repeat(64) },
  deploymentFingerprint: 'd'.repeat(64), exportFingerprint: 'e'.repeat(64), deploymentDiffers: true,
  changes: Array.from({ length: 10 }, (_, i) => `pool pool01.contoso.example: machine added fe${i}.contoso.example`),
  documents: Array.from({ length: 9 }, (_, i) => doc(`w${i}`, true)), stale: true, unknown: null,
};
const now = new Date('2026-12-02T04:00:00Z');

describe('the documents:stale reason in the dashboard', () => {
  const cases: [string, DocumentsDrift][] = [
    ['stale, the export differs (more changes and documents than shown)', base],
    ['stale, documents older than the export', { ...base, deploymentDiffers: false, changes: [], documents: [doc('all', true), doc('filestore', false)] }],
    ['stale, no document to print again yet', { ...base, documents: [] }],
    ['current', { ...base, deploymentDiffers: false, changes: [], documents: [doc('all', false)], stale: false }],
  ];

  it('says in English exactly what the planner says, and in French without English words', () => {
    for (const [what, drift] of cases) {
      const e = staleEntry(drift, now)!;
      expect(formatReason(e, 'en'), what).toBe(e.reason);
      const fr = formatReason(e, 'fr');
      // The changes stay as the planner words them; the rest is French.
      const rest = fr.replace(/pool pool01\.contoso\.example: machine added fe\d\.contoso\.example/g, '');
      expect(rest, what).not.toMatch(/\b(printed|stale|print again|differs|the|newest|more)\b/);
    }
    expect(formatReason(staleEntry(base, now)!, 'fr')).toMatch(/^les documents imprimés ne sont plus à jour ; le dernier export du CMS \(C:\\Backup\\CsConfig\.zip, .*\) diffère du déploiement que sert le planificateur : .* \(\+2 autre\(s\)\) ; à réimprimer : worksheet w0 \(en, pdf\)/);
  });
});
