import { describe, expect, it } from 'vitest';
import { createSampleTopology } from '@lyncdr/domain';
import { sqlName } from '@lyncdr/topology';
import { topologyChangesInWords } from './topology-diff';

describe('topology changes in words', () => {
  it('names added and removed pools, machines and pairs in words', () => {
    const before = createSampleTopology();
    const pool = before.pools[0]!;
    const after = {
      ...before,
      pools: [{ ...pool, machines: [...pool.machines, 'fe99.contoso.example'] }, ...before.pools.slice(2)],
      pairs: [] as [string, string][],
    };
    const words = topologyChangesInWords(before, after);
    expect(words).toContain(`pool ${pool.fqdn}: machine added fe99.contoso.example`);
    expect(words).toContain(`pool removed: ${before.pools[1]!.fqdn}`);
    if (before.pairs.length) expect(words).toContain(`backup pool pair removed: ${before.pairs[0]!.join(' ⇄ ')}`);
    expect(topologyChangesInWords(null, after)).toEqual([]);
    expect(topologyChangesInWords(before, before)).toEqual([]);
  });

  it('says when the Central Management store moved and when a SQL store gains a mirror', () => {
    const before = createSampleTopology();
    if (!before.cms) throw new Error('the sample topology has a CMS');
    const be = before.sqlStores.find((s) => s.kind === 'BackEnd')!;
    const after = {
      ...before,
      cms: { ...before.cms, pool: 'elsewhere.contoso.example' },
      sqlStores: before.sqlStores.map((s) => (s === be ? { ...s, mirror: { server: 'm.contoso.example', instance: null } } : s)),
    };
    const words = topologyChangesInWords(before, after);
    const cms = sqlName({ server: before.cms.sqlServer, instance: before.cms.instance });
    expect(words).toContain(`Central Management store moved: ${before.cms.pool} (${cms}) → elsewhere.contoso.example (${cms})`);
    expect(words).toContain(`SQL store BackEnd ${sqlName(be).toLowerCase()}: mirror ${be.mirror ? sqlName(be.mirror) : 'none'} → m.contoso.example`);
  });
});
