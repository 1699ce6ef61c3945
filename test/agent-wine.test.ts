// The Windows agent zip, proven under Wine: `pnpm package:agent` is run into a temp folder, the zip is unpacked, and
// the real lyncdr-agent.exe (Node SEA in the Windows node.exe) runs under wine64 against generated files and a real
// planner on 127.0.0.1. Skips, saying why, only when wine64 is not installed (.ci/run installs it).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode, envelope } from '../packages/protocol/src/index';
import { startTestPlanner, type TestPlanner } from '../apps/planner/src/testing/test-planner';
import { repoRoot } from './planner-helpers';

const WINE = '/usr/lib/wine/wine64';
const WINESERVER = '/usr/lib/wine/wineserver';
const haveWine = existsSync(WINE) && existsSync(WINESERVER);
if (!haveWine) console.warn(`agent-wine: SKIPPED: ${WINE} is not installed (apt-get install wine64); the Windows agent zip was not run`);

const VERSION = (JSON.parse(readFileSync(path.join(repoRoot, 'apps/agent/package.json'), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-wine-'));
const prefix = path.join(dir, 'wineprefix');
const logs = path.join(dir, 'runs');
const work = path.join(dir, 'work');
let app = '';
let exe = '';
let runs = 0;

/** A Linux path as the Windows program sees it. */
const z = (p: string) => `Z:${p}`;
const wineEnv = () => ({
  ...process.env,
  WINEPREFIX: prefix,
  WINEDEBUG: '-all',
  // No Mono/Gecko install prompts while the fresh prefix is made.
  WINEDLLOVERRIDES: 'mscoree,mshtml=',
  // Wine reports an old Windows version by default; the bundled node.exe refuses it without this.
  NODE_SKIP_PLATFORM_CHECK: '1',
});

interface WineRun {
  child: ChildProcess;
  out: string;
  err: string;
  exited: Promise<number | null>;
}

/** Starts lyncdr-agent.exe under Wine: stdin /dev/null, stdout and stderr to files (Wine's pipes give EBADF). */
function startWine(args: string[]): WineRun {
  const n = ++runs;
  const out = path.join(logs, `${n}-${args[0]}.out`);
  const err = path.join(logs, `${n}-${args[0]}.err`);
  const fo = openSync(out, 'w');
  const fe = openSync(err, 'w');
  const child = spawn(WINE, [exe, ...args], { cwd: work, env: wineEnv(), stdio: ['ignore', fo, fe] });
  closeSync(fo);
  closeSync(fe);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, err, exited };
}

async function runWine(args: string[], timeoutMs = 300_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = startWine(args);
  const timer = setTimeout(() => r.child.kill('SIGKILL'), timeoutMs);
  const code = await r.exited;
  clearTimeout(timer);
  return { code, stdout: readFileSync(r.out, 'utf8'), stderr: readFileSync(r.err, 'utf8') };
}

/** Stops every process of this test's prefix (the only way to stop a Windows process under Wine from outside). */
function killPrefix() {
  // Exits non-zero when no wineserver runs for the prefix (nothing to stop).
  spawnSync(WINESERVER, ['-k'], { env: wineEnv(), stdio: 'ignore', timeout: 60_000 });
}

/** Polls a condition until it holds; the bound is generous because Wine on a busy 2-core machine is slow. */
async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const outboxDir = path.join(work, 'outbox');
const outboxIds = () => (existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : []);

function writeConfig(plannerUrl: string, tokenFile: string) {
  writeFileSync(
    path.join(work, 'agent.yaml'),
    [
      'agentId: fe1-wine',
      `planner: { url: '${plannerUrl}', tokenFile: '${z(tokenFile)}' }`,
      'outboxDir: outbox',
      'logging: { dir: logs, level: info }',
      'heartbeatSeconds: 5',
      'reconnect: { initialMs: 200, maxMs: 2000 }',
      'collectors:',
      `  file-store: { schedule: "0 3 * * *", pairs: [{ source: '${z(path.join(dir, 'store'))}', backup: '${z(path.join(dir, 'copy'))}' }], hash: all }`,
      '',
    ].join('\n'),
  );
}

describe.skipIf(!haveWine)('lyncdr-agent.exe from the Windows zip, under Wine', () => {
  let planner: TestPlanner | null = null;

  beforeAll(async () => {
    mkdirSync(logs, { recursive: true });
    mkdirSync(work, { recursive: true });
    mkdirSync(prefix, { recursive: true });
    // The zip, built as `pnpm package:agent` builds it.
    const dist = path.join(dir, 'dist');
    execFileSync(process.execPath, [path.join(repoRoot, 'tools/package-agent/package-agent.mjs'), '--out', dist], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const zipName = `lyncdr-agent-${VERSION}-win-x64.zip`;
    expect(readdirSync(dist)).toEqual([zipName]);
    const { unzipSync } = createRequire(path.join(repoRoot, 'tools/package-agent/package.json'))('fflate') as { unzipSync: (zip: Uint8Array) => Record<string, Uint8Array> };
    const files = unzipSync(readFileSync(path.join(dist, zipName)));
    for (const [name, data] of Object.entries(files)) {
      const to = path.join(dir, 'app', name);
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, data);
    }
    app = path.join(dir, 'app', `lyncdr-agent-${VERSION}`);
    exe = path.join(app, 'lyncdr-agent.exe');
    // A file store and a backup copy that misses two files.
    const store = path.join(dir, 'store');
    for (let i = 0; i < 30; i++) {
      const f = path.join(store, `1-WebServices-1/CollabContent/${String(i % 3)}/f${i}.dat`);
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, `content ${i}\n`.repeat(i + 1));
    }
    cpSync(store, path.join(dir, 'copy'), { recursive: true, preserveTimestamps: true });
    rmSync(path.join(dir, 'copy/1-WebServices-1/CollabContent/1/f4.dat'));
    rmSync(path.join(dir, 'copy/1-WebServices-1/CollabContent/2/f8.dat'));
  }, 900_000);

  afterAll(async () => {
    if (haveWine) killPrefix();
    await planner?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('the zip holds the executable, the service wrapper, the scripts, the texts and matching SHA256SUMS', () => {
    const names = readdirSync(app).sort();
    expect(names).toEqual(['LICENSE', 'README.txt', 'SHA256SUMS', 'THIRD-PARTY-NOTICES.txt', 'agent.example.yaml', 'lyncdr-agent-service.exe', 'lyncdr-agent-service.exe.config', 'lyncdr-agent.exe', 'scripts']);
    expect(readdirSync(path.join(app, 'scripts'))).toEqual(expect.arrayContaining(['install-service.ps1', 'uninstall-service.ps1', 'protect-token.ps1', 'unprotect-token.ps1', 'backup-service-status.ps1']));
    const sums = readFileSync(path.join(app, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBe(names.length - 2 + readdirSync(path.join(app, 'scripts')).length);
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: app, encoding: 'utf8' })).toBe('');
    const notices = readFileSync(path.join(app, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['Node.js 20.20.2', 'WinSW', 'ws ', 'zod ', 'yaml ', 'commander ', 'node-cron ', 'fflate ']) expect(notices).toContain(name);
    expect(statSync(exe).size).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('1. --version prints the version', async () => {
    const r = await runWine(['--version'], 600_000);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  }, 700_000);

  it('2. run-once --collector file-store --json reports the files missing from the copy (exit 1)', async () => {
    writeConfig('ws://127.0.0.1:9/agent', path.join(work, 'no.token'));
    const r = await runWine(['run-once', '--collector', 'file-store', '--config', z(path.join(work, 'agent.yaml')), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { collector: string; ok: boolean; observations: { ok: boolean; findings: { code: string; path: string | null }[] }[] };
    expect(report).toMatchObject({ collector: 'file-store', ok: false });
    const missing = report.observations.flatMap((o) => o.findings).filter((f) => /MISSING/i.test(f.code)).map((f) => f.path);
    expect(missing.sort()).toEqual(['1-WebServices-1/CollabContent/1/f4.dat', '1-WebServices-1/CollabContent/2/f8.dat'].map((p) => expect.stringContaining(p.split('/').pop()!)));
    expect(outboxIds()).toHaveLength(1);
    // Wine reports Windows 7 (NT 6.1): a clear warning, not a crash.
    expect(r.stderr).toMatch(/^lyncdr-agent: warning: Windows 6\.1\.\d+ \(Windows Server 2008 R2 \/ 7\) is older than Windows Server 2012 R2/m);
  }, 400_000);

  it('3. test-connection and start: connects to the planner, delivers the report, the planner acks after commit and lists the agent', async () => {
    planner = await startTestPlanner({ limits: { reportsPerMinute: 100_000, burst: 10_000 } });
    const tokenFile = path.join(work, 'agent.token');
    writeFileSync(tokenFile, planner.addAgent('fe1-wine') + '\r\n');
    writeConfig(planner.agentUrl, tokenFile);
    const check = await runWine(['test-connection', '--config', z(path.join(work, 'agent.yaml'))]);
    expect(check.stdout).toMatch(/ok\s+authenticate\s+the planner accepted the token of agent fe1-wine/);
    expect(check.code).toBe(0);
    // init checks the connection the same way, then writes a commented config; a token of another agent is named.
    const init = await runWine(['init', '--planner', planner.agentUrl, '--token-file', z(tokenFile), '--agent-id', 'fe1-wine', '--config', z(path.join(work, 'init/agent.yaml'))]);
    expect(init.code).toBe(0);
    expect(readFileSync(path.join(work, 'init/agent.yaml'), 'utf8')).toMatch(/^agentId: 'fe1-wine'$[\s\S]*^ {2}tokenFile: 'Z:\/tmp\/.*agent\.token'$/m);
    const wrongId = await runWine(['init', '--planner', planner.agentUrl, '--token-file', z(tokenFile), '--agent-id', 'fe2', '--config', z(path.join(work, 'init2/agent.yaml'))]);
    expect(wrongId.code).toBe(1);
    expect(wrongId.stdout).toMatch(/FAILED {2}authenticate .*\n {8}what to do: this token belongs to agent "fe1-wine": set agentId: fe1-wine/);
    expect(existsSync(path.join(work, 'init2/agent.yaml'))).toBe(false);

    const [queued] = outboxIds();
    const run = startWine(['start', '--config', z(path.join(work, 'agent.yaml'))]);
    try {
      // Acked only after the planner committed it: the report is in the store, then the outbox file goes.
      await until('the report to be committed and acked', () => planner!.store.hasReport(queued!, 'fe1-wine') && outboxIds().length === 0);
      const read = planner.addAgent('wine-reader', 'read');
      const res = await fetch(`${planner.url}/api/agents`, { headers: { authorization: `Bearer ${read}` } });
      const agents = (await res.json()) as { minAgentVersion: string; agents: { name: string; connected: boolean; version?: string; outdated: boolean; lastRuns?: Record<string, unknown> }[] };
      expect(agents.agents.find((a) => a.name === 'fe1-wine')).toMatchObject({ connected: true, version: VERSION, outdated: false, lastRuns: { 'file-store': expect.any(String) } });
      expect(agents.minAgentVersion).toMatch(/^\d+\.\d+\.\d+/);
      // Timestamped, levelled JSON lines in the service's log folder.
      const lines = readFileSync(path.join(work, 'logs/agent.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { time: string; level: string; msg: string });
      expect(lines[0]).toMatchObject({ level: 'info', msg: 'agent starting', version: VERSION });
      expect(lines.some((l) => l.msg.startsWith('connected to ws://127.0.0.1:'))).toBe(true);
      expect(Date.parse(lines[0]!.time)).not.toBeNaN();
      // Memory of the idle agent (the Wine process hosting node.exe), for the README.
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${run.child.pid}/status`, 'utf8'))?.[1];
      console.log(`agent-wine: idle lyncdr-agent.exe under Wine: VmRSS ${Math.round(Number(rss) / 1024)} MB`);
    } finally {
      killPrefix();
      await run.exited;
    }
    expect(readFileSync(run.err, 'utf8')).toMatch(/lyncdr-agent: started \(outbox 1 pending\)/);
  }, 600_000);

  it('4. killing the Wine process mid-delivery and starting again loses nothing from the outbox', async () => {
    // 300 reports waiting in the outbox, written as the agent writes them.
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const id = `r-20260301T100000Z-${String(i).padStart(6, '0')}-wine`;
      const report = { collector: 'file-store', startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:00:01.000Z', durationMs: 1000, ok: true, observations: [], findings: [] };
      writeFileSync(path.join(outboxDir, `${id}.json`), encode(envelope('report', report, { id, agentId: 'fe1-wine', sentAt: '2026-03-01T10:00:01.000Z' })));
      ids.push(id);
    }
    const stored = () => ids.filter((id) => planner!.store.hasReport(id, 'fe1-wine')).length;
    const first = startWine(['start', '--config', z(path.join(work, 'agent.yaml'))]);
    await until('the first reports to be committed', () => stored() > 0);
    killPrefix();
    await first.exited;
    const left = new Set(outboxIds());
    const atKill = stored();
    // Nothing lost: every report is in the planner's store or still in the outbox (or both, when the ack was cut off).
    expect(ids.filter((id) => !left.has(id) && !planner!.store.hasReport(id, 'fe1-wine'))).toEqual([]);
    console.log(`agent-wine: killed with ${atKill} of 300 reports committed and ${left.size} still in the outbox`);

    const second = startWine(['start', '--config', z(path.join(work, 'agent.yaml'))]);
    try {
      await until('every report to be committed and acked', () => stored() === ids.length && outboxIds().length === 0);
    } finally {
      killPrefix();
      await second.exited;
    }
    expect(stored()).toBe(300);
  }, 600_000);
});
