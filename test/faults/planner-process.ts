import { spawn, type ChildProcess } from 'node:child_process';
import { cliMain, repoRoot } from '../planner-helpers';

/** A `lyncdr serve` process started in its own process group, so that a kill reaches it and nothing it started. */
export interface GroupPlanner {
  child: ChildProcess;
  agentUrl: string;
  port: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal to the whole process group and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

const started = new Set<GroupPlanner['kill']>();

/** Kills every planner started here that is still running (also one whose start a timed-out test left behind). */
export async function killStartedPlanners(): Promise<void> {
  await Promise.all([...started].map((kill) => kill('SIGKILL')));
}

export function startGroupPlanner(args: string[], timeoutMs = 60_000): Promise<GroupPlanner> {
  const child = spawn(process.execPath, ['--import', 'tsx', cliMain, 'serve', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + d).slice(-20_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const kill = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    return exited;
  };
  started.add(kill);
  void exited.then(() => started.delete(kill));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill('SIGKILL');
      reject(new Error(`planner did not start within ${timeoutMs} ms:\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /lyncdr planner: (\S+)\s+\(agents connect to (\S+)\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, agentUrl: m[2]!, port: Number(new URL(m[1]!).port), exited, kill, stderr: () => err });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`planner exited with ${code ?? signal} before it was ready:\n${err}`));
    });
  });
}
