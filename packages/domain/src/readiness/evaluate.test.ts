import type { StatusEntry } from '@lyncdr/protocol';
import { describe, expect, it } from 'vitest';
import { twoSiteTopology } from '../dr/testing/build-topology';
import type { Evidence } from '../policy/model';
import { evaluateReadiness } from './evaluate';
import { readinessEntries } from './entries';

const now = new Date('2026-12-01T12:00:00.000Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
const H = 3600;
const entry = (itemId: string, status: StatusEntry['status'], ageSeconds: number | null, over: Partial<StatusEntry> = {}): StatusEntry => ({
  itemId, status, reason: status, lastGood: ageSeconds === null ? null : ago(ageSeconds), ageSeconds, periodSeconds: H, ...over,
});
const healthy: StatusEntry[] = [
  entry('backup-service:p1.contoso.com', 'ok', 60),
  entry('backup-service:p2.contoso.com', 'ok', 60),
  entry('cms-replication:global', 'ok', 60),
  entry('mirror:p1.contoso.com', 'ok', 60),
  entry('mirror:p2.contoso.com', 'ok', 60),
];
const goalOf = (r: ReturnType<typeof evaluateReadiness>, goal: string, pool?: string) =>
  r.goals.find((g) => g.goal === goal && (pool === undefined || g.args.pool === pool));

describe('readiness', () => {
  it('plans every goal; with healthy, fresh facts each is ready, with its RPO, RTO and the plan command', () => {
    const r = evaluateReadiness(twoSiteTopology(), { items: healthy, judgedAt: now.toISOString(), now });
    expect(r.goals.map((g) => [g.goal, g.args])).toEqual([
      ['failover', { pool: 'p1.contoso.com' }], ['failover', { pool: 'p2.contoso.com' }], ['cms-failover', {}],
      ['edge-failover', { pool: 'edge1.contoso.com', federation: 'lync' }], ['edge-failover', { pool: 'edge1.contoso.com', federation: 'xmpp' }],
      ['db-failover', { pool: 'p1.contoso.com', type: 'User' }], ['db-failover', { pool: 'p2.contoso.com', type: 'User' }],
    ]);
    for (const g of r.goals) expect(g, g.goal).toMatchObject({ status: 'ready', blockers: [], targets: null });
    const f = goalOf(r, 'failover', 'p1.contoso.com');
    expect(f?.rpoSeconds).toBe(60);
    expect(f?.rtoMinutes).toBeGreaterThan(0);
    expect(f?.plan).toMatch(/^lyncdr plan failover --pool p1\.contoso\.com --topology \S+ --down p1\.contoso\.com$/);
    expect(f?.facts).toContainEqual({ fact: 'backupService:p1.contoso.com>p2.contoso.com', value: 'SteadyState', source: 'backup-service:p1.contoso.com', ageSeconds: 0 });
    expect(readinessEntries(r).map((e) => [e.itemId, e.status])).toContainEqual(['readiness:edge-failover:edge1.contoso.com/lync', 'ok']);
    expect(readinessEntries(r)[0]).toEqual({
      itemId: 'readiness:failover:p1.contoso.com', status: 'ok', reason: `ready: RPO exposure 1 min, estimated RTO ${f?.rtoMinutes} min`,
      lastGood: null, ageSeconds: null, periodSeconds: null,
    });
  });

  it('blocks on a Backup Service ErrorState and on an Edge next hop the printed plan does not move; a stale replica and old facts put goals at risk', () => {
    const items = healthy.map((e) => {
      if (e.itemId === 'backup-service:p1.contoso.com') return entry(e.itemId, 'failed', 6 * H, { reason: 'p1.contoso.com → partner, UserServices: export state ErrorState', reasonCode: 'probe.findings' });
      if (e.itemId === 'cms-replication:global') return entry(e.itemId, 'failed', 2 * H, { reasonCode: 'cms.notUpToDate', reasonParams: { stale: ['fe1-p2.contoso.com'], total: 4 } });
      if (e.itemId === 'mirror:p2.contoso.com') return entry(e.itemId, 'late', 60, { reasonCode: 'probe.noReport' });
      return e;
    });
    const exportEvidence: Evidence = {
      observation: { kind: 'export', subject: 'export:configuration', ok: true, lastGood: ago(60), findings: [], data: { topology: { pools: [{ fqdn: 'edge2.contoso.com', kind: 'Edge', nextHop: 'P1.contoso.com' }], federation: { lyncEdge: 'edge1.contoso.com', xmppEdge: null } } } },
      observedAt: ago(60), durationMs: 1000, runOk: true, lastGoodEver: ago(60),
    };
    const r = evaluateReadiness(twoSiteTopology(), { items: [...items, entry('export:configuration@global', 'ok', 60, { periodSeconds: 24 * H })], judgedAt: now.toISOString(), now, evidence: [exportEvidence] });
    const f = goalOf(r, 'failover', 'p1.contoso.com');
    expect(f?.status).toBe('blocked');
    expect(f?.blockers.map((b) => b.code)).toEqual(['edge-next-hop-on-failed-pool', 'backup-service-error']);
    expect(f?.blockers[0]?.message).toContain("the Edge pool's next hop is the pool that failed: edge2.contoso.com still uses p1.contoso.com; set it to p2.contoso.com first (the printed plan would fail at step");
    expect(f?.blockers[0]?.step).toBeGreaterThan(0);
    expect(f?.blockers[1]?.message).toMatch(/^Backup Service ErrorState for 6 h/);
    expect(f?.rpoSeconds).toBe(6 * H);
    expect(f?.facts).toContainEqual({ fact: 'edgeNextHop:edge2.contoso.com', value: 'p1.contoso.com', source: 'export:configuration', ageSeconds: 60 });
    const cms = goalOf(r, 'cms-failover');
    expect(cms?.status).toBe('blocked');
    expect(cms?.blockers.map((b) => b.code)).toEqual(['backup-service-error', 'cms-replica-stale']);
    expect(cms?.rpoSeconds).toBe(6 * H);
    const db2 = goalOf(r, 'db-failover', 'p2.contoso.com');
    expect(db2).toMatchObject({ status: 'at-risk', rpoSeconds: null, blockers: [{ code: 'facts-unknown', params: { facts: ['mirror:p2.contoso.com'] } }] });
    expect(readinessEntries(r).find((e) => e.itemId === 'readiness:failover:p1.contoso.com')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^blocked: the Edge pool's next hop/) });
  });

  it('a fact older than its period is unknown; an unpaired pool has no backup pool; targets come from the overlay', () => {
    const t = twoSiteTopology();
    t.overlay = { federation: {}, nextHops: {}, targets: { rpoMinutes: 30, rtoMinutes: 1, perPool: { 'P2.contoso.com': { rpoMinutes: 5 } } } } as unknown as NonNullable<typeof t.overlay>;
    const r = evaluateReadiness(t, { items: healthy, judgedAt: ago(3 * H), now });
    const f = goalOf(r, 'failover', 'p2.contoso.com');
    expect(f).toMatchObject({ status: 'at-risk', rpoSeconds: null, targets: { rpoMinutes: 5, rtoMinutes: 1 } });
    expect(f?.facts[0]).toMatchObject({ value: 'unknown', ageSeconds: 3 * H });
    expect(f?.blockers.map((b) => b.code)).toEqual(['facts-unknown', 'rto-over-target']);
    const t2 = twoSiteTopology();
    t2.pairs = [];
    for (const p of t2.pools) p.backupPool = null;
    const lone = evaluateReadiness(t2, { items: healthy, judgedAt: now.toISOString(), now });
    expect(goalOf(lone, 'failover', 'p1.contoso.com')).toMatchObject({ status: 'blocked', rtoMinutes: null, blockers: [{ code: 'no-backup-pool' }] });
  });

  it('a mirror not synchronized blocks the Back End failover; a Backup Service backlog puts the pool failover at risk', () => {
    const items = healthy.map((e) => {
      if (e.itemId === 'mirror:p1.contoso.com') return entry(e.itemId, 'failed', 2 * H, { reasonCode: 'mirror.notSynchronized', reasonParams: { databases: [{ name: 'rtcxds', state: 'Suspended' }] } });
      if (e.itemId === 'backup-service:p2.contoso.com') return entry(e.itemId, 'late', 20 * 60, { reasonCode: 'backupService.notSteady', reasonParams: { modules: [{ module: 'UserServices.PresenceFocus', export: 'NonSteadyState' }] } });
      return e;
    });
    const r = evaluateReadiness(twoSiteTopology(), { items, judgedAt: now.toISOString(), now });
    const db = goalOf(r, 'db-failover', 'p1.contoso.com');
    expect(db).toMatchObject({ status: 'blocked', rpoSeconds: 2 * H, blockers: [{ code: 'mirror-not-synchronized', message: 'the Back End mirror of p1.contoso.com is not synchronized: rtcxds: Suspended' }] });
    expect(db?.blockers[0]?.step).toBeGreaterThan(0);
    const f2 = goalOf(r, 'failover', 'p2.contoso.com');
    expect(f2).toMatchObject({ status: 'at-risk', rpoSeconds: 20 * 60, blockers: [{ code: 'backup-service-backlog', message: 'Backup Service NonSteadyState for 20 min (p2.contoso.com → p1.contoso.com): changes not yet copied would be lost' }] });
  });

  it('takes a pool whose agents have all been away for a while as down: its partner cannot be failed over to it', () => {
    const agents = (lastSeen: string, connected = false) => [
      { name: 'fe1-p2', host: 'FE1-P2', connected, lastSeen },
      { name: 'fe2-p2', host: 'fe2-p2.contoso.com', connected: false, lastSeen: ago(3 * H) },
    ];
    const judge = (a: ReturnType<typeof agents>) => evaluateReadiness(twoSiteTopology(), { items: healthy, judgedAt: now.toISOString(), now, agents: a });
    // Away for 20 minutes: p2 is down, so p1 has no running backup pool to fail over to.
    const away = judge(agents(ago(20 * 60)));
    const f = goalOf(away, 'failover', 'p1.contoso.com');
    expect(f?.status).toBe('blocked');
    expect(f?.blockers.map((b) => b.code)).toEqual(['plan-impossible']);
    expect(f?.blockers[0]?.message).toMatch(/p2\.contoso\.com.*is down/);
    expect(f?.facts).toContainEqual({ fact: 'poolReachable:p2.contoso.com', value: 'down', source: 'agents:fe1-p2,fe2-p2', ageSeconds: 20 * 60 });
    // Away for 2 minutes (an agent restart) or one agent connected: p2 counts as up.
    expect(goalOf(judge(agents(ago(120))), 'failover', 'p1.contoso.com')?.status).toBe('ready');
    const up = goalOf(judge(agents(ago(20 * 60), true)), 'failover', 'p1.contoso.com');
    expect(up?.status).toBe('ready');
    expect(up?.facts).toContainEqual({ fact: 'poolReachable:p2.contoso.com', value: 'up', source: 'agent:fe1-p2', ageSeconds: 0 });
    // No agent on a pool: nothing says it is down.
    expect(goalOf(judge([]), 'failover', 'p1.contoso.com')?.status).toBe('ready');
  });
});
