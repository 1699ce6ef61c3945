import type { StopSignals } from './stop-signals';

/** What every CLI command receives: output streams, the clock and the working directory (injected for tests). */
export interface CliContext {
  /** Standard output; bytes only for a PDF sent down a pipe (`-o -`). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  now: () => Date;
  /** The caller's working directory: every path given on the command line is resolved against it. */
  cwd: string;
  /** Set by a command to the process exit code (0 ok, 1 findings, 2 bad input or usage). */
  exitCode: number;
  /** stderr is a terminal: progress lines may be drawn there (never with --json). */
  stderrIsTty: boolean;
  /** stdout is a terminal and NO_COLOR is not set: statuses may be coloured. */
  color: boolean;
  /** SIGINT/SIGTERM caught since the process started (`lyncdr serve` only); serve listens itself when absent. */
  stopSignals?: StopSignals;
}

/** Colour on a terminal unless NO_COLOR is set to anything but the empty string (no-color.org) or TERM is dumb. */
export function colorWanted(isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  return isTty && !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * The folder the command was typed in. An installed `lyncdr` runs there. `pnpm lyncdr` (this repository's script) runs
 * from the repository root, and pnpm passes the folder it was typed in as INIT_CWD: that one is the caller's.
 */
export function callerCwd(env: NodeJS.ProcessEnv, cwd: string): string {
  const viaScript = env.npm_lifecycle_event === 'lyncdr' && env.npm_package_name === 'lyncdr';
  return viaScript && env.INIT_CWD ? env.INIT_CWD : cwd;
}

export function createCliContext(overrides: Partial<CliContext> = {}): CliContext {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    now: () => new Date(),
    cwd: callerCwd(process.env, process.cwd()),
    exitCode: 0,
    stderrIsTty: false,
    color: false,
    ...overrides,
  };
}
