/**
 * Documented steps the goals must print (issue: edge failback, Group Call Pickup, the CMS pool's backup relationship,
 * disaster forms of a rebuild), on a deployment built here: three sites, two pairs, the CMS on a pool of the second pair.
 */
import { describe, expect, it } from 'vitest';
import { buildState, plan, type Plan } from '../index';
import { buildTopology } from '../testing/build-topology';

const t = buildTopology({
  sites: [{ id: '1', name: 'Lisbon' }, { id: '2', name: 'Porto' }, { id: '3', name: 'Faro' }],
  pools: [
    { fqdn: 'fe-a.fabrikam.test', site: '1', machines: ['fe-a1.fabrikam.test'], edgePool: 'edge-l.fabrikam.test', sql: { server: 'sql-a.fabrikam.test' } },
    { fqdn: 'fe-b.fabrikam.test', site: '2', machines: ['fe-b1.fabrikam.test'], edgePool: 'edge-p.fabrikam.test', sql: { server: 'sql-b.fabrikam.test' } },
    { fqdn: 'fe-c.fabrikam.test', site: '2', machines: ['fe-c1.fabrikam.test'], sql: { server: 'sql-c.fabrikam.test' } },
    { fqdn: 'fe-d.fabrikam.test', site: '3', machines: ['fe-d1.fabrikam.test'], sql: { server: 'sql-d.fabrikam.test' } },
    { fqdn: 'edge-l.fabrikam.test', site: '1', kind: 'Edge', machines: ['edge-l1.fabrikam.test', 'edge-l2.fabrikam.test'], nextHop: 'fe-a.fabrikam.test' },
    { fqdn: 'edge-p.fabrikam.test', site: '2', kind: 'Edge', machines: ['edge-p1.fabrikam.test'], nextHop: 'fe-b.fabrikam.test' },
  ],
  pairs: [['fe-a.fabrikam.test', 'fe-b.fabrikam.test'], ['fe-c.fabrikam.test', 'fe-d.fabrikam.test']],
  cmsPool: 'fe-c.fabrikam.test',
});
const A = 'fe-a.fabrikam.test';
const commands = (p: Plan): string[] => p.steps.map((s) => s.command ?? '');
const at = (p: Plan, re: RegExp): number => p.steps.findIndex((s) => s.command !== null && re.test(s.command));

describe('plan failover: step 2 of failing-over-a-pool (the CMS pool\'s backup relationship)', () => {
  it('finds the backup pool of the CMS pool between locating the CMS and checking its availability', () => {
    const p = plan({ kind: 'failover', pool: A }, buildState(t, { down: [A] }), t);
    const locate = at(p, /^Invoke-CsManagementServerFailover -WhatIf$/);
    const relation = at(p, /^Get-CsPoolBackupRelationship -PoolFqdn fe-c\.fabrikam\.test$/);
    const status = at(p, /^Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus$/);
    expect(locate).toBeGreaterThan(-1);
    expect(relation).toBe(locate + 1);
    expect(status).toBe(relation + 1);
    expect(p.steps[relation]?.ref).toBe('lync-server-2013-failing-over-a-pool.md');
  });

  it('prints the same step in plan cms-failover (one definition)', () => {
    const p = plan({ kind: 'cms-failover' }, buildState(t, {}), t);
    const failover = plan({ kind: 'failover', pool: A }, buildState(t, { down: [A] }), t);
    const pick = (x: Plan) => x.steps.find((s) => s.command?.startsWith('Get-CsPoolBackupRelationship'));
    expect(pick(p)?.command).toBe('Get-CsPoolBackupRelationship -PoolFqdn fe-c.fabrikam.test');
    expect({ ...pick(p), n: 0, on: null }).toEqual({ ...pick(failover), n: 0, on: null });
  });
});
