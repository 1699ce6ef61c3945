import { describe, expect, it } from 'vitest';
import type { KeyValueBlock } from '../model';
import { revisionBlocks, revisionMeta } from './revision-block';

const meta = {
  title: 'T',
  lang: 'en' as const,
  deployment: null,
  generatedAt: '2026-03-01T08:05:09.000Z',
  inputRevision: 'a1b2c3',
  orientation: 'portrait' as const,
};
const fp = 'e1f02517c41c7ae19937045920a943fff7892cd612bce099255fa4646edaba6e';

describe('revisionBlocks', () => {
  it('prints the full fingerprint, the lyncdr version, the generation time and the input revision', () => {
    const blocks = revisionBlocks({ ...meta, ...revisionMeta({ fingerprint: fp, version: '0.9.0' }) });
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, text: 'Revision', id: 'revision' });
    expect((blocks[2] as KeyValueBlock).pairs).toEqual([
      ['Topology fingerprint', { text: fp, style: 'code' }],
      ['lyncdr version', '0.9.0'],
      ['Generated', '2026-03-01 08:05 UTC'],
      ['Input revision', { text: 'a1b2c3', style: 'code' }],
    ]);
  });

  it('prints a dash for what is not known, and speaks French', () => {
    const blocks = revisionBlocks({ ...meta, lang: 'fr', inputRevision: null, ...revisionMeta({}) });
    expect(blocks[0]).toMatchObject({ text: 'Révision' });
    expect(JSON.stringify(blocks[1])).toContain('lyncdr topology show');
    expect((blocks[2] as KeyValueBlock).pairs).toEqual([
      ['Empreinte de la topologie', '—'],
      ['Version de lyncdr', '—'],
      ['Généré le', '2026-03-01 08:05 UTC'],
      ['Révision des entrées', '—'],
    ]);
  });
});

describe('the planners in the revision block', () => {
  const planners = [
    { name: 'paris', url: 'https://lyncdr-paris.contoso.example:8470', self: true },
    { name: 'london', url: 'https://lyncdr-london.contoso.example:8470', self: false },
  ];
  it('names this planner first, then its peers, in English and French', () => {
    const en = revisionBlocks({ ...meta, ...revisionMeta({ planners }) });
    expect((en[2] as KeyValueBlock).pairs.at(-1)).toEqual(['Planners', 'paris https://lyncdr-paris.contoso.example:8470 (this planner) · london https://lyncdr-london.contoso.example:8470']);
    const fr = revisionBlocks({ ...meta, lang: 'fr', ...revisionMeta({ planners }) });
    expect((fr[2] as KeyValueBlock).pairs.at(-1)?.[0]).toBe('Planificateurs');
    expect(String((fr[2] as KeyValueBlock).pairs.at(-1)?.[1])).toContain('(ce planificateur)');
  });

  it('leaves the meta and the block as they were without planners (documents made offline)', () => {
    expect(revisionMeta({ planners: [] })).toEqual({ fingerprint: null, version: null });
    expect((revisionBlocks({ ...meta, ...revisionMeta({}) })[2] as KeyValueBlock).pairs).toHaveLength(4);
  });
});
