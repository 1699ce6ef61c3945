import type { Observation, StatusEntry } from '@lyncdr/protocol';
import { evaluateDrillCadence } from '../drills/cadence';
import { evaluatePolicy } from '../policy/evaluate';
import type { Evidence, PolicyRule } from '../policy/model';

const H = 3_600_000;
const t0 = Date.parse('2026-11-22T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const item = { id: 'sql:rtcxds@be1.contoso.test', name: 'rtcxds', frequency: { periodHours: 24 } };

function ev(o: Partial<Observation> & { kind: string; subject: string }, at: number, over: Partial<Evidence> = {}): Evidence {
  const observation: Observation = { ok: true, findings: [], data: {}, lastGood: iso(at), ...o };
  return { observation, observedAt: iso(at), durationMs: 60_000, runOk: observation.ok, lastGoodEver: observation.ok ? (observation.lastGood ?? null) : null, ...over };
}

const error = (message: string, path?: string) => ({ code: 'E_X', message, path: path ?? null, severity: 'error' as const });
const steady = [
  { Identity: 'UserServices.PresenceFocus', ExportStatus: 'SteadyState', ImportStatus: 'NormalState' },
  { Identity: 'CentralMgmt.CMSMaster', ExportStatus: 'NotInitialized', ImportStatus: 'NormalState' },
];
const backlog = [{ Identity: 'UserServices.PresenceFocus', ExportStatus: 'NonSteadyState', ImportStatus: 'ImportBacklog' }, { identity: 'ConfServices.DataConf', healthy: false, exportStatus: 'NonSteadyState' }];
const probe = (kind: string, subject: string, data: Record<string, unknown>, at: number, healthyAt: number | null, o: Partial<Observation> = {}) =>
  ev({ kind, subject, data, ok: healthyAt === at, lastGood: healthyAt === null ? null : iso(healthyAt), ...o }, at, { lastGoodEver: healthyAt === null ? null : iso(healthyAt) });

/** Evidence that makes the policy give every kind of reason it has: one status entry per case. */
export function reasonSamples(): StatusEntry[] {
  const one = (evidence: Evidence[], nowMs: number, rule: PolicyRule = {}) =>
    evaluatePolicy({ deployment: null, items: [item], evidence, rules: { [item.id]: rule }, now: new Date(nowMs) }).items;
  const own = { kind: 'sql-backup', subject: 'x', itemId: item.id };
  const run = (durationMs: number) => ev(own, t0, { durationMs });
  const cms = (replicas: unknown[], at: number, healthyAt: number, o: Partial<Observation> = {}) =>
    evaluatePolicy({ deployment: null, items: [], evidence: [probe('cms-replication', 'global', { replicas }, at, healthyAt, o)], now: new Date(t0 + 40 * 60_000) }).items;
  return [
    ...one([], t0),
    ...one([ev({ ...own, ok: false, lastGood: null, findings: [error('log chain has a gap', 'x.trn'), error('a'), error('b')] }, t0)], t0 + H),
    ...one([ev({ ...own, ok: false, lastGood: null }, t0)], t0 + H),
    ...one([ev({ ...own, lastGood: null }, t0)], t0 + H),
    ...one([ev({ ...own, lastGood: '9999-12-31T00:00:00.000Z' }, t0)], t0 + H),
    ...one([ev(own, t0)], t0 + 31 * H),
    ...one([ev(own, t0)], t0 + 5 * 24 * H + 3 * H, { periodHours: 168 }),
    ...one([run(3 * H)], t0 + H, { maxDurationMs: 2 * H }),
    ...one([run(1000)], t0 + H, { minDurationMs: 60_000 }),
    ...one([ev({ ...own, findings: [{ code: 'W', message: 'old log', path: null, severity: 'warning' }] }, t0)], t0 + 2 * H + 60_000),
    ...evaluatePolicy({
      deployment: null, items: [], now: new Date(t0 + 40 * 60_000),
      evidence: [
        probe('backup-service', 'stale.contoso.test', { BackupModules: steady }, t0 - 3 * H, t0 - 3 * H),
        probe('backup-service', 'broken.contoso.test', {}, t0, null, { findings: [error('Get-CsBackupServiceStatus failed')] }),
        probe('backup-service', 'empty.contoso.test', { BackupModules: [] }, t0, t0),
        probe('backup-service', 'pool1.contoso.test', { BackupModules: steady, lagSeconds: 12.4 }, t0 + 40 * 60_000, t0 + 40 * 60_000),
        probe('backup-service', 'pool2.contoso.test', { BackupModules: backlog }, t0 + 40 * 60_000, t0 + 30 * 60_000),
        probe('backup-service', 'pool3.contoso.test', { BackupModules: backlog, lagSeconds: 3600 }, t0 + 40 * 60_000, t0),
        probe('backup-service', 'pool4.contoso.test', { BackupModules: backlog }, t0 + 40 * 60_000, null),
        probe('mirror-state', 'pool1.contoso.test', { databases: [] }, t0, t0),
        probe('mirror-state', 'pool2.contoso.test', { databases: [{ DatabaseName: 'rtcxds', MirroringStatusOnPrimary: 'Synchronized' }] }, t0, t0),
        probe('mirror-state', 'pool4.contoso.test', { databases: [], mirroring: 'not-supported' }, t0, t0),
        probe('mirror-state', 'pool3.contoso.test', { databases: [{ DatabaseName: 'rtcxds', StateOnPrimary: 'DatabaseInaccessibleOrMirroringNotEnabled' }, { DatabaseName: 'rtcab', MirroringStatusOnPrimary: 'Suspended' }] }, t0, null),
      ],
    }).items,
    ...cms([], t0, t0),
    ...cms([{ ReplicaFqdn: 'fe1.contoso.test', UpToDate: true }], t0, t0),
    ...cms([{ ReplicaFqdn: 'fe2.contoso.test', UpToDate: true }, { ReplicaFqdn: 'edge1.contoso.test', UpToDate: 'False' }], t0 + 35 * 60_000, t0 + 30 * 60_000),
    ...cms([{ ReplicaFqdn: 'fe3.contoso.test', UpToDate: true }], t0, t0 - 5 * H, { ok: false, findings: [error('replica fe3 refused the update')] }),
    ...evaluateDrillCadence({ failover: 180, 'cms-failover': 365, 'edge-failover': 90 }, [
      { goal: 'failover', kind: 'drill', finishedAt: iso(t0 - 200 * 24 * H) },
      { goal: 'cms-failover', kind: 'real', finishedAt: iso(t0 - 30 * 24 * H) },
    ], new Date(t0)),
  ];
}
