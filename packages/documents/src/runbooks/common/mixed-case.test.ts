import { describe, expect, it } from 'vitest';
import { buildInventory } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import { restoreBackEndRunbook } from '../restore/back-end';
import { restorePoolRunbook } from '../restore/pool';
import { restoreScenarios } from '../../worksheets/restore-scenarios';
import { options, topology } from '../../testing/runbook-helpers';

/** The same deployment with the stores' and file stores' pool FQDNs in capitals (as another tool may write them). */
function shouting(t: Topology): Topology {
  const up = (s: string) => s.toUpperCase();
  return {
    ...t,
    sqlStores: t.sqlStores.map((s) => ({ ...s, pools: s.pools.map(up) })),
    fileStores: t.fileStores.map((f) => ({ ...f, pools: f.pools.map(up) })),
  };
}

describe('FQDNs in another case', () => {
  const t = topology({ mirrored: true });
  const loud = shouting(t);

  it('the documents find the same Back End and file store as the inventory (domain), whatever the case', () => {
    for (const rb of [restoreBackEndRunbook, restorePoolRunbook]) {
      expect(rb.applies(loud, options())).toBe(rb.applies(t, options()));
      expect(rb.build(loud, options())).toEqual(rb.build(t, options()));
    }
    const userData = (x: Topology) => buildInventory(x).items.filter((i) => i.id.startsWith('export:userdata@')).map((i) => [i.id, i.sqlInstance]);
    expect(userData(loud)).toEqual(userData(t));
    expect(userData(t).every(([, sql]) => sql !== null)).toBe(true);
    // The restore worksheet may echo a store's pool as the store writes it; it finds the same backup files and steps.
    const scenarios = (x: Topology) => JSON.stringify(restoreScenarios(x, buildInventory(t))).toLowerCase();
    expect(scenarios(loud)).toBe(scenarios(t));
  });
});
