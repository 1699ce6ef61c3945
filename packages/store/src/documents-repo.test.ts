import { describe, expect, it } from 'vitest';
import { storeTargets } from './testing/store-targets';

describe.each(storeTargets())('generated documents in the $name store', (target) => {
  it('keeps every generation and lists the newest of each kind, name and language', () => {
    const store = target.open(() => new Date('2026-12-04T06:00:00Z'));
    expect(store.lastDocuments()).toEqual([]);
    const doc = { kind: 'worksheet', name: 'all', lang: 'en', format: 'pdf' };
    store.recordDocument({ ...doc, at: '2026-12-01T10:00:00.000Z', fingerprint: 'a'.repeat(64) });
    store.recordDocument({ ...doc, at: '2026-12-02T10:00:00.000Z', fingerprint: 'b'.repeat(64), format: 'md' });
    store.recordDocument({ ...doc, lang: 'fr', at: '2026-12-01T11:00:00.000Z', fingerprint: 'a'.repeat(64) });
    store.recordDocument({ kind: 'plan', name: 'failover pool01.contoso.example', lang: 'en', format: 'pdf', at: '2026-12-03T09:00:00.000Z', fingerprint: 'c'.repeat(64) });
    expect(store.lastDocuments()).toEqual([
      { kind: 'plan', name: 'failover pool01.contoso.example', lang: 'en', format: 'pdf', at: '2026-12-03T09:00:00.000Z', fingerprint: 'c'.repeat(64) },
      { ...doc, format: 'md', at: '2026-12-02T10:00:00.000Z', fingerprint: 'b'.repeat(64) },
      { ...doc, lang: 'fr', at: '2026-12-01T11:00:00.000Z', fingerprint: 'a'.repeat(64) },
    ]);
    store.close();
  });
});
