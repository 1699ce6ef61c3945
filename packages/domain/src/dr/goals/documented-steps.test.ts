/**
 * Documented steps the goals must print (issue: edge failback, Group Call Pickup, the CMS pool's backup relationship,
 * disaster forms of a rebuild), on a deployment built here: three sites, two pairs, the CMS on a pool of the second pair.
 */
import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay } from '@lyncdr/topology';
import { buildState, plan, type Plan } from '../index';
import { buildTopology, type TopologySpec } from '../testing/build-topology';

const specOf = (): TopologySpec => ({
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
const t = buildTopology(specOf());
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

describe('plan edge-failback: steps 2–3 of failing-back-the-edge-pool… (federation moved back)', () => {
  const L = 'edge-l.fabrikam.test';
  const P = 'edge-p.fabrikam.test';
  const stateMoved = buildState(t, { federation: { lync: P, xmpp: P } });

  it('moves Lync and XMPP federation back when only the state says where they run (topology and overlay silent)', () => {
    const p = plan({ kind: 'edge-failback', pool: L }, stateMoved, t);
    const ops = p.steps.map((s) => s.op?.id).filter(Boolean);
    expect(ops).toContain('lync-federation-route');
    expect(ops).toContain('xmpp-federation-route');
    const tb = p.steps.find((s) => s.op?.id === 'lync-federation-route');
    expect(tb?.manual).toBe(true);
    expect(tb?.ref).toBe('lync-server-2013-failing-back-the-edge-pool-used-for-lync-server-federation-or-xmpp-federation.md');
    expect(tb?.instructions.map((i) => i.code)).toEqual(['lyncFederation.open', 'lyncFederation.clear', 'lyncFederation.tick', 'lyncFederation.publish']);
    expect(tb?.instructions[2]?.params).toEqual({ to: L });
    expect(p.steps.filter((s) => s.title.code === 'lyncFederation.wizard.title').map((s) => s.instructions.map((i) => i.code))).toEqual([
      ['lyncFederation.wizard.open', 'lyncFederation.wizard.runAgain'], ['lyncFederation.wizard.open', 'lyncFederation.wizard.runAgain'],
    ]);
    expect(p.steps.filter((s) => s.manual && s.on !== null && /edge-l[12]/.test(s.on)).map((s) => s.on)).toEqual(['edge-l1.fabrikam.test', 'edge-l2.fabrikam.test']);
    expect(commands(p)).toContain('Set-CsSite -Identity "Lisbon" -XmppFederationRoute EdgeServer:edge-l.fabrikam.test');
    const codes = p.steps.flatMap((s) => [s.title.code, ...s.instructions.map((i) => i.code)]);
    expect(codes).toEqual(expect.arrayContaining(['xmpp.dns.aRecordFailback', 'xmpp.dns.srv', 'xmpp.port.firewall']));
    expect(p.finalState.federation).toEqual({ lync: L, xmpp: L });
    expect(p.warnings).toContainEqual({ code: 'warn.federationSource.lync', params: { edge: P, source: { code: 'source.state', params: {} } } });
  });

  it('does not move a route whose home (overlay, then topology) is another Edge pool', () => {
    const homed = buildTopology({ ...specOf(), federation: { lync: P, xmpp: L } });
    const p = plan({ kind: 'edge-failback', pool: L }, buildState(homed, { federation: { lync: P, xmpp: P } }), homed);
    expect(p.steps.some((s) => s.op?.id === 'lync-federation-route')).toBe(false);
    expect(p.steps.some((s) => s.op?.id === 'xmpp-federation-route')).toBe(true);
    expect(p.warnings).toContainEqual({ code: 'warn.federationSource.xmpp', params: { edge: P, source: { code: 'source.state', params: {} } } });
  });

  it('edge-failover reads the same facts and names the source it used', () => {
    const homed = buildTopology({ ...specOf(), federation: { lync: L, xmpp: L } });
    const p = plan({ kind: 'edge-failover', pool: L }, buildState(homed, { down: [L] }), homed);
    expect(p.warnings).toContainEqual({ code: 'warn.federationSource.lync', params: { edge: L, source: { code: 'source.topology', params: {} } } });
    const back = plan({ kind: 'edge-failback', pool: L }, { ...p.finalState, down: [] }, homed);
    expect(back.finalState.federation).toEqual({ lync: L, xmpp: L });
    const silent = plan({ kind: 'edge-failover', pool: L }, buildState(t, { down: [L], federation: { lync: L } }), t);
    expect(silent.steps.some((s) => s.op?.id === 'lync-federation-route')).toBe(true);
    expect(silent.steps.some((s) => s.op?.id === 'xmpp-federation-route')).toBe(false);
  });
});

describe('Group Call Pickup ranges follow the users (manage-group-call-pickup-during-disaster-recovery.md)', () => {
  const B = 'fe-b.fabrikam.test';
  const withRanges = applyOverlay(t, parseOverlay('groupPickup:\n  fe-a.fabrikam.test: ["Lisbon pickup 2", "Lisbon pickup 1"]\n  fe-b.fabrikam.test: []\n', { file: 'lyncdr.yaml' }));
  const pickup = (p: Plan): string[] => commands(p).filter((c) => c.startsWith('Set-CsCallParkOrbit'));

  it('failover redirects each GroupPickup range of the failed pool to the backup pool, after Invoke-CsPoolFailOver', () => {
    const p = plan({ kind: 'failover', pool: A }, buildState(withRanges, { down: [A] }), withRanges);
    expect(pickup(p)).toEqual([
      `Set-CsCallParkOrbit -Identity "Lisbon pickup 1" -CallParkService "service:ApplicationServer:${B}"`,
      `Set-CsCallParkOrbit -Identity "Lisbon pickup 2" -CallParkService "service:ApplicationServer:${B}"`,
    ]);
    expect(at(p, /^Set-CsCallParkOrbit/)).toBeGreaterThan(at(p, /^Invoke-CsPoolFailOver/));
    expect(p.finalState.groupPickup).toEqual({ 'Lisbon pickup 1': B, 'Lisbon pickup 2': B });
    expect(p.steps.find((s) => s.command?.startsWith('Set-CsCallParkOrbit'))?.ref).toBe('lync-server-2013-manage-group-call-pickup-during-disaster-recovery.md');
  });

  it('failback brings them back after Invoke-CsPoolFailBack; serve does the same', () => {
    const state = buildState(withRanges, { failedOver: { [A]: B }, groupPickup: { 'Lisbon pickup 1': B, 'Lisbon pickup 2': B } });
    const p = plan({ kind: 'failback', pool: A }, state, withRanges);
    expect(pickup(p)).toEqual([
      `Set-CsCallParkOrbit -Identity "Lisbon pickup 1" -CallParkService "service:ApplicationServer:${A}"`,
      `Set-CsCallParkOrbit -Identity "Lisbon pickup 2" -CallParkService "service:ApplicationServer:${A}"`,
    ]);
    expect(at(p, /^Set-CsCallParkOrbit/)).toBeGreaterThan(at(p, /^Invoke-CsPoolFailBack/));
    const s = plan({ kind: 'serve', usersOf: B, by: A }, state, withRanges);
    expect(pickup(s)).toEqual(pickup(p));
  });

  it('a rebuild reassigns the listed ranges of the lost pool to the new pool, before its services start', () => {
    const p = plan({ kind: 'rebuild', failed: A, newFqdn: 'fe-a2.fabrikam.test' }, buildState(withRanges, { down: [A] }), withRanges);
    expect(pickup(p).filter((c) => c.includes('-Identity "'))).toEqual([
      'Set-CsCallParkOrbit -Identity "Lisbon pickup 1" -CallParkService "service:ApplicationServer:fe-a2.fabrikam.test"',
      'Set-CsCallParkOrbit -Identity "Lisbon pickup 2" -CallParkService "service:ApplicationServer:fe-a2.fabrikam.test"',
    ]);
    const startC = p.steps.findIndex((s) => s.op?.args.stage === 'start-c');
    expect(at(p, /^Set-CsCallParkOrbit -Identity "Lisbon/)).toBeLessThan(startC);
    expect(p.finalState.groupPickup).toEqual({ 'Lisbon pickup 1': 'fe-a2.fabrikam.test', 'Lisbon pickup 2': 'fe-a2.fabrikam.test' });
  });

  it('prints one TBD line when the pool\'s ranges are unknown, and nothing when the overlay says it has none', () => {
    const p = plan({ kind: 'failover', pool: A }, buildState(t, { down: [A] }), t);
    expect(pickup(p)).toEqual([`Set-CsCallParkOrbit -Identity <TBD:0> -CallParkService "service:ApplicationServer:${B}"`]);
    expect(p.steps.find((s) => s.command?.startsWith('Set-CsCallParkOrbit'))?.blanks).toEqual([{ code: 'blank.groupPickupRange', params: { pool: A } }]);
    const none = plan({ kind: 'failover', pool: B }, buildState(withRanges, { down: [B] }), withRanges);
    expect(pickup(none)).toEqual([]);
  });
});

describe('plan rebuild --failed A: the pool is down, so the disaster forms (ABC page steps 2 and 7)', () => {
  it('uses the disaster CMS failover and Invoke-CsPoolFailOver -DisasterMode without a state file', () => {
    const cmsOnA = buildTopology({ ...specOf(), cmsPool: A });
    const p = plan({ kind: 'rebuild', failed: A, newFqdn: 'fe-a2.fabrikam.test' }, buildState(cmsOnA, {}), cmsOnA);
    expect(commands(p)).toContain(`Invoke-CsPoolFailOver -PoolFqdn ${A} -DisasterMode -Verbose`);
    expect(commands(p).some((c) => /^Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql-b\.fabrikam\.test .*-Force/.test(c))).toBe(true);
    expect(commands(p)).not.toContain('Invoke-CsManagementServerFailover -Verbose');
    expect(p.warnings.map((w) => w.code)).toContain('warn.rebuildNotDown');
  });
});
