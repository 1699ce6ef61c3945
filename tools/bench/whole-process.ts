/**
 * Times shipped entry points and their peers as whole processes: each run is one process started by /usr/bin/time
 * (wall time measured here, CPU time and peak RSS of the process tree from GNU time), the two sides interleaved
 * A B A B with the same environment, one warm-up pair first. Figures are the median and min–max of the runs.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry, RowResult, RowSpec, Side, Stats } from './types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The file each shipped entry runs (built by `pnpm build`). */
export const ENTRY_FILES: Record<Exclude<Entry, 'tool'>, string> = {
  'lyncdr-cli': path.join(repoRoot, 'apps/planner/dist/cli/main.js'),
  'lyncdr-serve': path.join(repoRoot, 'apps/planner/dist/cli/main.js'),
  'agent-cli': path.join(repoRoot, 'apps/agent/dist/main.js'),
};

export interface Cmd {
  argv: string[];
  cwd?: string;
  /** Extra environment on top of the shared one (the same base for both sides). */
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success (default [0]; `verify` exits 1 on findings). */
  okCodes?: number[];
}

export interface Run {
  ms: number;
  cpuMs: number;
  rssMb: number;
  code: number;
  stdout: string;
}

/** `node <entry> …` for a shipped entry. */
export function entryCmd(entry: Exclude<Entry, 'tool'>, args: string[], extra: Omit<Cmd, 'argv'> = {}): Cmd {
  return { ...extra, argv: [process.execPath, ENTRY_FILES[entry], ...args] };
}

/** Refuses to time a command that is not what the side declares (a shipped entry run by node, or a tool). */
export function checkSide(side: Side, cmd: Cmd): void {
  if (side.kind !== 'process') throw new Error(`${side.label}: only whole-process sides are timed here`);
  if (side.entry === 'tool') {
    if (cmd.argv[0] === process.execPath && Object.values(ENTRY_FILES).includes(cmd.argv[1] ?? '')) throw new Error(`${side.label}: a lyncdr entry declared as a peer tool`);
    return;
  }
  if (cmd.argv[0] !== process.execPath || cmd.argv[1] !== ENTRY_FILES[side.entry]) {
    throw new Error(`${side.label}: declared as ${side.entry} but runs ${cmd.argv.slice(0, 2).join(' ')}`);
  }
}

/** Runs one command as a whole process; stdout goes to a file (read back), so output is written as a user's would be. */
export function runProcess(cmd: Cmd, baseEnv: NodeJS.ProcessEnv): Run {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-run-'));
  const times = path.join(dir, 'time.txt');
  const outFile = path.join(dir, 'stdout');
  const out = openSync(outFile, 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', times, ...cmd.argv], { cwd: cmd.cwd ?? repoRoot, env: { ...baseEnv, ...cmd.env }, stdio: ['ignore', out, 'pipe'], maxBuffer: 64 << 20 });
    const ms = performance.now() - t0;
    const code = r.status ?? -1;
    if (!(cmd.okCodes ?? [0]).includes(code)) throw new Error(`${cmd.argv.join(' ')} exited ${code}: ${String(r.stderr).slice(0, 2000)}`);
    const [u, s, kb] = readFileSync(times, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
    return { ms, cpuMs: (u! + s!) * 1000, rssMb: kb! / 1024, code, stdout: readFileSync(outFile, 'utf8') };
  } finally {
    closeSync(out);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function stats(runs: Run[]): Stats {
  const ms = runs.map((r) => r.ms);
  return { unit: 'ms', median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs: runs.length, rssMb: Math.max(...runs.map((r) => r.rssMb)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

export interface PairOptions {
  runs?: number;
  /** The environment of both sides (default: this process's, as a user's shell has it). */
  env?: NodeJS.ProcessEnv;
  /** Called before each run of either side (e.g. to evict files from the page cache). */
  before?: () => void;
  /** Checks a run's output (e.g. that the JSON parses and counts what was generated). */
  checkOurs?: (r: Run) => void;
  checkPeer?: (r: Run) => void;
  note?: string;
}

/** Times `ours` and `peer` interleaved (A B A B …, after one warm-up pair) and returns the row's result. */
export function measurePair(row: RowSpec, ours: Cmd, peer: Cmd | null, opts: PairOptions = {}): RowResult {
  checkSide(row.subject, ours);
  if ((row.peer === null) !== (peer === null)) throw new Error(`${row.id}: peer declared ${row.peer ? 'but not given' : 'absent but given'}`);
  if (row.peer && peer) checkSide(row.peer, peer);
  const env = opts.env ?? process.env;
  const runs = Math.max(5, opts.runs ?? 5);
  const a: Run[] = [];
  const b: Run[] = [];
  const once = (cmd: Cmd, check?: (r: Run) => void): Run => {
    opts.before?.();
    const r = runProcess(cmd, env);
    check?.(r);
    return r;
  };
  once(ours, opts.checkOurs);
  if (peer) once(peer, opts.checkPeer);
  for (let i = 0; i < runs; i++) {
    a.push(once(ours, opts.checkOurs));
    if (peer) b.push(once(peer, opts.checkPeer));
    process.stderr.write(`    ${row.id} ${i + 1}/${runs}: ${a.at(-1)!.ms.toFixed(0)} ms${peer ? ` vs ${b.at(-1)!.ms.toFixed(0)} ms` : ''}\n`);
  }
  const ratios = peer ? a.map((r, i) => r.ms / b[i]!.ms) : [];
  return {
    row,
    ours: stats(a),
    peer: peer ? stats(b) : null,
    ratio: peer ? { median: median(a.map((r) => r.ms)) / median(b.map((r) => r.ms)), min: Math.min(...ratios), max: Math.max(...ratios) } : null,
    command: shellLine(ours),
    note: opts.note,
  };
}

/** The command as a user types it from the repository root. */
export function shellLine(cmd: Cmd): string {
  const argv = cmd.argv[0] === process.execPath ? ['node', ...cmd.argv.slice(1)] : cmd.argv;
  return argv.map((a) => (a.startsWith(repoRoot + '/') ? path.relative(repoRoot, a) : a)).map((a) => (/[^\w@%+=:,./-]/.test(a) ? `'${a.replace(/'/g, "'\\''")}'` : a)).join(' ');
}

/** This process's environment without NODE_EXTRA_CA_CERTS, for the second figure of start-up rows (both sides alike). */
export function envWithoutExtraCa(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** The 1-minute load average, printed with the results (the machine is shared). */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
