import { describe, expect, it } from 'vitest';
import type { Observation } from '@lyncdr/protocol';
import type { CollectorContext } from '../types';
import { backupServiceCollector } from './backup-service';
import { cmsReplicationCollector } from './cms-replication';
import { mirrorStateCollector } from './mirror-state';
import { reportedProduct } from './product';

describe('reportedProduct: the version a bridge script printed', () => {
  it('keeps the three known versions, whatever the case of the key', () => {
    expect(reportedProduct({ poolFqdn: 'p', product: 'lync2013' })).toBe('lync2013');
    expect(reportedProduct({ Product: 'sfb2015' })).toBe('sfb2015');
    expect(reportedProduct({ product: ' sfb2019 ' })).toBe('sfb2019');
  });

  it('drops anything else without an error', () => {
    for (const raw of [{ product: 'sfb2022' }, { product: 'SFB2015' }, { product: 7 }, { product: null }, { product: {} }, {}, null, 'sfb2015', [{ product: 'sfb2015' }]]) {
      expect(reportedProduct(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});

describe('the bridge collectors keep it in the observation data', () => {
  const ctxFor = (out: (script: string) => unknown) =>
    ({ now: () => new Date('2026-11-22T09:00:00Z'), bridge: { run: async (script: string) => out(script) } }) as unknown as CollectorContext;
  const modules = [{ identity: 'UserServices.PresenceFocus', exportStatus: 'SteadyState', importStatus: 'NormalState' }];
  const one = async (p: Promise<{ observations: Observation[] }>) => (await p).observations[0]!;

  it('backup-service: from the status script, else from the relationship script; an unknown value is left out', async () => {
    const both = await one(backupServiceCollector.run({ pools: ['p.contoso.test'] }, ctxFor(() => ({ product: 'sfb2015', backupModules: modules, relationships: [{ a: 'b' }] }))));
    expect(both.data.product).toBe('sfb2015');
    const relOnly = await one(backupServiceCollector.run({ pools: ['p.contoso.test'] }, ctxFor((s) => (s.startsWith('backup') ? { backupModules: modules } : { product: 'sfb2019', relationships: [{ a: 'b' }] }))));
    expect(relOnly.data.product).toBe('sfb2019');
    const odd = await one(backupServiceCollector.run({ pools: ['p.contoso.test'] }, ctxFor(() => ({ product: 'sfb2030', backupModules: modules, relationships: [{ a: 'b' }] }))));
    expect(odd.data).not.toHaveProperty('product');
    expect(odd.findings).toEqual([]);
  });

  it('mirror-state and cms-replication', async () => {
    const mirror = await one(mirrorStateCollector.run({ pools: ['p.contoso.test'] }, ctxFor(() => ({ product: 'lync2013', databases: [] }))));
    expect(mirror.data.product).toBe('lync2013');
    const cms = await one(cmsReplicationCollector.run({}, ctxFor(() => ({ product: 'sfb2015', replicas: [{ replicaFqdn: 'fe1', upToDate: true }] }))));
    expect(cms.data).toEqual({ replicas: [expect.objectContaining({ replicaFqdn: 'fe1' })], product: 'sfb2015' });
    const bad = await one(cmsReplicationCollector.run({}, ctxFor(() => ({ product: 'lync2010', replicas: [{ replicaFqdn: 'fe1', upToDate: true }] }))));
    expect(bad.data).not.toHaveProperty('product');
    expect(bad.ok).toBe(true);
  });
});
