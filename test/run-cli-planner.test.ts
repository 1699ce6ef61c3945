/**
 * `lyncdr run` at a console against a real planner (port 0, the bundled example): start a drill of a CMS failover, tick
 * its steps (one with a file as evidence), finish it and write its report as Markdown — the same runs the dashboard
 * shows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardPlanner, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { run } from '../apps/planner/src/testing/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-run-cli-'));
let p: DashboardPlanner;
let common: string[];

beforeAll(async () => {
  p = await startDashboardPlanner();
  writeFileSync(path.join(dir, 'token'), p.addAgent('console-admin', 'admin'));
  common = ['--planner', p.url, '--token-file', path.join(dir, 'token')];
});
afterAll(async () => {
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('lyncdr run against a planner', () => {
  it('starts, ticks, finishes and prints the report of a drill', async () => {
    const start = await run(['run', 'start', '--goal', 'cms-failover', '--planned', '--title', 'CMS drill', '--json', ...common], dir);
    expect([start.code, start.err]).toEqual([0, '']);
    const view = JSON.parse(start.out) as { id: string; steps: { n: number; command: string | null }[]; operator: string };
    expect(view.operator).toBe('console-admin');
    expect(view.steps.some((s) => s.command?.startsWith('Invoke-CsManagementServerFailover'))).toBe(true);
    writeFileSync(path.join(dir, 'cms.txt'), 'ActiveMasterFqdn : fe1.contoso.example\n');
    for (const s of view.steps) {
      const args = ['run', 'step', view.id, String(s.n), '--status', 'done', ...(s.n === 1 ? ['--evidence', 'cms.txt', '--note', 'CMS located'] : []), ...common];
      const r = await run(args, dir);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(new RegExp(`^\\s+${s.n}\\. \\[done\\]`, 'm'));
    }
    const skipAgain = await run(['run', 'step', view.id, '1', '--status', 'running', ...common], dir);
    expect(skipAgain.code).not.toBe(0);
    expect(skipAgain.err).toContain('E_RUN_TRANSITION');
    const fin = await run(['run', 'finish', view.id, ...common], dir);
    expect([fin.code, fin.err]).toEqual([0, '']);
    expect(fin.out).toContain(`drill ${view.id} completed at`);
    expect(fin.out).toMatch(/^measured RTO: \d+ s — target 240 min, Microsoft 5 min \(lync-server-2013-central-management-store-failover\.md\), plan estimate 5 min$/m);
    const rep = await run(['run', 'report', view.id, '-o', 'report.md', ...common], dir);
    expect([rep.code, rep.err]).toEqual([0, '']);
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain('CMS drill');
    expect(md).toContain('Invoke-CsManagementServerFailover');
    expect(md).toContain('ActiveMasterFqdn : fe1.contoso.example');
    expect(md).toContain('console-admin');
  });
});
