/**
 * `lyncdr plan` and `lyncdr plan check` as real child processes on the project's example deployment, and the DR
 * runbooks rendered to PDF and read back with pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drRunbooks } from '../packages/documents/src/index';
import { renderDocument } from '../packages/render/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument } from '../packages/topology/src/index';
import { readFileSync } from 'node:fs';
import { cliMain, repoRoot } from './planner-helpers';

const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-plan-scenario-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ex = (f: string): string => path.join(repoRoot, 'examples', 'two-site', f);
const topo = ['--topology', ex('topology.xml'), '--overlay', ex('lyncdr.yaml')];
const lyncdr = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cliMain, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });

describe('plan → plan check across processes', () => {
  it('an ABC rebuild plan replays cleanly; the same steps reordered are rejected with the rule and its reference', () => {
    const state = path.join(tmp, 'state.json');
    writeFileSync(state, JSON.stringify({ failedOver: {}, down: ['pool01.contoso.example'], cmsActive: null }));
    const r = lyncdr(['plan', 'rebuild', '--failed', 'pool01.contoso.example', '--new-fqdn', 'pool03.contoso.example', ...topo, '--state', state, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const planFile = path.join(tmp, 'plan.json');
    writeFileSync(planFile, r.stdout);
    const ok = lyncdr(['plan', 'check', planFile, ...topo, '--state', state, '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, violation: null });

    const steps = doc.steps as { n: number; command: string | null; op: { id: string } | null }[];
    const failover = steps.findIndex((s) => s.op?.id === 'pool-failover');
    const cms = steps.findIndex((s) => s.op?.id === 'cms-failover');
    expect(cms).toBeGreaterThan(-1);
    const swapped = [...steps];
    [swapped[cms], swapped[failover]] = [swapped[failover]!, swapped[cms]!];
    const badFile = path.join(tmp, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ steps: swapped }));
    const bad = lyncdr(['plan', 'check', badFile, ...topo, '--state', state]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`step ${steps[failover]!.n} breaks rule cms-before-pool`));
    expect(bad.stdout).toMatch(/reference: lync-server-2013-failing-over-a-pool\.md/);
  });
});

describe('DR runbooks in print', () => {
  const t = applyOverlay(parseTopologyDocument(new Uint8Array(readFileSync(ex('topology.xml'))), { file: 'topology.xml' }), parseOverlay(readFileSync(ex('lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));

  it.each([['pool-failover', 'en'], ['pool-failback', 'fr'], ['abc-rebuild', 'fr'], ['xmpp-failover', 'en']] as const)('%s (%s) renders to a PDF whose text carries the exact commands', async (id, lang) => {
    const spec = drRunbooks.find((r) => r.id === id)!;
    const doc = spec.build(t, { lang, pools: ['pool01.contoso.example'], now: '2026-11-22T20:00:00Z', inputRevision: 'test' });
    const pdf = path.join(tmp, `${id}-${lang}.pdf`);
    writeFileSync(pdf, (await renderDocument(doc, { format: 'pdf' })) as Uint8Array);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const expected: Record<string, RegExp[]> = {
      'pool-failover': [/Invoke-CsPoolFailOver -PoolFqdn pool01\.contoso\.example -DisasterMode/, /pool that suffered the disaster/],
      'pool-failback': [/Invoke-CsPoolFailBack -PoolFqdn pool01\.contoso\.example/, /restauration automatique/i],
      'abc-rebuild': [/Move-CsUser -Target/, /Remove-CsUserStoreBackupData -PoolFqdn pool02\.contoso\.example/, /basculement ABC/i],
      'xmpp-failover': [/-XmppFederationRoute EdgeServer:/, /ERRATUM/],
    };
    for (const re of expected[id]!) expect(text).toMatch(re);
  });
});
