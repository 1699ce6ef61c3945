/**
 * Planner under load: N simulated agents connected at once over loopback to the built planner as `lyncdr serve` runs
 * it (its own process), measured side by side with a plain `ws` echo server (its own process) under the same load in
 * the same run.
 * Figures: reports/s stored and acked (closed loop, a few in flight per agent), p99 ack latency at 500 reports/s,
 * and the planner's peak RSS (sampled from /proc).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '@lyncdr/store';
import { hashToken, newToken } from '../../apps/planner/src/server/agents/tokens';
import { connectLoadClient, reportFrame, type LoadClient, type LoadStats } from './planner-bench-client';
import type { Bench, RowResult, RowSpec, Stats } from './types';
import { ENTRY_FILES, shellLine } from './whole-process';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const AGENTS = Number(process.env.LYNCDR_BENCH_AGENTS ?? 1000);
const PHASE_MS = 5000;
const IN_FLIGHT = 4;

export function openFileLimit(): number {
  const r = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const n = Number(r.stdout.trim());
  return Number.isFinite(n) ? n : Infinity;
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function waitForLine(child: ChildProcess, re: RegExp, what: string): Promise<RegExpExecArray> {
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not start:\n${err}`)), 60_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const m = re.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m);
      }
    });
    child.once('exit', (code) => reject(new Error(`${what} exited ${code}:\n${err}`)));
  });
}

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Measured { throughput: number; p99: number; errors: number; connected: number }

/** Connects the agents, runs the closed-loop throughput phase, then the 500 reports/s latency phase. */
export async function load(url: string, tokens: string[] | null): Promise<Measured> {
  const stats: LoadStats = { acked: 0, latencies: [], errors: 0 };
  const clients: LoadClient[] = [];
  for (let i = 0; i < AGENTS; i += 100) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(100, AGENTS - i) }, (_, k) =>
      connectLoadClient(url, `agent${i + k}`, tokens ? tokens[i + k]! : null, stats)))));
  }
  let seq = 0;
  const fire = (c: LoadClient, i: number) => {
    const id = `rep-agent${i}-${(seq++).toString(36).padStart(8, '0')}`;
    c.send(reportFrame(`agent${i}`, id, new Date().toISOString()), id);
  };
  // Throughput: keep IN_FLIGHT reports outstanding per agent for PHASE_MS.
  const t0 = performance.now();
  const startAcked = stats.acked;
  while (performance.now() - t0 < PHASE_MS) {
    clients.forEach((c, i) => {
      while (c.inFlight < IN_FLIGHT) fire(c, i);
    });
    await sleep(2);
  }
  const throughput = ((stats.acked - startAcked) * 1000) / (performance.now() - t0);
  while (clients.some((c) => c.inFlight > 0)) await sleep(10);
  // Latency at 500 reports/s: 5 reports every 10 ms, round-robin over the agents.
  stats.latencies = [];
  const t1 = performance.now();
  let next = 0;
  let sent = 0;
  while (performance.now() - t1 < PHASE_MS) {
    const due = Math.floor(((performance.now() - t1) / 1000) * 500);
    while (sent < due) {
      fire(clients[next % clients.length]!, next % clients.length);
      next++;
      sent++;
    }
    await sleep(1);
  }
  const deadline = performance.now() + 10_000;
  while (clients.some((c) => c.inFlight > 0) && performance.now() < deadline) await sleep(10);
  const connected = clients.filter((c) => c.ws.readyState === c.ws.OPEN).length;
  for (const c of clients) c.ws.terminate();
  return { throughput, p99: p99(stats.latencies), errors: stats.errors, connected };
}

const serveSide = { kind: 'process', entry: 'lyncdr-serve', label: 'lyncdr serve' } as const;
const echoSide = { kind: 'process', entry: 'tool', label: 'ws echo server' } as const;
const rows: RowSpec[] = [
  { id: 'reports', title: `${AGENTS} agents: reports stored and acked`, subject: serveSide, peer: echoSide, target: { text: '≥ 2,000 reports/s', valueMin: 2000 } },
  { id: 'p99', title: 'p99 ack latency at 500 reports/s', subject: serveSide, peer: echoSide, target: { text: '< 100 ms', msMax: 100 } },
];

/** One figure measured once (a load phase), as Stats. */
const once = (value: number, unit: Stats['unit'], rssMb: number | null): Stats => ({ unit, median: value, min: value, max: value, runs: 1, rssMb });

const bench: Bench = {
  id: 'planner',
  description: `${AGENTS} simulated agents on loopback against lyncdr serve (built) and a plain ws echo server`,
  rows,
  async run(): Promise<RowResult[]> {
    const limit = openFileLimit();
    const note = limit < AGENTS * 2 + 200 ? `ulimit -n is ${limit}: too low for ${AGENTS} agents (needs about ${AGENTS * 2 + 200}); raise it` : `ulimit -n ${limit}`;
    console.error(`  ${note}`);
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-planner-'));
    const store = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now: () => new Date() });
    const tokens = Array.from({ length: AGENTS }, (_, i) => {
      const t = newToken();
      store.addToken(`agent${i}`, 'agent', hashToken(t));
      return t;
    });
    store.close();
    writeFileSync(path.join(dir, 'planner.yaml'), `data: ${JSON.stringify(dir)}\nlimits: { reportsPerMinute: 1000000, burst: 100000, maxConnections: ${AGENTS + 100} }\n`);

    const serveArgv = [process.execPath, ENTRY_FILES['lyncdr-serve'], 'serve', '--config', path.join(dir, 'planner.yaml'), '--port', '0'];
    const planner = spawn(serveArgv[0]!, [...(process.env.LYNCDR_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LYNCDR_BENCH_PROF}`] : []), ...serveArgv.slice(1)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const echo = spawn(process.execPath, [path.join(here, 'planner-echo-server.mjs')], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let plannerLog = '';
    planner.stderr?.on('data', (d) => (plannerLog += d));
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(planner.pid!))), 100);
    try {
      const [, , agentUrl] = await waitForLine(planner, /lyncdr planner: (\S+)\s+\(agents connect to (\S+)\)/, 'planner');
      const [, echoPort] = await waitForLine(echo, /echo listening on (\d+)/, 'echo server');
      const ours = await load(agentUrl!, tokens);
      const peer = await load(`ws://127.0.0.1:${echoPort}/`, null);
      const stored = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now: () => new Date() });
      const count = stored.countReports();
      stored.close();
      const slow = (plannerLog.match(/store\.slow_commit/g) ?? []).length;
      const loadAvg = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      const conn = `${ours.connected}/${AGENTS} agents connected at the end; ${count} reports in the database; ${ours.errors} errors; ${slow} commits over 250 ms; load average ${loadAvg}; ${note}`;
      const command = shellLine({ argv: serveArgv });
      return [
        { row: rows[0]!, ours: once(ours.throughput, 'reports/s', peakRss), peer: once(peer.throughput, 'reports/s', null), ratio: null, command, note: `(peer / ours ${(peer.throughput / ours.throughput).toFixed(1)}×; ${conn})` },
        { row: rows[1]!, ours: once(ours.p99, 'ms', peakRss), peer: once(peer.p99, 'ms', null), ratio: { median: ours.p99 / peer.p99, min: ours.p99 / peer.p99, max: ours.p99 / peer.p99 }, command },
      ];
    } finally {
      clearInterval(sampler);
      planner.kill('SIGTERM');
      echo.kill('SIGTERM');
      await sleep(500);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
