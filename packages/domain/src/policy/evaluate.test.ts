import type { Observation } from '@lyncdr/protocol';
import { StatusSnapshot } from '@lyncdr/protocol';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type Evidence } from './index';

const H = 3_600_000;
const t0 = Date.parse('2026-11-22T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const daily = { id: 'sql:rtcxds@be1.contoso.test', name: 'rtcxds', frequency: { periodHours: 24 } };
const weekly = { id: 'export:configuration@global', name: 'Export-CsConfiguration', frequency: { periodHours: 168 } };

function ev(o: Partial<Observation> & { kind: string; subject: string }, at: number, over: Partial<Evidence> = {}): Evidence {
  const observation: Observation = { ok: true, findings: [], data: {}, lastGood: iso(at), ...o };
  return { observation, observedAt: iso(at), durationMs: 60_000, runOk: observation.ok, lastGoodEver: observation.ok ? (observation.lastGood ?? null) : null, ...over };
}

const run = (evidence: Evidence[], nowMs: number, rules = {}) =>
  evaluatePolicy({ deployment: 'contoso', items: [daily, weekly], evidence, rules, now: new Date(nowMs) });

describe('policy: period + grace', () => {
  const good = ev({ kind: 'sql-backup', subject: 'x', itemId: daily.id }, t0);

  it('is unknown without evidence and ok right after a good backup; the snapshot matches the worksheet format', () => {
    const snap = run([good], t0 + H);
    expect(StatusSnapshot.parse(snap)).toEqual(snap);
    expect(snap.items.find((i) => i.itemId === weekly.id)).toMatchObject({ status: 'unknown', reason: 'no agent has reported on this item yet' });
    expect(snap.items[0]).toMatchObject({ status: 'ok', ageSeconds: 3600, periodSeconds: 86_400, lastGood: iso(t0) });
  });

  it('a daily job that stops reporting goes late once period + grace (24 h + 6 h) has passed', () => {
    expect(run([good], t0 + 29 * H).items[0]?.status).toBe('ok');
    const late = run([good], t0 + 31 * H).items[0];
    expect(late).toMatchObject({ status: 'late', ageSeconds: 31 * 3600 });
    expect(late?.reason).toBe('last good backup 31 h ago; expected every 24 h (+6 h grace)');
    expect(run([good], t0 + 5 * 24 * H).items[0]?.reason).toMatch(/^last good backup 5 d ago/);
  });

  it('weekly periods work; a rule overrides period and grace', () => {
    const w = ev({ kind: 'exports', subject: 'x', itemId: weekly.id }, t0);
    expect(run([w], t0 + 200 * H).items[1]?.status).toBe('ok');
    expect(run([w], t0 + 211 * H).items[1]?.status).toBe('late');
    expect(run([good], t0 + 3 * H, { [daily.id]: { periodHours: 1, graceHours: 1 } }).items[0]?.status).toBe('late');
  });

  it('a failed run is failed with its findings in words, but keeps the last good time', () => {
    const bad = ev({ kind: 'sql-backup', subject: 'x', itemId: daily.id, ok: false, lastGood: null, findings: [{ code: 'E_CHAIN_GAP', message: 'log chain has a gap', path: 'x.trn', severity: 'error' }] }, t0 + H, { lastGoodEver: iso(t0) });
    const e = run([good, bad], t0 + 2 * H).items[0];
    expect(e).toMatchObject({ status: 'failed', lastGood: iso(t0) });
    expect(e?.reason).toContain('log chain has a gap (x.trn)');
  });

  it('matches evidence by subject when the collector does not know the item id', () => {
    const fs = { id: 'filestore:\\\\fs1\\lyncshare', name: 'File store', frequency: { periodHours: 24 } };
    const snap = evaluatePolicy({ deployment: null, items: [fs], evidence: [ev({ kind: 'file-store', subject: '\\\\FS1\\LyncShare' }, t0)], now: new Date(t0) });
    expect(snap.items[0]?.status).toBe('ok');
  });
});

describe('policy: matching the collectors\' subjects', () => {
  it('maps sql-files subjects <server>/<database> and export kinds to inventory ids', () => {
    const ids = [{ id: 'sql:rtcxds@sql01.contoso.test\\rtc', name: 'rtcxds', frequency: { periodHours: 24 } },
      { id: 'export:userdata@pool1.contoso.test', name: 'u1', frequency: { periodHours: 24 } },
      { id: 'export:userdata@pool2.contoso.test', name: 'u2', frequency: { periodHours: 24 } }];
    const snap = evaluatePolicy({
      deployment: null, items: ids, now: new Date(t0),
      evidence: [ev({ kind: 'sql-files', subject: 'sql01.contoso.test\\rtc/rtcxds' }, t0), ev({ kind: 'export', subject: 'export:userdata' }, t0)],
    });
    expect(snap.items.map((i) => i.status)).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('policy: run duration', () => {
  it('flags too slow and suspiciously fast runs against the rule, and against recent runs', () => {
    const e = (ms: number, recent?: number[]) => ev({ kind: 'sql-backup', subject: 'x', itemId: daily.id }, t0, { durationMs: ms, recentDurationsMs: recent });
    expect(run([e(3 * H)], t0 + H, { [daily.id]: { maxDurationMs: 2 * H } }).items[0]).toMatchObject({ status: 'late', reason: expect.stringContaining('too slow') });
    expect(run([e(1000)], t0 + H, { [daily.id]: { minDurationMs: 60_000 } }).items[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('suspiciously fast') });
    expect(run([e(500, [600_000, 610_000, 590_000])], t0 + H).items[0]?.status).toBe('failed');
    expect(run([e(600_000, [600_000, 610_000, 590_000])], t0 + H).items[0]?.status).toBe('ok');
  });
});

describe('policy: replication probes', () => {
  const steady = [
    { Identity: 'UserServices.PresenceFocus', ExportStatus: 'SteadyState', ImportStatus: 'NormalState' },
    { Identity: 'ConfServices.DataConf', ExportStatus: 'FinalState', ImportStatus: 'NormalState' },
    { Identity: 'CentralMgmt.CMSMaster', ExportStatus: 'NotInitialized', ImportStatus: 'NormalState' },
  ];
  const bs = (modules: unknown[], at: number, lastGood: number | null) =>
    ev({ kind: 'backup-service', subject: 'pool1.contoso.test', data: { BackupModules: modules }, ok: lastGood === at, lastGood: lastGood === null ? null : iso(lastGood) }, at, { lastGoodEver: lastGood === null ? null : iso(lastGood) });

  it('Backup Service: steady is ok; a backlog is late within the RPO and failed beyond it', () => {
    const get = (e: Evidence, now: number) => run([e], now).items.find((i) => i.itemId === 'backup-service:pool1.contoso.test');
    expect(get(bs(steady, t0, t0), t0)?.status).toBe('ok');
    const backlog = [{ ...steady[0], ExportStatus: 'NonSteadyState' }];
    expect(get(bs(backlog, t0 + 10 * 60_000, t0), t0 + 10 * 60_000)).toMatchObject({ status: 'late', reason: expect.stringContaining('UserServices.PresenceFocus export NonSteadyState') });
    expect(get(bs(backlog, t0 + 40 * 60_000, t0), t0 + 40 * 60_000)).toMatchObject({ status: 'failed', reason: expect.stringContaining('beyond the 30 min RPO') });
    expect(get(bs(steady, t0, t0), t0 + 3 * H)).toMatchObject({ status: 'late', reason: expect.stringContaining('no report from the agent') });
  });

  it('mirror state and CMS replication', () => {
    const m = ev({ kind: 'mirror-state', subject: 'pool1.contoso.test', ok: false, lastGood: null, data: { databases: [{ DatabaseName: 'rtcxds', StateOnPrimary: 'DatabaseInaccessibleOrMirroringNotEnabled' }] } }, t0, { lastGoodEver: null });
    expect(run([m], t0).items.find((i) => i.itemId === 'mirror:pool1.contoso.test')).toMatchObject({ status: 'failed', reason: expect.stringContaining('rtcxds: inaccessible or mirroring not enabled') });
    const c = ev({ kind: 'cms-replication', subject: 'global', data: { replicas: [{ ReplicaFqdn: 'fe1.contoso.test', UpToDate: true }, { ReplicaFqdn: 'edge1.contoso.test', UpToDate: false }] }, ok: false, lastGood: iso(t0 - 5 * 60_000) }, t0, { lastGoodEver: iso(t0 - 5 * 60_000) });
    expect(run([c], t0).items.find((i) => i.itemId === 'cms-replication:global')).toMatchObject({ status: 'late', reason: expect.stringContaining('edge1.contoso.test') });
  });
});

describe('policy: good-backup times ahead of the clock', () => {
  const at = (lastGood: string, over: Partial<Evidence> = {}) => ev({ kind: 'sql-backup', subject: 'x', itemId: daily.id, lastGood }, t0, over);
  const item = (evidence: Evidence[], nowMs = t0) => run(evidence, nowMs).items.find((i) => i.itemId === daily.id)!;

  it('never takes a time beyond the tolerated skew as a good backup, and never says a negative age as positive', () => {
    // Before: "last good backup 2912106 d ago, within 24 h + 6 h grace" and ok.
    const far = item([at('9999-12-31T00:00:00.000Z')]);
    expect(far).toMatchObject({ status: 'failed', reasonCode: 'item.futureLastGood', lastGood: null, ageSeconds: null });
    expect(far.reason).toMatch(/^the only good backup reported is dated 9999-12-31T00:00:00\.000Z, \d+ d \d+ h ahead of the planner's clock/);
    // A forged time stored as "newest ever" does not hide the real, late one.
    const hidden = item([at(iso(t0 - 40 * H), { lastGoodEver: '9999-12-31T00:00:00.000Z' })], t0);
    expect(hidden).toMatchObject({ status: 'late', lastGood: iso(t0 - 40 * H), ageSeconds: 40 * 3600 });
  });

  it('a time a little ahead (within 5 min) is 0 s old, not minutes ago', () => {
    const near = item([at(iso(t0 + 4 * 60_000))]);
    expect(near).toMatchObject({ status: 'ok', ageSeconds: 0 });
    expect(near.reason).toMatch(/^last good backup 0 s ago/);
  });

  it('formatDuration keeps the sign of a negative duration', async () => {
    const { formatDuration } = await import('./words');
    expect(formatDuration(-4 * 60_000)).toBe('-4 min');
    expect(formatDuration(-400)).toBe('0 s');
    expect(formatDuration(3 * 24 * H)).toBe('3 d');
  });
});
