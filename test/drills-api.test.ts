/**
 * Drills over the planner's HTTP API, on a real planner (port 0, SQLite file) with the bundled example: two operators
 * run a pool failover drill step by step (a step fails with its output as evidence and is retried, one is skipped with a
 * reason, one is changed out of order), finish it, read every change back from the append-only events, read the report
 * PDF back with pdftotext; the drill cadence of lyncdr.yaml makes `drill:failover` late when it passes (injected clock).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardPlanner, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { repoRoot } from './planner-helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-drills-'));
const POOL = 'pool01.contoso.example';
let clock = Date.parse('2026-12-04T09:00:00.000Z');
let p: DashboardPlanner;
let alice: string;
let bob: string;
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftotext) console.warn('drills-api: pdftotext (poppler-utils) is absent; the report PDF is not read back');

beforeAll(async () => {
  const overlay = path.join(dir, 'lyncdr.yaml');
  writeFileSync(overlay, `${readFileSync(path.join(repoRoot, 'examples/two-site/lyncdr.yaml'), 'utf8')}\ndrills:\n  failover: 180\n  cms-failover: 365\n`);
  p = await startDashboardPlanner({ overlay, now: () => new Date(clock) });
  alice = p.addAgent('alice', 'admin');
  bob = p.addAgent('bob', 'admin');
});
afterAll(async () => {
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, asserted field by field
type Json = any;

async function call(method: string, url: string, token: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${p.url}${url}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : text };
}

const minutes = (m: number) => {
  clock += m * 60_000;
};

async function statusOf(itemId: string): Promise<{ status: string; reasonCode: string }> {
  await call('POST', '/api/evaluate', alice);
  const s = await call('GET', '/api/status', p.readToken);
  return s.json.items.find((i: { itemId: string }) => i.itemId === itemId);
}

describe('a pool failover drill through the API', () => {
  let id = '';
  let steps: { n: number; title: string; command: string | null }[] = [];

  it('a drill not yet run is late on the cadence', async () => {
    expect(await statusOf('drill:failover')).toMatchObject({ status: 'late', reasonCode: 'drill.never' });
  });

  it('starts from the plan of the goal, frozen, with the operator from the token', async () => {
    const r = await call('POST', '/api/runs', alice, { goal: 'failover', args: { pool: POOL, state: { down: [POOL] } }, kind: 'drill', title: 'Q4 failover drill' });
    expect(r.status).toBe(201);
    id = r.json.id;
    steps = r.json.steps;
    expect(id).toBe('run-20261204-0001');
    expect(r.json).toMatchObject({ kind: 'drill', operator: 'alice', goal: `failover --pool ${POOL}`, seq: 1, next: 1, outcome: null });
    expect(r.json.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(steps.map((s) => s.command)).toContain(`Invoke-CsPoolFailOver -PoolFqdn ${POOL} -DisasterMode -Verbose`);
    expect(steps.every((s: Json) => s.status === 'pending')).toBe(true);
    expect((await call('GET', '/api/runs', p.readToken)).json.runs).toEqual([{ id, kind: 'drill', title: 'Q4 failover drill', started: r.json.startedAt, finished: null, outcome: null }]);
    // A read token may look, not change.
    expect((await call('POST', `/api/runs/${id}/steps/1`, p.readToken, { status: 'running' })).status).toBe(403);
  });

  it('is done step by step by two operators: a failure with its output is retried, a step is skipped with a reason', async () => {
    minutes(1);
    expect((await call('POST', `/api/runs/${id}/steps/1`, alice, { status: 'running' })).status).toBe(200);
    minutes(2);
    const failed = await call('POST', `/api/runs/${id}/steps/1`, alice, { status: 'failed', note: 'access denied', evidence: { name: 'out.txt', text: 'Get-CsBackupServiceStatus : Access is denied.\nAt line:1 char:1' } });
    expect(failed.json.steps[0]).toMatchObject({ status: 'failed', notes: ['access denied'], evidence: [{ name: 'out.txt', excerpt: 'Get-CsBackupServiceStatus : Access is denied.\nAt line:1 char:1' }] });
    minutes(1);
    await call('POST', `/api/runs/${id}/steps/1`, bob, { status: 'running', note: 'retried as RTCUniversalServerAdmins' });
    minutes(2);
    const done = await call('POST', `/api/runs/${id}/steps/1`, bob, { status: 'done' });
    expect(done.json.steps[0]).toMatchObject({ status: 'done', operators: ['alice', 'bob'] });
    expect(done.json.next).toBe(2);
    // Skipping needs a reason; with one it is recorded.
    const noReason = await call('POST', `/api/runs/${id}/steps/2`, bob, { status: 'skipped' });
    expect([noReason.status, noReason.json.error?.code ?? noReason.json.code]).toEqual([409, 'E_RUN_TRANSITION']);
    minutes(1);
    const skipped = await call('POST', `/api/runs/${id}/steps/2`, bob, { status: 'skipped', reason: 'status of the failed pool cannot be read in a drill' });
    expect(skipped.json.steps[1]).toMatchObject({ status: 'skipped', reason: 'status of the failed pool cannot be read in a drill' });
    // Out of order needs a reason too.
    const last = steps.length;
    const early = await call('POST', `/api/runs/${id}/steps/${last}`, alice, { status: 'done' });
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.json)).toMatch(/comes after step/);
    for (const s of steps.slice(2)) {
      minutes(2);
      const r = await call('POST', `/api/runs/${id}/steps/${s.n}`, s.n % 2 ? alice : bob, { status: 'done' });
      expect(r.status).toBe(200);
    }
    const unknown = await call('POST', `/api/runs/${id}/steps/${last + 1}`, alice, { status: 'done' });
    expect(unknown.status).toBe(404);
  });

  it('finishes with the measured figures, and refuses changes afterwards', async () => {
    minutes(1);
    const r = await call('POST', `/api/runs/${id}/finish`, alice, { outcome: 'completed' });
    expect(r.status).toBe(200);
    expect(r.json.outcome).toBe('completed');
    const s = r.json.summary;
    const total = (clock - Date.parse('2026-12-04T09:00:00.000Z')) / 1000;
    expect(s.totalSeconds).toBe(total);
    expect(s.measuredRtoMinutes).toBeGreaterThan(0);
    expect(s.measuredRtoMinutes).toBeLessThanOrEqual(total / 60);
    expect(s.targetRtoMinutes).toBe(120);
    expect(s.microsoft).toEqual({ rtoMinutes: '30', rpoMinutes: '30', ref: 'lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md' });
    expect((await call('POST', `/api/runs/${id}/steps/1`, alice, { status: 'done', note: 'late note' })).status).toBe(409);
  });

  it('keeps every change as an append-only event: who, when, what', async () => {
    const r = await call('GET', `/api/runs/${id}/events`, p.readToken);
    const events = r.json.events as { seq: number; type: string; operator: string; at: string; n?: number; status?: string }[];
    const changes = events.filter((e) => e.type !== 'evidence.added');
    expect(changes.map((e) => e.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(changes[0]).toMatchObject({ type: 'run.started', operator: 'alice', at: '2026-12-04T09:00:00.000Z' });
    expect(changes.slice(1, 5).map((e) => [e.operator, e.n, e.status])).toEqual([['alice', 1, 'running'], ['alice', 1, 'failed'], ['bob', 1, 'running'], ['bob', 1, 'done']]);
    expect(events.filter((e) => e.type === 'evidence.added')).toHaveLength(1);
    expect(changes.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'completed' });
    // The 2 refusals (skip without reason, out of order) and the late note left no event.
    expect(changes).toHaveLength(1 + 4 + 1 + (steps.length - 2) + 1);
    const evidence = await fetch(`${p.url}/api/runs/${id}/evidence/e3`, { headers: { authorization: `Bearer ${p.readToken}` } });
    expect(await evidence.text()).toBe('Get-CsBackupServiceStatus : Access is denied.\nAt line:1 char:1');
  });

  it.skipIf(!hasPdftotext)('prints the drill report: steps, times, measured RTO, sign-off (en and fr)', async () => {
    for (const lang of ['en', 'fr']) {
      const res = await fetch(`${p.url}/api/runs/${id}/report.pdf?lang=${lang}`, { headers: { authorization: `Bearer ${p.readToken}` } });
      expect(res.status).toBe(200);
      const file = path.join(dir, `report-${lang}.pdf`);
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Q4 failover drill');
      expect(text).toContain(id);
      expect(text).toContain('Invoke-CsPoolFailOver');
      expect(text).toContain('alice');
      expect(text).toContain('bob');
      expect(text).toContain('status of the failed pool cannot be read in a drill');
      expect(text).toContain('RTO');
      expect(text).toContain(lang === 'en' ? 'Reviewer' : 'Vérificateur');
      expect(text).toContain(lang === 'en' ? 'Sign-off' : 'Vérificateur');
      expect(text).toContain('09:00');
    }
  });

  it('is on time for the cadence until 180 days pass, then the drill is overdue', async () => {
    expect(await statusOf('drill:failover')).toMatchObject({ status: 'ok', reasonCode: 'drill.ok' });
    expect(await statusOf('drill:cms-failover')).toMatchObject({ status: 'late', reasonCode: 'drill.never' });
    clock += 181 * 86_400_000;
    expect(await statusOf('drill:failover')).toMatchObject({ status: 'late', reasonCode: 'drill.overdue' });
    // The alert is logged once the notifier has handled the change (asynchronously): wait for it, bounded.
    const alerted = async () => ((await call('GET', '/api/alerts', p.readToken)).json.alerts as { itemId: string; to: string }[])
      .some((a) => a.itemId === 'drill:failover' && a.to === 'late');
    const deadline = Date.now() + 30_000;
    while (!(await alerted()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await alerted()).toBe(true);
  });
});
