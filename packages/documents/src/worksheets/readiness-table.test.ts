import { buildInventory, twoSiteTopology } from '@lyncdr/domain';
import type { StatusSnapshot } from '@lyncdr/protocol';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../model';
import { buildWorksheet } from './build-worksheet';

const now = '2026-12-01T12:00:00.000Z';
const snapshot: StatusSnapshot = {
  kind: 'lyncdr.status', v: 1, generatedAt: now, deployment: null,
  items: [
    { itemId: 'backup-service:p1.contoso.com', status: 'failed', reason: 'export state ErrorState', reasonCode: 'probe.findings', lastGood: '2026-12-01T06:00:00.000Z', ageSeconds: 6 * 3600, periodSeconds: 3600 },
    { itemId: 'backup-service:p2.contoso.com', status: 'ok', reason: 'steady', lastGood: now, ageSeconds: 0, periodSeconds: 3600 },
  ],
};

describe('worksheet readiness table', () => {
  const t = twoSiteTopology();
  const inv = buildInventory(t);
  it('is on the first page with a status snapshot, in English and French', () => {
    const en = buildWorksheet('all', t, inv, { lang: 'en', now, inputRevision: null, status: snapshot });
    const firstBreak = en.blocks.findIndex((b) => b.type === 'pagebreak');
    const at = en.blocks.findIndex((b) => b.type === 'heading' && b.text === 'DR readiness');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(firstBreak);
    const table = en.blocks[at + 2] as TableBlock;
    expect(table.columns.map((c) => c.header)).toEqual(['Goal', 'Status', 'Blockers', 'RPO exposure', 'Estimated RTO']);
    expect(table.rows[0]).toEqual(['Pool failover: p1.contoso.com', { text: 'blocked', style: 'bold' }, expect.stringContaining('Backup Service ErrorState for 6 h (p1.contoso.com → p2.contoso.com)'), '6 h', expect.stringMatching(/min|h/)]);
    const fr = buildWorksheet('database', t, inv, { lang: 'fr', now, inputRevision: null, status: snapshot });
    const frTable = fr.blocks.find((b): b is TableBlock => b.type === 'table' && b.columns[0]?.header === 'Objectif');
    expect(frTable?.rows[0]?.[1]).toEqual({ text: 'bloqué', style: 'bold' });
    expect(frTable?.rows[0]?.[2]).toContain('service de sauvegarde en ErrorState depuis 6 h');
    expect(frTable?.rows[1]?.[2]).toBe('—');
    expect(frTable?.rows.find((r) => r[0] === 'Bascule du CMS')?.[2]).toMatch(/; inconnu maintenant \(aucun rapport récent\) : cmsReplicas$/);
  });
  it('is absent without a snapshot', () => {
    const doc = buildWorksheet('all', t, inv, { lang: 'en', now, inputRevision: null });
    expect(doc.blocks.some((b) => b.type === 'heading' && b.text === 'DR readiness')).toBe(false);
  });
});
