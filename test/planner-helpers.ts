import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliMain = path.join(repoRoot, 'apps/planner/src/cli/main.ts');

export interface PlannerProcess {
  child: ChildProcess;
  url: string;
  agentUrl: string;
  stderr: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `lyncdr serve` as a real child process and waits for the URL it prints. */
export function startPlannerProcess(args: string[], timeoutMs = 60_000): Promise<PlannerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cliMain, 'serve', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`planner did not start within ${timeoutMs} ms:\n${err}`)), timeoutMs);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /lyncdr planner: (\S+)\s+\(agents connect to (\S+)\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, agentUrl: m[2]!, stderr: () => err, exited });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`planner exited with ${code} before it was ready:\n${err}`));
    });
  });
}
