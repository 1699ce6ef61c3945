import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, repoRoot, run } from '../../testing/run-cli';

const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-plan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, data: unknown): string => {
  const p = path.join(tmp, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};
const P1 = 'pool01.contoso.example';
const P2 = 'pool02.contoso.example';
const topo = ['--topology', example('two-site', 'topology.xml'), '--overlay', example('two-site', 'lyncdr.yaml')];

describe('lyncdr plan', () => {
  it('prints the DESIGN §4 JSON for a disaster failover: CMS first, then the pool with -DisasterMode', async () => {
    const state = write('down.json', { failedOver: {}, down: [P1], cmsActive: null });
    const r = await run(['plan', 'failover', '--pool', P1, ...topo, '--state', state, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const d = JSON.parse(r.out);
    expect(d.goal).toBe(`failover --pool ${P1}`);
    expect(Array.isArray(d.warnings)).toBe(true);
    for (const s of d.steps) expect(Object.keys(s)).toEqual(expect.arrayContaining(['n', 'title', 'command', 'check', 'on']));
    const cmds: (string | null)[] = d.steps.map((s: { command: string | null }) => s.command);
    const cms = cmds.findIndex((c) => c?.startsWith('Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql02.contoso.example'));
    const pool = cmds.indexOf(`Invoke-CsPoolFailOver -PoolFqdn ${P1} -DisasterMode -Verbose`);
    expect(cms).toBeGreaterThan(-1);
    expect(pool).toBeGreaterThan(cms);

    const steps = write('steps.json', { steps: d.steps });
    const ok = await run(['plan', 'check', steps, ...topo, '--state', state]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/replay cleanly/);
  });

  it("the seed's example: P1's users on P2, everyone to P1 → fail back P1, then fail over P2", async () => {
    const state = write('p1-on-p2.json', { failedOver: { [P1]: P2 }, down: [], cmsActive: P2 });
    const r = await run(['plan', 'serve', '--users-of', P2, '--by', P1, ...topo, '--state', state, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    const poolOps = d.steps.map((s: { command: string | null }) => s.command).filter((c: string | null) => c?.startsWith('Invoke-CsPool'));
    expect(poolOps).toEqual([`Invoke-CsPoolFailBack -PoolFqdn ${P1} -Verbose`, `Invoke-CsPoolFailOver -PoolFqdn ${P2} -Verbose`]);

    const wrong = write('wrong.json', { steps: [{ n: 1, title: 'x', command: `Invoke-CsPoolFailOver -PoolFqdn ${P2}`, check: null, on: null }] });
    const bad = await run(['plan', 'check', wrong, ...topo, '--state', state]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/step 1 breaks rule one-direction-at-a-time/);
    expect(bad.out).toMatch(/reference: lync-server-2013-managing-lync-server-disaster-recovery-high-availability-and-backup-service\.md/);
    const asJson = await run(['plan', 'check', wrong, ...topo, '--state', state, '--json']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.out).violation).toMatchObject({ stepN: 1, rule: 'one-direction-at-a-time' });
  });

  it('writes the plan as PDF (read back with pdftotext) and as French Markdown, atomically', async () => {
    const state = write('down2.json', { down: [P1] });
    const pdf = path.join(tmp, 'plan.pdf');
    const r = await run(['plan', 'failover', '--pool', P1, ...topo, '--state', state, '-o', pdf]);
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Invoke-CsPoolFailOver -PoolFqdn pool01\.contoso\.example/);
    expect(text).toMatch(/-DisasterMode/);
    const md = path.join(tmp, 'plan-fr.md');
    const f = await run(['plan', 'failover', '--pool', P1, ...topo, '--state', state, '-o', md, '--lang', 'fr']);
    expect(f.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const body = readFileSync(md, 'utf8');
    expect(body).toMatch(/Basculement des utilisateurs de pool01\.contoso\.example/);
    expect(body).toMatch(/restauration automatique/);
    expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['an unknown FQDN', ['plan', 'failover', '--pool', 'ghost.contoso.example', ...topo], /E_UNKNOWN_FQDN: .*ghost\.contoso\.example: no such pool/],
    ['a goal impossible from the state', ['plan', 'failback', '--pool', P1, ...topo], /E_PLAN_IMPOSSIBLE: .*not failed over/],
    ['an unknown goal', ['plan', 'teleport', ...topo], /E_USAGE: unknown goal "teleport"/],
    ['a missing option', ['plan', 'failover', ...topo], /E_USAGE: plan failover needs --pool/],
    ['a missing --topology', ['plan', 'failover', '--pool', P1], /E_USAGE: missing --topology/],
    ['a bad --lang', ['plan', 'failover', '--pool', P1, ...topo, '--lang', 'de'], /E_USAGE: --lang de/],
  ])('exits 2 without a stack trace on %s', async (_name, argv, re) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('exits 2 on a contradictory or malformed state file, naming the file and key', async () => {
    const both = write('both.json', { failedOver: { [P1]: P2, [P2]: P1 }, down: [], cmsActive: null });
    const r = await run(['plan', 'failover', '--pool', P1, ...topo, '--state', both]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_STATE: .*both\.json .*failedOver\..*both directions/);
    const toDown = write('to-down.json', { failedOver: { [P1]: P2 }, down: [P2] });
    expect((await run(['plan', 'failback', '--pool', P1, ...topo, '--state', toDown])).err).toMatch(/listed as down/);
    const broken = write('broken.json', '{\n  "failedOver": {,\n}');
    const b = await run(['plan', 'failover', '--pool', P1, ...topo, '--state', broken]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/E_STATE: .*broken\.json:2.*not valid JSON/);
  });

  it('exits 2 on a malformed steps file and writes no output file', async () => {
    const steps = write('bad-steps.json', { steps: [{ title: 'no command' }] });
    const r = await run(['plan', 'check', steps, ...topo]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_STEPS: .*bad-steps\.json steps\[0\]: steps\[0\] has neither "command" nor "op"/);
    const out = path.join(tmp, 'never.pdf');
    const n = await run(['plan', 'failover', '--pool', 'ghost.contoso.example', ...topo, '-o', out]);
    expect(n.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('prints --help with both forms and the exit codes', async () => {
    const r = await run(['plan', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/plan check steps\.json/);
    expect(r.out).toMatch(/Exit codes/);
  });

  it('runs as a real child process: --json prints exactly one JSON document', () => {
    const state = write('child.json', { down: [P1] });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/planner/src/cli/main.ts', 'plan', 'failover', '--pool', P1, ...topo, '--state', state, '--json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).steps.length).toBeGreaterThan(3);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'apps/planner/src/cli/main.ts', 'plan', 'failover', '--pool', 'ghost.x', ...topo], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
  });
});

describe('lyncdr plan: state facts on the command line (--down, --cms-on, --federation-on)', () => {
  it('--down gives the same plan as a state file; rebuild --failed defaults to the disaster forms', async () => {
    const state = write('p1-down.json', { down: [P1] });
    const withFile = await run(['plan', 'failover', '--pool', P1, ...topo, '--state', state, '--json']);
    const withFlag = await run(['plan', 'failover', '--pool', P1, ...topo, '--down', P1, '--json']);
    expect(withFlag.code).toBe(0);
    expect(withFlag.out).toBe(withFile.out);
    const rebuild = await run(['plan', 'rebuild', '--failed', P1, '--new-fqdn', 'pool03.contoso.example', ...topo, '--json']);
    expect(rebuild.code).toBe(0);
    const cmds: string[] = JSON.parse(rebuild.out).steps.map((s: { command: string | null }) => s.command ?? '');
    expect(cmds).toContain(`Invoke-CsPoolFailOver -PoolFqdn ${P1} -DisasterMode -Verbose`);
    expect(cmds.some((c) => c.startsWith('Invoke-CsManagementServerFailover -BackupSqlServerFqdn'))).toBe(true);
  });

  it('--cms-on and --federation-on set the CMS pool and the federation routes', async () => {
    const cms = await run(['plan', 'cms-failover', ...topo, '--cms-on', P2, '--json']);
    expect(cms.code).toBe(0);
    expect(JSON.parse(cms.out).steps.map((s: { command: string | null }) => s.command)).toContain(`Get-CsPoolBackupRelationship -PoolFqdn ${P2}`);
    const back = await run(['plan', 'edge-failback', '--pool', 'edge01.contoso.example', ...topo, '--federation-on', 'edge02.contoso.example', '--json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out).steps.some((s: { op: { id: string } | null }) => s.op?.id === 'lync-federation-route')).toBe(true);
    const bad = await run(['plan', 'failover', '--pool', P1, ...topo, '--down', 'nope.contoso.example']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/nope\.contoso\.example/);
  });

  it('the README example replays: examples/two-site/dr/', async () => {
    const dir = path.join(repoRoot, 'examples', 'two-site', 'dr');
    const ok = await run(['plan', 'check', path.join(dir, 'failover-steps.json'), ...topo, '--state', path.join(dir, 'state-pool01-down.json')]);
    expect(ok.code).toBe(0);
    const wrong = await run(['plan', 'check', path.join(dir, 'failover-steps-wrong-order.json'), ...topo, '--down', P1]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/cms-before-pool/);
  });
});
