import { describe, expect, it } from 'vitest';
import { createSampleTopology } from '@lyncdr/domain';
import { diffTopologies } from './topology-diff';

describe('topology diff', () => {
  it('names added and removed pools, machines and pairs in words', () => {
    const before = createSampleTopology();
    const pool = before.pools[0]!;
    const after = {
      ...before,
      pools: [{ ...pool, machines: [...pool.machines, 'fe99.contoso.example'] }, ...before.pools.slice(2)],
      pairs: [] as [string, string][],
    };
    const diff = diffTopologies(before, after);
    expect(diff).toContain(`machine in ${pool.fqdn} added: fe99.contoso.example`);
    expect(diff.some((d) => d.startsWith('pool removed: '))).toBe(true);
    if (before.pairs.length) expect(diff).toContain(`backup pool pair removed: ${before.pairs[0]!.join(' ⇄ ')}`);
    expect(diffTopologies(null, after)).toEqual([]);
    expect(diffTopologies(before, before)).toEqual([]);
  });
});
