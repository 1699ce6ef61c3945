import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../testing/sim-agent';
import { clockOnHello, droppedOnHello, screenReport } from './screen-report';

const now = new Date('2026-11-22T10:00:00.000Z');
const min = 60_000;
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const screen = (over: Parameters<typeof sampleReport>[1], capabilities: string[] | null = ['file-store'], clockSkewMs = 5 * min) =>
  screenReport({ id: 'rep-00000001', payload: sampleReport(now, over), receivedAt: now, capabilities, clockSkewMs });
const obs = (lastGood: string | null, kind = 'file-store') => ({ kind, subject: 's', itemId: `i-${kind}`, lastGood, ok: true, findings: [], data: {} });

describe('screenReport', () => {
  it('keeps a report within the skew as it is', () => {
    const r = screen({ finishedAt: at(5 * min), observations: [obs(at(5 * min))] });
    expect(r).toEqual({ refused: null, observations: [obs(at(5 * min))], findings: [] });
  });

  it('refuses a whole report whose run ends (or starts) beyond the skew', () => {
    expect(screen({ finishedAt: at(5 * min + 1) }).refused).toMatchObject({ code: 'E_CLOCK_SKEW', ref: 'rep-00000001', message: expect.stringMatching(/finishedAt\), 5 min ahead of the planner's clock, more than the 5 min tolerated/) });
    expect(screen({ startedAt: at(2 * 60 * min) }).refused?.message).toMatch(/\(startedAt\), 2 h ahead/);
  });

  it('refuses one observation whose lastGood is beyond the skew, or whose kind its collector does not produce', () => {
    const r = screen({ observations: [obs('9999-12-31T00:00:00.000Z'), obs(at(-min)), obs(at(-min), 'sql-files')] });
    expect(r.refused).toBeNull();
    expect(r.observations).toEqual([obs(at(-min))]);
    expect(r.findings.map((f) => f.code)).toEqual(['E_CLOCK_SKEW', 'E_KIND_NOT_COVERED']);
  });

  it('refuses a collector the agent did not declare, or any report before a hello', () => {
    expect(screen({}, ['sql-files']).refused).toMatchObject({ code: 'E_COLLECTOR_UNDECLARED', message: expect.stringContaining('it declared sql-files') });
    expect(screen({}, null).refused?.message).toMatch(/before any hello/);
    expect(screen({}, []).refused?.code).toBe('E_COLLECTOR_UNDECLARED');
  });

  it('does not check the kinds of a collector it does not know (plug-ins, the demo)', () => {
    expect(screen({ collector: 'demo-folders', observations: [obs(at(0), 'demo-folder')] }, ['demo-folders']).observations).toHaveLength(1);
  });
});

describe('clockOnHello', () => {
  it('gives the offset, with a finding only beyond the skew, ahead or behind', () => {
    expect(clockOnHello(at(2 * min), now, 5 * min)).toEqual({ clockOffsetMs: 2 * min, findings: [] });
    expect(clockOnHello(at(-6 * min), now, 5 * min).findings[0]?.message).toMatch(/the agent's clock is 6 min behind the planner's clock/);
    expect(clockOnHello(at(6 * min), now, 5 * min).findings[0]).toMatchObject({ code: 'E_CLOCK_SKEW', ref: null });
  });
});

describe('droppedOnHello', () => {
  it('no drops, or no more than the card already tells: no finding', () => {
    expect(droppedOnHello(undefined, [], now)).toEqual([]);
    expect(droppedOnHello(0, [], now)).toEqual([]);
    const known = { at: at(-min), code: 'E_OUTBOX_DROPPED', message: 'm', ref: 'dropped:5' };
    expect(droppedOnHello(5, [known], now)).toEqual([]);
    expect(droppedOnHello(4, [known], now)).toEqual([]);
  });

  it('a count that grew gives one finding with the new drops and the total, the newest such finding counting', () => {
    const older = { at: at(-2 * min), code: 'E_OUTBOX_DROPPED', message: 'm', ref: 'dropped:2' };
    const newer = { at: at(-min), code: 'E_OUTBOX_DROPPED', message: 'm', ref: 'dropped:5' };
    const other = { at: at(-min), code: 'E_CLOCK_SKEW', message: 'm', ref: null };
    const [f, ...rest] = droppedOnHello(8, [other, newer, older], now);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'E_OUTBOX_DROPPED', ref: 'dropped:8', at: now.toISOString() });
    expect(f!.message).toContain('dropped 3 report(s)');
    expect(f!.message).toContain('(8 in all)');
    expect(droppedOnHello(3, [], now)[0]!.message).toContain('dropped 3 report(s) meant for this planner (3 in all)');
  });
});
