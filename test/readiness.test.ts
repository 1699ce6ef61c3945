/**
 * DR readiness end to end: a real planner (port 0, SQLite) with the two-site example, agents reporting over the
 * WebSocket protocol (backup-service, cms-replication, mirror-state, exports, sql-history, file-store), and the
 * planner's clock moved on by hand so that "for 6 h" is exact.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../apps/planner/src/cli/io';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../apps/planner/src/testing/test-planner';
import { repoRoot } from './planner-helpers';

const P1 = 'pool01.contoso.example';
const P2 = 'pool02.contoso.example';
const H = 3600;
const T0 = Date.parse('2026-12-01T06:00:00.000Z');
let clock = T0;
const now = () => new Date(clock);
const at = (secondsAgo: number) => new Date(clock - secondsAgo * 1000).toISOString();

interface Goal {
  goal: string; args: Record<string, string>; status: string; rpoSeconds: number | null; rtoMinutes: number | null;
  blockers: { code: string; message: string; step: number | null }[]; facts: { fact: string; value: unknown; source: string; ageSeconds: number | null }[];
  targets: { rpoMinutes: number | null; rtoMinutes: number | null } | null; plan: string;
}
const planners: TestPlanner[] = [];
afterAll(async () => {
  for (const p of planners) await p.stop();
});

const steady = [{ identity: 'UserServices.PresenceFocus', exportStatus: 'SteadyState', importStatus: 'NormalState', healthy: true }];
const synchronized = { databases: [{ databaseName: 'rtcxds', stateOnPrimary: 'Principal', stateOnMirror: 'Mirror', mirroringStatusOnPrimary: 'Synchronized', mirroringStatusOnMirror: 'Synchronized', status: 'synchronized' }] };

/** One round of reports from the agents; `bad` turns on the four faults of the scenario. */
async function reportAll(fe: SimAgent, sql: SimAgent, bad: boolean, logBackupAt: string): Promise<void> {
  const t = now().toISOString();
  const send = (agent: SimAgent, collector: string, observations: unknown[]) =>
    agent.report(`${collector}-${clock}-${Math.random().toString(36).slice(2, 8)}`, { collector, startedAt: t, finishedAt: t, ok: true, observations: observations as never });
  const backup = (pool: string, broken: boolean) => (broken
    ? { kind: 'backup-service', subject: pool, ok: false, lastGood: null, data: { modules: [{ ...steady[0], exportStatus: 'ErrorState', healthy: false }] },
      findings: [{ code: 'BACKUP_EXPORT_STATE', message: `${pool} → partner, UserServices.PresenceFocus: export state ErrorState (healthy: SteadyState or FinalState)`, path: null, severity: 'error' }] }
    : { kind: 'backup-service', subject: pool, ok: true, lastGood: t, findings: [], data: { modules: steady } });
  await send(fe, 'backup-service', [backup(P1, bad), backup(P2, false)]);
  await send(fe, 'cms-replication', [bad
    ? { kind: 'cms-replication', subject: 'cms', ok: false, lastGood: null, data: { replicas: [{ replicaFqdn: 'fe01.contoso.example', upToDate: true }, { replicaFqdn: 'fe02.contoso.example', upToDate: false, lastUpdateCreation: at(6 * H) }] },
      findings: [{ code: 'CMS_REPLICA_BEHIND', message: 'fe02.contoso.example: UpToDate is False', path: null, severity: 'error' }] }
    : { kind: 'cms-replication', subject: 'cms', ok: true, lastGood: t, findings: [], data: { replicas: [{ replicaFqdn: 'fe01.contoso.example', upToDate: true }, { replicaFqdn: 'fe02.contoso.example', upToDate: true }] } }]);
  await send(fe, 'mirror-state', [P1, P2].map((pool) => ({ kind: 'mirror-state', subject: pool, ok: true, lastGood: null, findings: [], data: synchronized })));
  // The newest CMS export's topology (exports collector, data.topology): with the fault, edge02's next hop is pool01.
  await send(fe, 'exports', [{ kind: 'export', subject: 'export:configuration', ok: true, lastGood: at(600), findings: [],
    data: { topology: { pools: [{ fqdn: 'edge02.contoso.example', kind: 'Edge', nextHop: bad ? P1 : P2 }], federation: { lyncEdge: 'edge01.contoso.example', xmppEdge: 'edge02.contoso.example' } } } }]);
  await send(fe, 'file-store', ['fs01', 'fs02'].map((fs) => ({
    kind: 'file-store', subject: `\\\\${fs}.contoso.example\\lyncshare`, itemId: `filestore:\\\\${fs}.contoso.example\\lyncshare`, ok: true, lastGood: at(20 * 60), findings: [], data: {},
  })));
  await send(sql, 'sql-history', ['LcsLog', 'LcsCDR', 'QoEMetrics'].map((db) => ({
    kind: 'sql-history', subject: `sqlmon01.contoso.example\\archmon/${db}`, ok: true, lastGood: db === 'LcsLog' ? logBackupAt : at(10 * 60), findings: [],
    data: { lastFull: { finish: at(10 * 60) }, lastLog: { finish: db === 'LcsLog' ? logBackupAt : at(10 * 60) } },
  })));
}

