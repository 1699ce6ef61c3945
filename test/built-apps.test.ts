import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPublished, strToU8, twoSiteSpec, zipSync } from '../packages/topology/src/testing/index';
import { repoRoot } from './planner-helpers';

/*
 * The apps as `pnpm build` ships them: esbuild bundles with npm packages left external. Built here into `.test-dist`
 * (beside `dist`, so packages resolve the same way) and run by plain node: every npm package a bundle imports must
 * resolve from the app, worker files and data (fonts, dashboard files, PowerShell scripts) must be found.
 */
const OUT = '.test-dist';
const agentDir = path.join(repoRoot, 'apps/agent');
const plannerDir = path.join(repoRoot, 'apps/planner');
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-built-'));
const example = (f: string) => path.join(repoRoot, 'examples/two-site', f);

function buildApp(appDir: string) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'tools/build-app.mjs'), OUT], { cwd: appDir, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

/** Runs a built entry with plain node, without this machine's CA bundle setting (nothing here uses TLS). */
function run(entry: string, args: string[], cwd = dir) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env });
}

beforeAll(() => {
  buildApp(agentDir);
  buildApp(plannerDir);
}, 240_000);
afterAll(() => {
  for (const d of [path.join(agentDir, OUT), path.join(plannerDir, OUT), dir]) rmSync(d, { recursive: true, force: true });
});

describe('built bundles run with plain node', () => {
  it('the agent runs a collector through the PowerShell bridge (its scripts found from the bundle)', () => {
    const replay = path.join(agentDir, 'test/replay-powershell.mjs');
    writeFileSync(path.join(dir, 'agent.yaml'), `agentId: fe1
planner: { url: "ws://127.0.0.1:9/agent", token: "0123456789abcdef" }
outboxDir: outbox
powershell: { executable: ${JSON.stringify(replay)}, timeoutMs: 5000 }
collectors:
  mirror-state: { schedule: "0 * * * *", pools: [pool-red.contoso.test] }
`);
    const p = run(path.join(agentDir, OUT, 'main.js'), ['run-once', '--collector', 'mirror-state', '--config', 'agent.yaml', '--json']);
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ collector: 'mirror-state', ok: true });
  });

  it('the CLI writes a PDF worksheet (pdfkit and the DejaVu fonts) and reads a CMS export zip (fflate)', () => {
    const cli = path.join(plannerDir, OUT, 'cli/main.js');
    const pdf = path.join(dir, 'worksheet.pdf');
    const w = run(cli, ['worksheet', example('topology.xml'), '--overlay', example('lyncdr.yaml'), '-o', pdf]);
    expect(w.stderr).toBe('');
    expect(w.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const zip = path.join(dir, 'CsConfig.zip');
    writeFileSync(zip, zipSync({ 'DocItemSet.xml': strToU8(renderPublished(twoSiteSpec)) }));
    const t = run(cli, ['topology', 'show', zip, '--json']);
    expect(t.status, t.stderr).toBe(0);
    expect(JSON.parse(t.stdout).pools.length).toBeGreaterThan(0);
  });

  it('the planner serves its dashboard, commits through its worker thread, and stops on SIGTERM', async () => {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const args = ['serve', '--port', '0', '--data', path.join(dir, 'data'), '--topology', example('topology.xml'), '--overlay', example('lyncdr.yaml')];
    const child = spawn(process.execPath, [path.join(plannerDir, OUT, 'cli/main.js'), ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => /lyncdr planner: (\S+)/.exec(out)?.[1], { timeout: 30_000 }).toBeTruthy();
      const url = /lyncdr planner: (\S+)/.exec(out)![1]!;
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      expect(out).toMatch(/store\.committer mode=worker/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
