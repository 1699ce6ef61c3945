import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './planner-helpers';

/*
 * Ctrl-C on `pnpm start` (root package.json: `exec node --import tsx apps/planner/src/cli/main.ts serve`): the node
 * process gets SIGINT and must end with exit 0 after logging planner.stopped, whether the planner was still starting
 * or already serving; pnpm then has no failed command to report.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startPlanner(name: string) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/planner/src/cli/main.ts', 'serve', '--port', '0', '--data', path.join(dir, name)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => out };
}

describe('Ctrl-C on the planner', () => {
  it('while serving: exit 0, planner.stopping then planner.stopped logged', async () => {
    const p = startPlanner('serving');
    await expect.poll(() => /lyncdr planner: http/.test(p.output()), { timeout: 60_000, interval: 100 }).toBe(true);
    p.child.kill('SIGINT');
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.output()).toMatch(/planner\.stopping signal=SIGINT[\s\S]*planner\.stopped/);
  }, 90_000);

  it('while still starting (at its first log line): exit 0 and planner.stopped', async () => {
    const p = startPlanner('starting');
    await expect.poll(() => p.output().length > 0, { timeout: 60_000, interval: 20 }).toBe(true);
    p.child.kill('SIGINT');
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.output()).toMatch(/planner\.stopped/);
  }, 90_000);

  it('Ctrl-C typed on the terminal of `pnpm start` (a pseudo-terminal under script): no ELIFECYCLE, planner.stopped, no failed command', async () => {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const data = path.join(dir, 'pnpm-start');
    // script gives pnpm a terminal; ^C written to it is turned into SIGINT for pnpm and the planner, as a keyboard does.
    const child = spawn('script', ['-qec', `pnpm start --port 0 --data ${data}`, '/dev/null'], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect.poll(() => /lyncdr planner: http/.test(out), { timeout: 60_000, interval: 100 }).toBe(true);
    child.stdin.write('\x03');
    const code = await exited;
    // What the issue asks, and what the user sees: the planner's clean stop, and no failed command from pnpm (pnpm
    // prints ELIFECYCLE / "Command failed" for any non-zero exit or signal of the planner).
    expect(out, out).toMatch(/planner\.stopping signal=SIGINT[\s\S]*planner\.stopped/);
    expect(out, out).not.toMatch(/ELIFECYCLE|Command failed|ending at once/);
    // pnpm itself may take the terminal's SIGINT only after the planner has already ended (a busy machine schedules it
    // late); with no listener left it then ends by that SIGINT (130, nothing printed). Any other status is a failure.
    expect([0, 130], out).toContain(code);
  }, 90_000);

  it('a second signal right after the first does not cut the clean stop short', async () => {
    const p = startPlanner('twice');
    await expect.poll(() => /lyncdr planner: http/.test(p.output()), { timeout: 60_000, interval: 100 }).toBe(true);
    p.child.kill('SIGINT');
    p.child.kill('SIGINT');
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.output()).toMatch(/planner\.stopped/);
  }, 90_000);
});