describe('DR readiness on the planner', () => {
  it('agents report a Backup Service ErrorState, a stale CMS replica, an Edge next hop on the failing pool and an old log backup: each is a blocker, the RPO says what would be lost, and every status change is an alert', async () => {
    const topology = await loadDeployment('examples/two-site/topology.xml', 'examples/two-site/lyncdr.yaml', repoRoot);
    // Evaluations only when the test asks (a report's own evaluation would wait a minute), so every alert is known.
    const p = await startTestPlanner({}, { topology, now, evaluateDebounceMs: 60_000 });
    planners.push(p);
    const reader = p.addAgent('ops', 'read');
    const get = async <T>(path: string): Promise<T> => {
      const r = await fetch(`${p.url}${path}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(r.status, path).toBe(200);
      return (await r.json()) as T;
    };
    const connect = async (name: string, capabilities: string[]) => {
      const a = await connectSimAgent(p.agentUrl, { agentId: name, token: p.addAgent(name), now });
      a.hello(false, capabilities);
      return a;
    };
    const fe = await connect('fe1', ['backup-service', 'cms-replication', 'mirror-state', 'exports', 'file-store']);
    const sql = await connect('sql1', ['sql-history']);
    try {
      expect((await fetch(`${p.url}/api/readiness`)).status).toBe(401);
      expect((await get<{ items: { itemId: string }[] }>('/api/status')).items.filter((i) => i.itemId.startsWith('readiness:'))).toEqual([]);
      expect((await get<{ goals: Goal[] }>('/api/readiness')).goals.map((g) => g.status)).toEqual(['at-risk', 'at-risk', 'at-risk', 'ready', 'ready', 'at-risk', 'at-risk']);

      // Healthy at T0: every goal ready.
      await reportAll(fe, sql, false, at(30 * 60));
      p.server.evaluator.evaluate();
      const before = await get<{ generatedAt: string; goals: Goal[] }>('/api/readiness');
      expect(before.generatedAt).toBe(new Date(T0).toISOString());
      expect(before.goals.map((g) => `${g.goal} ${Object.values(g.args).join(' ')}: ${g.status}`)).toEqual([
        `failover ${P1}: ready`, `failover ${P2}: ready`, 'cms-failover : ready',
        'edge-failover edge01.contoso.example lync: ready', 'edge-failover edge02.contoso.example xmpp: ready',
        `db-failover ${P1} User: ready`, `db-failover ${P2} User: ready`,
      ]);
      const f0 = before.goals[0]!;
      expect(f0).toMatchObject({ rpoSeconds: 30 * 60, targets: { rpoMinutes: 60, rtoMinutes: 120 }, blockers: [] });
      expect(f0.plan).toMatch(new RegExp(`^lyncdr plan failover --pool ${P1} --topology \\S+topology\\.xml --overlay \\S+lyncdr\\.yaml --down ${P1}$`));

      // Six hours later the agents report the four faults.
      clock = T0 + 6 * H * 1000;
      await reportAll(fe, sql, true, at(6 * H + 30 * 60));
      p.server.evaluator.evaluate();
      const after = await get<{ goals: Goal[] }>('/api/readiness');
      const failover = after.goals.find((g) => g.goal === 'failover' && g.args.pool === P1)!;
      expect(failover.status).toBe('blocked');
      expect(failover.blockers.map((b) => b.code)).toEqual(['edge-next-hop-on-failed-pool', 'backup-service-error', 'rpo-over-target']);
      const [hop, errorState, rpo] = failover.blockers;
      expect(hop!.message).toMatch(new RegExp(`^the Edge pool's next hop is the pool that failed: edge02\\.contoso\\.example still uses ${P1}; set it to ${P2} first`));
      expect(hop!.step).toBeGreaterThan(0);
      expect(errorState!.message).toBe(`Backup Service ErrorState for 6 h (${P1} → ${P2}): ${P2} does not hold ${P1}'s recent data`);
      // What would be lost: the oldest of the Backup Service backlog (6 h), the file store copy and the newest log backup per database.
      expect(failover.rpoSeconds).toBe(6 * H + 30 * 60);
      expect(rpo!.message).toBe('RPO exposure 6 h 30 min is over the 1 h target');
      expect(failover.facts).toEqual(expect.arrayContaining([
        { fact: `backupService:${P1}>${P2}`, value: 'ErrorState', source: `backup-service:${P1}`, ageSeconds: 0 },
        { fact: 'newestLogBackup:LcsLog@sqlmon01.contoso.example\\archmon', value: 6 * H + 30 * 60, source: 'sql:LcsLog@sqlmon01.contoso.example\\archmon', ageSeconds: 0 },
        { fact: 'newestLogBackup:LcsCDR@sqlmon01.contoso.example\\archmon', value: 600, source: 'sql:LcsCDR@sqlmon01.contoso.example\\archmon', ageSeconds: 0 },
        { fact: 'newestCopy:\\\\fs01.contoso.example\\lyncshare', value: 1200, source: 'filestore:\\\\fs01.contoso.example\\lyncshare', ageSeconds: 0 },
        { fact: 'edgeNextHop:edge02.contoso.example', value: P1, source: 'export:configuration', ageSeconds: 0 },
      ]));
      expect(after.goals.find((g) => g.goal === 'db-failover' && g.args.pool === P1)).toMatchObject({ status: 'at-risk', rpoSeconds: 6 * H + 30 * 60, blockers: [{ code: 'rpo-over-target' }] });
      const cms = after.goals.find((g) => g.goal === 'cms-failover')!;
      expect(cms.status).toBe('blocked');
      expect(cms.blockers.map((b) => [b.code, b.message])).toEqual([
        ['backup-service-error', `Backup Service ErrorState for 6 h (${P1} → ${P2}): ${P2} does not hold ${P1}'s recent data`],
        ['cms-replica-stale', 'CMS replica not up to date for 6 h: fe02.contoso.example'],
        ['rpo-over-target', 'RPO exposure 6 h is over the 1 h target'],
      ]);
      expect(cms.rpoSeconds).toBe(6 * H);
      // pool02's direction of the Backup Service is steady: it shares only the archiving store's old log backup, within its 24 h target.
      expect(after.goals.find((g) => g.goal === 'failover' && g.args.pool === P2)).toMatchObject({ status: 'ready', rpoSeconds: 6 * H + 30 * 60, targets: { rpoMinutes: 1440 } });

      // Every change of a goal's status is an alert, like a backup item's.
      const { alerts } = await get<{ alerts: { itemId: string; from: string | null; to: string; reason: string }[] }>('/api/alerts');
      const readiness = alerts.filter((a) => a.itemId.startsWith('readiness:'));
      // Before any DR fact was reported the goals are not status items (no alert); the first evaluation after the
      // agents reported finds them ready (first evidence, not news); then two are blocked and one is at risk.
      expect(readiness.filter((a) => a.from !== 'ok')).toEqual([]);
      expect(readiness.filter((a) => a.from === 'ok').map((a) => [a.itemId, a.from, a.to]).sort()).toEqual([
        ['readiness:cms-failover:global', 'ok', 'failed'],
        // The old log backup of the archiving store puts pool01's Back End failover over its 1 h RPO target too.
        [`readiness:db-failover:${P1}/User`, 'ok', 'late'],
        [`readiness:failover:${P1}`, 'ok', 'failed'],
      ]);
      expect(readiness.find((a) => a.itemId === `readiness:failover:${P1}`)?.reason).toMatch(/^blocked: the Edge pool's next hop is the pool that failed/);
      const status = await get<{ items: { itemId: string; status: string }[] }>('/api/status');
      expect(status.items.filter((i) => i.itemId.startsWith('readiness:')).map((i) => i.status).sort()).toEqual(['failed', 'failed', 'late', 'ok', 'ok', 'ok', 'ok']);
    } finally {
      fe.close();
      sql.close();
    }
  });

  it('with the bundled example and its demo agent, /api/readiness shows every goal', async () => {
    clock = Date.now();
    const topology = await loadDeployment('examples/two-site/topology.xml', 'examples/two-site/lyncdr.yaml', repoRoot);
    const p = await startTestPlanner({ demo: true }, { topology, now: () => new Date() });
    planners.push(p);
    const r = await fetch(`${p.url}/api/readiness`);
    expect(r.status).toBe(200);
    const d = (await r.json()) as { goals: Goal[] };
    expect(d.goals.map((g) => [g.goal, g.args])).toEqual([
      ['failover', { pool: P1 }], ['failover', { pool: P2 }], ['cms-failover', {}],
      ['edge-failover', { pool: 'edge01.contoso.example', federation: 'lync' }], ['edge-failover', { pool: 'edge02.contoso.example', federation: 'xmpp' }],
      ['db-failover', { pool: P1, type: 'User' }], ['db-failover', { pool: P2, type: 'User' }],
    ]);
    // The demo agent reports backup folders only: the Backup Service, CMS and mirror facts are unknown, never assumed.
    expect(d.goals[0]).toMatchObject({ status: 'at-risk', rpoSeconds: null, blockers: [expect.objectContaining({ code: 'facts-unknown' })] });
  });
});
