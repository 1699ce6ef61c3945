import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, run } from '../../testing/run-cli';

const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-readiness-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const topo = ['--topology', example('two-site', 'topology.xml'), '--overlay', example('two-site', 'lyncdr.yaml')];
const P1 = 'pool01.contoso.example';
const P2 = 'pool02.contoso.example';
/** The CLI's test clock (run-cli.ts). */
const now = Date.parse('2026-11-22T20:00:00Z');
const ago = (s: number) => new Date(now - s * 1000).toISOString();
const entry = (itemId: string, status: string, ageSeconds: number, over: Record<string, unknown> = {}) => ({
  itemId, status, reason: status, lastGood: ago(ageSeconds), ageSeconds, periodSeconds: 3600, ...over,
});
const snapshot = (items: unknown[]) => {
  const file = path.join(tmp, `status-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ kind: 'lyncdr.status', v: 1, generatedAt: ago(60), deployment: null, items }));
  return file;
};
const healthy = [
  entry(`backup-service:${P1}`, 'ok', 120), entry(`backup-service:${P2}`, 'ok', 120), entry('cms-replication:global', 'ok', 120),
  entry(`mirror:${P1}`, 'ok', 120), entry(`mirror:${P2}`, 'ok', 120),
];

describe('lyncdr readiness', () => {
  it('with a healthy snapshot every goal is ready (exit 0); --json is the API shape', async () => {
    const r = await run(['readiness', ...topo, '--status', snapshot(healthy), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.generatedAt).toBe('2026-11-22T20:00:00.000Z');
    expect(d.goals.map((g: { goal: string; status: string }) => `${g.goal} ${g.status}`)).toEqual([
      'failover ready', 'failover ready', 'cms-failover ready', 'edge-failover ready', 'edge-failover ready', 'db-failover ready', 'db-failover ready',
    ]);
    const f = d.goals[0];
    expect(Object.keys(f)).toEqual(['goal', 'args', 'status', 'blockers', 'rpoSeconds', 'rtoMinutes', 'targets', 'facts', 'plan']);
    expect(f).toMatchObject({ args: { pool: P1 }, rpoSeconds: 180, targets: { rpoMinutes: 60, rtoMinutes: 120 } });
    expect(f.facts[0]).toEqual({ fact: `backupService:${P1}>${P2}`, value: 'SteadyState', source: `backup-service:${P1}`, ageSeconds: 60 });
  });

  it('a Backup Service ErrorState blocks the failover (exit 1), in words, in French too', async () => {
    const items = healthy.map((e) => (e.itemId === `backup-service:${P1}` ? entry(e.itemId, 'failed', 6 * 3600, { reason: `${P1} → partner, UserServices: export state ErrorState`, reasonCode: 'probe.findings' }) : e));
    const file = snapshot(items);
    const r = await run(['readiness', ...topo, '--status', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BLOCKED  Pool failover: ${P1}\n  RPO exposure 6 h 1 min (target 1 h); estimated RTO 35 min (target 2 h)\n  - Backup Service ErrorState for 6 h 1 min (${P1} → ${P2})`);
    expect(r.out).toContain(`  plan: lyncdr plan failover --pool ${P1} --topology `);
    const fr = await run(['readiness', ...topo, '--status', file, '--lang', 'fr']);
    expect(fr.code).toBe(1);
    expect(fr.out).toContain(`BLOQUÉ  Bascule de pool : ${P1}\n  exposition RPO 6 h 1 min (objectif 1 h) ; RTO estimé 35 min (objectif 2 h)`);
    expect(fr.out).toContain('service de sauvegarde en ErrorState depuis 6 h 1 min');
  });

  it('without a snapshot every fact is unknown: at risk, never assumed; bad input is exit 2', async () => {
    const r = await run(['readiness', ...topo, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.goals[0]).toMatchObject({ status: 'at-risk', rpoSeconds: null, blockers: [{ code: 'facts-unknown', step: null }] });
    expect((await run(['readiness'])).code).toBe(2);
    expect((await run(['readiness', ...topo, '--lang', 'de'])).code).toBe(2);
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"kind":"nope"}');
    expect((await run(['readiness', ...topo, '--status', bad])).code).toBe(2);
    expect((await run(['readiness', '--help'])).out).toMatch(/Exit codes: 0 no goal is blocked, 1 a goal is blocked, 2 bad input or usage/);
  });
});
