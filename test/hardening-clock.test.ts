import { afterEach, describe, expect, it } from 'vitest';
import type { Payload } from '../packages/protocol/src/index';
import { connectSimAgent, sampleReport } from '../apps/planner/src/testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../apps/planner/src/testing/test-planner';

/**
 * An agent's clock (or a forged report) must not hide a missed backup: times later than the planner's clock plus the
 * tolerated skew are refused and shown on the agent's card, never used as the last good backup; an agent reports
 * only through the collectors it declared in its hello.
 */
const H = 3_600_000;
const T = Date.parse('2026-11-22T10:00:00.000Z');
const share = '\\\\fs1.contoso.test\\lyncshare';
const item = { id: `filestore:${share}`, name: 'File store', frequency: { periodHours: 24 } };
const iso = (ms: number) => new Date(ms).toISOString();

/** A file-store report whose run ended at `at` and whose newest good backup is `lastGood` (both planner-clock ms or ISO). */
function report(at: number, lastGood: string, over: Partial<Payload<'report'>> = {}): Partial<Payload<'report'>> {
  const base = sampleReport(new Date(at));
  return { ...base, observations: [{ ...base.observations[0]!, lastGood }], ...over };
}

interface AgentCard {
  name: string;
  clockOffsetMs: number | null;
  findings: { at: string; code: string; message: string; ref: string | null }[];
}

