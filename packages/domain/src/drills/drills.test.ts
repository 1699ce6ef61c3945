import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { buildState, describeGoal, plan, type Goal } from '../dr/index';
import { twoSiteTopology } from '../dr/testing/build-topology';
import { decideFinish, decideStep, evaluateDrillCadence, foldRun, microsoftTarget, rollbackGoal, summarizeRun, type RunEvent, type RunState, type StepChange } from './index';

const t = twoSiteTopology();
const goal: Goal = { kind: 'failover', pool: 'p1.contoso.com' };
const p = plan(goal, buildState(t, { down: ['p1.contoso.com'] }), t);
const T0 = Date.parse('2026-12-04T09:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

/** A run recorded as events, changed through decideStep/decideFinish as the planner does. */
function recorder() {
  const events: RunEvent[] = [{
    seq: 1, at: at(0), operator: 'alice', type: 'started',
    data: { kind: 'drill', title: 'Q4 drill', goal: describeGoal(goal), goalSpec: goal, stateInput: { down: ['p1.contoso.com'] }, steps: p.steps, warnings: p.warnings, fingerprint: 'f'.repeat(16), lyncdrVersion: '0.1.0', targetRtoMinutes: 60, microsoft: microsoftTarget(goal, 'lync2013') },
  }];
  const state = (): RunState => foldRun('run-1', events);
  return {
    events,
    state,
    step(min: number, operator: string, change: StepChange, replays?: (o: number[]) => boolean | null) {
      events.push({ seq: events.length + 1, at: at(min), operator, type: 'step', data: decideStep(state(), change, replays) });
      return state();
    },
    finish(min: number, outcome: 'completed' | 'abandoned') {
      events.push({ seq: events.length + 1, at: at(min), operator: 'alice', type: 'finished', data: decideFinish(state(), outcome) });
      return state();
    },
  };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LyncdrError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

const failoverStep = p.steps.find((s) => s.op?.id === 'pool-failover')!.n;

describe('a run', () => {
  it('is folded from its events: statuses, times, operators, notes, evidence; a failed step is retried', () => {
    const r = recorder();
    r.step(1, 'alice', { n: 1, status: 'running' });
    r.step(3, 'alice', { n: 1, status: 'failed', note: 'access denied' });
    r.step(4, 'bob', { n: 1, status: 'running', note: 'retry as RTCUniversalServerAdmins' });
    const s = r.step(6, 'bob', { n: 1, status: 'done', evidence: { id: 'e1', name: 'out.txt', size: 12, sha256: 'a'.repeat(64), excerpt: 'SteadyState' } });
    const one = s.steps[0]!;
    expect([one.status, one.startedAt, one.endedAt, one.failures]).toEqual(['done', at(1), at(6), 1]);
    expect(one.operators).toEqual(['alice', 'bob']);
    expect(one.notes).toEqual(['access denied', 'retry as RTCUniversalServerAdmins']);
    expect(one.evidence.map((e) => e.name)).toEqual(['out.txt']);
    expect(s.seq).toBe(5);
    // ticked done without a start: it began when the step before it ended
    const two = r.step(9, 'alice', { n: 2, status: 'done' }).steps[1]!;
    expect([two.startedAt, two.endedAt]).toEqual([at(6), at(9)]);
  });

  it('refuses changes the rules do not allow, with stable codes', () => {
    const r = recorder();
    r.step(1, 'alice', { n: 1, status: 'done' });
    expect(code(() => decideStep(r.state(), { n: 1, status: 'running' }))).toMatch(/^E_RUN_TRANSITION: step 1 is done; it cannot become running/);
    expect(code(() => decideStep(r.state(), { n: 1, status: 'done' }))).toMatch(/^E_RUN_TRANSITION: step 1 is already done/);
    expect(decideStep(r.state(), { n: 1, status: 'done', note: 'checked twice' })).toEqual({ n: 1, status: 'done', note: 'checked twice' });
    expect(code(() => decideStep(r.state(), { n: 2, status: 'skipped' }))).toMatch(/^E_RUN_TRANSITION: skipping step 2 needs a reason/);
    expect(code(() => decideStep(r.state(), { n: 99, status: 'done' }))).toMatch(/^E_RUN_STEP_UNKNOWN: run run-1 has no step 99/);
    expect(code(() => decideFinish(r.state(), 'completed'))).toMatch(/^E_RUN_NOT_DONE: steps 2, 3/);
    r.finish(5, 'abandoned');
    expect(code(() => decideStep(r.state(), { n: 2, status: 'done' }))).toMatch(/^E_RUN_FINISHED/);
    expect(code(() => foldRun('run-x', []))).toMatch(/^E_RUN_UNKNOWN/);
  });

  it('asks why a step is done out of order, records it, and what the checker says of the new order', () => {
    const r = recorder();
    expect(code(() => decideStep(r.state(), { n: 3, status: 'done' }))).toMatch(/^E_RUN_TRANSITION: step 3 comes after steps 1, 2, not done yet; say why/);
    r.step(1, 'alice', { n: 1, status: 'done' });
    let asked: number[] = [];
    const s = r.step(2, 'alice', { n: 3, status: 'done', reason: 'step 2 done by the DBA already' }, (order) => {
      asked = order;
      return false;
    });
    expect(asked).toEqual([1, 3]);
    const last = r.events.at(-1)!;
    expect(last.type === 'step' ? last.data.outOfOrder : null).toEqual({ open: [2], replays: false });
    expect(s.steps[2]!.reason).toBe('step 2 done by the DBA already');
  });

  it('measures the run: durations, the time until users are served again, the RTO against the targets', () => {
    const r = recorder();
    let m = 0;
    for (const s of p.steps) {
      m += 2;
      if (s.n === 2) r.step(m, 'bob', { n: s.n, status: 'skipped', reason: 'no Edge change needed in the drill' });
      else r.step(m, s.n % 2 ? 'alice' : 'bob', { n: s.n, status: 'done' });
    }
    const state = r.finish(m + 1, 'completed');
    const sum = summarizeRun(state);
    expect(sum.totalSeconds).toBe((m + 1) * 60);
    expect(sum.usersDownSeconds).toBe(failoverStep * 2 * 60);
    expect(sum.measuredRtoMinutes).toBe(failoverStep * 2);
    expect(sum.targetRtoMinutes).toBe(60);
    expect(sum.overTargetMinutes).toBe(failoverStep * 2 - 60);
    expect(sum.microsoft).toEqual({ rtoMinutes: '30', rpoMinutes: '30', ref: 'lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md' });
    expect(sum.estimateMinutes).toBe(p.steps.reduce((a, s) => a + (s.durationMinutes ?? 0), 0));
    expect(sum.steps[0]).toEqual({ n: 1, seconds: 120, estimateMinutes: p.steps[0]!.durationMinutes });
    expect(sum.events).toBe(p.steps.length + 2);
  });
});

describe('the rollback offered when a step fails', () => {
  it('is the failback of a failover, the Edge failback of an Edge failover, none for a rebuild', () => {
    expect(rollbackGoal(goal)).toEqual({ kind: 'failback', pool: 'p1.contoso.com' });
    expect(rollbackGoal({ kind: 'edge-failover', pool: 'e1' })).toEqual({ kind: 'edge-failback', pool: 'e1' });
    expect(rollbackGoal({ kind: 'rebuild', failed: 'a', newFqdn: 'c' })).toBeNull();
  });
});

describe("Microsoft's targets", () => {
  it('are 15–20/5 minutes for a Skype for Business pool, 30/30 for Lync 2013, 5/5 for the CMS', () => {
    expect(microsoftTarget(goal, 'sfb2019')).toEqual({ rtoMinutes: '15–20', rpoMinutes: '5', ref: 'docs-sfb/disaster-recovery.md' });
    expect(microsoftTarget({ kind: 'cms-failover' }, 'unknown')?.rtoMinutes).toBe('5');
    expect(microsoftTarget({ kind: 'edge-failback', pool: 'e' }, 'sfb2015')).toBeNull();
  });
});

describe('the drill cadence', () => {
  const now = new Date('2026-12-04T00:00:00.000Z');
  it('is ok within the cadence, late when the newest run is older or there is none (a real run counts)', () => {
    const items = evaluateDrillCadence({ failover: 180, 'cms-failover': 365, 'edge-failover': 90 }, [
      { goal: 'failover', kind: 'drill', finishedAt: '2026-05-01T10:00:00.000Z' },
      { goal: 'failover', kind: 'drill', finishedAt: '2026-03-01T10:00:00.000Z' },
      { goal: 'cms-failover', kind: 'real', finishedAt: '2026-11-01T10:00:00.000Z' },
    ], now);
    expect(items.map((i) => [i.itemId, i.status, i.reasonCode, i.lastGood])).toEqual([
      ['drill:cms-failover', 'ok', 'drill.ok', '2026-11-01T10:00:00.000Z'],
      ['drill:edge-failover', 'late', 'drill.never', null],
      ['drill:failover', 'late', 'drill.overdue', '2026-05-01T10:00:00.000Z'],
    ]);
    // the same run is on time a day before the cadence passes (injected clock)
    const before = evaluateDrillCadence({ failover: 180 }, [{ goal: 'failover', kind: 'drill', finishedAt: '2026-05-01T10:00:00.000Z' }], new Date('2026-10-27T10:00:00.000Z'));
    expect(before[0]?.status).toBe('ok');
  });
});
