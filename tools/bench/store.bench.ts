/**
 * The two stores side by side: 1,000 simulated agents against the built planner as `lyncdr serve` runs it, once with
 * `store: postgres://…` and once on SQLite in its data folder, each run a fresh planner process on fresh data, the
 * two interleaved A B A B after a warm-up pair. Figures: reports/s stored and acked (closed loop, a few in flight per
 * agent) and the p99 ack latency at 500 reports/s, median and min–max over the runs; the ratio is PostgreSQL over
 * SQLite per pair. PostgreSQL is LYNCDR_BENCH_POSTGRES_URL, or a throwaway local cluster with fsync on (as a
 * production server; SQLite runs with synchronous = FULL), started here. LYNCDR_BENCH_PAIRS sets the number of pairs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPostgresStore, createSqliteStore, redactUrl, type Store } from '@lyncdr/store';
import { startPostgresCluster, type PostgresCluster } from '../../packages/store/src/testing/postgres-cluster';
import { hashToken, newToken } from '../../apps/planner/src/server/agents/tokens';
import { load, openFileLimit, rssMb, waitForLine, type Measured } from './planner.bench';
import type { Bench, RowResult, RowSpec, Stats } from './types';
import { ENTRY_FILES, median, shellLine } from './whole-process';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const AGENTS = Number(process.env.LYNCDR_BENCH_AGENTS ?? 1000);
const PAIRS = Number(process.env.LYNCDR_BENCH_PAIRS ?? 3);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = 'postgres' | 'sqlite';
interface Run extends Measured { rssMb: number; stored: number; slow: number }

/** One run: fresh data (a new folder; for PostgreSQL a new database), the tokens, a planner process, the load. */
async function runOnce(kind: Kind, serverUrl: string, n: number): Promise<Run & { argv: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-store-'));
  let storeUrl: string | null = null;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const db = `lyncdr_bench_${process.pid}_${n}`;
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${db}`;
    storeUrl = u.toString();
  }
  const now = () => new Date();
  const store: Store = storeUrl ? createPostgresStore({ url: storeUrl, schema: 'lyncdr', now }) : createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now });
  const tokens = Array.from({ length: AGENTS }, (_, i) => {
    const t = newToken();
    store.addToken(`agent${i}`, 'agent', hashToken(t));
    return t;
  });
  store.close();
  const config = path.join(dir, 'planner.yaml');
  writeFileSync(config, `data: ${JSON.stringify(dir)}\n${storeUrl ? `store: ${JSON.stringify(storeUrl)}\n` : ''}limits: { reportsPerMinute: 1000000, burst: 100000, maxConnections: ${AGENTS + 100} }\n`);
  const argv = [process.execPath, ENTRY_FILES['lyncdr-serve'], 'serve', '--config', config, '--port', '0'];
  // LYNCDR_BENCH_PROF=<folder>: a CPU profile of each planner process (as the planner bench).
  const prof = process.env.LYNCDR_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LYNCDR_BENCH_PROF}`, `--cpu-prof-name=${kind}-${n}.cpuprofile`] : [];
  const planner = spawn(argv[0]!, [...prof, ...argv.slice(1)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  planner.stderr?.on('data', (d) => (log += d));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(planner.pid!))), 100);
  try {
    const [, , agentUrl] = await waitForLine(planner, /lyncdr planner: (\S+)\s+\(agents connect to (\S+)\)/, `planner on ${kind}`);
    const m = await load(agentUrl!, tokens);
    const check = storeUrl ? createPostgresStore({ url: storeUrl, schema: 'lyncdr', now }) : createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now });
    const stored = check.countReports();
    check.close();
    const shown = storeUrl ? ['serve', '--config', 'planner.yaml (store: ' + redactUrl(storeUrl).replace(/\/[^/]*$/, '/<database>') + ')', '--port', '0'] : ['serve', '--config', 'planner.yaml', '--port', '0'];
    return { ...m, rssMb: peak, stored, slow: (log.match(/store\.slow_commit/g) ?? []).length, argv: [argv[0]!, argv[1]!, ...shown] };
  } finally {
    clearInterval(sampler);
    const exited = new Promise((r) => planner.once('exit', r));
    planner.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const stats = (xs: number[], unit: Stats['unit'], rss: number[]): Stats => ({
  unit, median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length, rssMb: Math.max(...rss),
});
const ratioOf = (a: number[], b: number[]) => {
  const per = a.map((x, i) => x / b[i]!);
  return { median: median(a) / median(b), min: Math.min(...per), max: Math.max(...per) };
};

const pgSide = { kind: 'process', entry: 'lyncdr-serve', label: 'lyncdr serve, store: postgres://' } as const;
const sqliteSide = { kind: 'process', entry: 'lyncdr-serve', label: 'lyncdr serve, SQLite' } as const;
const rows: RowSpec[] = [
  { id: 'reports', title: `${AGENTS} agents: reports stored and acked, PostgreSQL against SQLite`, subject: pgSide, peer: sqliteSide, target: { text: '≥ 2,000 reports/s', valueMin: 2000 } },
  { id: 'p99', title: 'p99 ack latency at 500 reports/s, PostgreSQL against SQLite', subject: pgSide, peer: sqliteSide, target: { text: '< 100 ms', msMax: 100 } },
];

const bench: Bench = {
  id: 'store',
  description: `${AGENTS} simulated agents against lyncdr serve (built) on PostgreSQL and on SQLite, ${PAIRS} interleaved pairs`,
  rows,
  async run(): Promise<RowResult[]> {
    const limit = openFileLimit();
    if (limit < AGENTS * 2 + 200) console.error(`  ulimit -n is ${limit}: too low for ${AGENTS} agents`);
    let cluster: PostgresCluster | null = null;
    let serverUrl = process.env.LYNCDR_BENCH_POSTGRES_URL ?? '';
    if (!serverUrl) {
      cluster = await startPostgresCluster({ fsync: true });
      serverUrl = cluster.url;
    }
    const runs: Record<Kind, Run[]> = { postgres: [], sqlite: [] };
    let command = '';
    try {
      let n = 0;
      for (let pair = 0; pair <= PAIRS; pair++) {
        for (const kind of ['postgres', 'sqlite'] as const) {
          const r = await runOnce(kind, serverUrl, n++);
          console.error(`  ${pair === 0 ? 'warm-up' : `pair ${pair}`} ${kind}: ${r.throughput.toFixed(0)} reports/s, p99 ${r.p99.toFixed(0)} ms, ${r.stored} stored, ${r.errors} errors, ${r.connected}/${AGENTS} connected`);
          if (pair > 0) runs[kind].push(r);
          if (kind === 'postgres') command = shellLine({ argv: r.argv });
        }
      }
    } finally {
      cluster?.stop();
    }
    const a = runs.postgres;
    const b = runs.sqlite;
    const tput = (rs: Run[]) => rs.map((r) => r.throughput);
    const lat = (rs: Run[]) => rs.map((r) => r.p99);
    const note = `(${a.length} pairs; errors ${a.reduce((s, r) => s + r.errors, 0)} / ${b.reduce((s, r) => s + r.errors, 0)}; commits over 250 ms ${a.reduce((s, r) => s + r.slow, 0)} / ${b.reduce((s, r) => s + r.slow, 0)}; PostgreSQL ${cluster ? 'local throwaway cluster, fsync on' : redactUrl(serverUrl)})`;
    return [
      { row: rows[0]!, ours: stats(tput(a), 'reports/s', a.map((r) => r.rssMb)), peer: stats(tput(b), 'reports/s', b.map((r) => r.rssMb)), ratio: ratioOf(tput(a), tput(b)), command, note },
      { row: rows[1]!, ours: stats(lat(a), 'ms', a.map((r) => r.rssMb)), peer: stats(lat(b), 'ms', b.map((r) => r.rssMb)), ratio: ratioOf(lat(a), lat(b)), command },
    ];
  },
};

export default bench;