describe('clock skew and declared collectors', () => {
  let p: TestPlanner;
  afterEach(() => p.stop());

  const agents = async (read: string): Promise<AgentCard[]> =>
    ((await (await fetch(`${p.url}/api/agents`, { headers: { authorization: `Bearer ${read}` } })).json()) as { agents: AgentCard[] }).agents;
  const statusOf = () => p.server.evaluator.evaluate().items.find((i) => i.itemId === item.id);

  it('a lastGood in the far future is refused as E_CLOCK_SKEW on the agent card and the item does not turn ok', async () => {
    p = await startTestPlanner({}, { now: () => new Date(T), items: () => [item] });
    const read = p.addAgent('viewer', 'read');
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(T) });
    a.hello();
    // The last real backup is 40 h old: the item is late.
    await a.report('rep-fe1-000001', report(T, iso(T - 40 * H)));
    expect(statusOf()).toMatchObject({ status: 'late', lastGood: iso(T - 40 * H) });

    // The report is stored (the run happened) but its observation dated 9999-12-31 is refused.
    expect(await a.report('rep-fe1-000002', report(T, '9999-12-31T00:00:00.000Z'))).toEqual({ id: 'rep-fe1-000002', duplicate: false });
    const after = statusOf()!;
    expect(after.status).toBe('late');
    expect(after.lastGood).toBe(iso(T - 40 * H));
    expect(after.reason).not.toMatch(/d ago, within/);
    // …and it stays so after later reports.
    await a.report('rep-fe1-000003', report(T, iso(T - 39 * H)));
    expect(statusOf()).toMatchObject({ status: 'late', lastGood: iso(T - 39 * H) });
    expect(p.store.latestObservations()[0]!.lastGoodEver).toBe(iso(T - 39 * H));

    await a.report('rep-fe1-000004', report(T, iso(T)));
    const card = (await agents(read)).find((c) => c.name === 'fe1')!;
    expect(card.findings).toEqual([
      expect.objectContaining({ code: 'E_CLOCK_SKEW', ref: 'rep-fe1-000002', message: expect.stringMatching(/dated 9999-12-31T00:00:00\.000Z, .* ahead of the planner's clock/) }),
    ]);
    a.close();
  });

  it('a run dated beyond the skew is not stored: the agent is told and keeps it; within the skew it is taken', async () => {
    p = await startTestPlanner({}, { now: () => new Date(T), items: () => [item] });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(T) });
    a.hello();
    await expect(a.report('rep-fe1-000001', report(T + 6 * 60_000, iso(T)))).rejects.toMatchObject({ code: 'E_CLOCK_SKEW' });
    expect(p.store.hasReport('rep-fe1-000001', 'fe1')).toBe(false);
    // Four minutes ahead is within the default five: stored, and the age is never negative.
    expect(await a.report('rep-fe1-000002', report(T + 4 * 60_000, iso(T + 4 * 60_000)))).toMatchObject({ duplicate: false });
    const s = statusOf()!;
    expect(s.status).toBe('ok');
    expect(s.ageSeconds).toBe(0);
    expect(s.reason).toMatch(/^last good backup 0 s ago/);
    a.close();
  });

  it('the tolerated skew is configurable (ingest.clockSkewSeconds)', async () => {
    p = await startTestPlanner({ ingest: { clockSkewSeconds: 3600 } }, { now: () => new Date(T), items: () => [item] });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(T) });
    a.hello();
    expect(await a.report('rep-fe1-000001', report(T + 30 * 60_000, iso(T + 30 * 60_000)))).toMatchObject({ duplicate: false });
    await expect(a.report('rep-fe1-000002', report(T + 61 * 60_000, iso(T)))).rejects.toMatchObject({ code: 'E_CLOCK_SKEW' });
    a.close();
  });

  it('shows the agent clock offset on its card, with a finding when it is beyond the skew', async () => {
    p = await startTestPlanner({}, { now: () => new Date(T), items: () => [item] });
    const read = p.addAgent('viewer', 'read');
    const ahead = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(T + 10 * 60_000) });
    const inStep = await connectSimAgent(p.agentUrl, { agentId: 'fe2', token: p.addAgent('fe2'), now: () => new Date(T - 2000) });
    ahead.hello();
    inStep.hello();
    // A report after the hello: once it is acked, the hello's touch is committed too (same writer, earlier batch).
    await inStep.report('rep-fe2-000001', report(T, iso(T - H)));
    await ahead.report('rep-fe1-000001', report(T, iso(T - H))).catch(() => undefined);
    const cards = await agents(read);
    const fe1 = cards.find((c) => c.name === 'fe1')!;
    const fe2 = cards.find((c) => c.name === 'fe2')!;
    expect(fe1.clockOffsetMs).toBe(10 * 60_000);
    expect(fe1.findings[0]).toMatchObject({ code: 'E_CLOCK_SKEW', ref: null, message: expect.stringMatching(/the agent's clock is 10 min ahead of the planner's clock/) });
    expect(fe2.clockOffsetMs).toBe(-2000);
    expect(fe2.findings).toEqual([]);
    ahead.close();
    inStep.close();
  });

  it('an agent reports only through the collectors it declared, and only the kinds they produce', async () => {
    p = await startTestPlanner({}, { now: () => new Date(T), items: () => [item] });
    const read = p.addAgent('viewer', 'read');
    const token = p.addAgent('fe1');
    const silent = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token, now: () => new Date(T) });
    // No hello yet, and none stored: nothing is declared.
    await expect(silent.report('rep-fe1-000001', report(T, iso(T)))).rejects.toMatchObject({ code: 'E_COLLECTOR_UNDECLARED' });
    silent.close();
    await silent.closed;

    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token, now: () => new Date(T) });
    a.hello(false, ['file-store']);
    const sqlItem = 'sql:rtcxds@be1.contoso.test';
    await expect(a.report('rep-fe1-000002', {
      collector: 'sql-files', observations: [{ kind: 'sql-files', subject: 'rtcxds', itemId: sqlItem, lastGood: iso(T), ok: true, findings: [], data: {} }],
    })).rejects.toMatchObject({ code: 'E_COLLECTOR_UNDECLARED', message: expect.stringMatching(/"sql-files", which this agent did not declare in its hello \(it declared file-store\)/) });
    // A declared collector smuggling an observation of another kind: that observation is refused, the rest kept.
    const base = report(T, iso(T - H));
    await a.report('rep-fe1-000003', {
      ...base, observations: [...base.observations!, { kind: 'sql-files', subject: 'rtcxds', itemId: sqlItem, lastGood: iso(T), ok: true, findings: [], data: {} }],
    });
    expect(p.store.latestObservations().map((o) => o.key)).toEqual([`file-store|${item.id}`]);
    a.close();
    await a.closed;

    // A new connection without a hello uses the collectors of the last stored hello.
    const again = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token, now: () => new Date(T) });
    expect(await again.report('rep-fe1-000004', report(T, iso(T)))).toMatchObject({ duplicate: false });
    again.close();
    const codes = (await agents(read)).find((c) => c.name === 'fe1')!.findings.map((f) => f.code);
    expect(codes).toEqual(['E_KIND_NOT_COVERED', 'E_COLLECTOR_UNDECLARED', 'E_COLLECTOR_UNDECLARED']);
  });
});
