/** What every CLI command receives: output streams, the clock and the working directory (injected for tests). */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  cwd: string;
  /** Set by a command to the process exit code (0 ok, 1 findings, 2 bad input or usage). */
  exitCode: number;
}

export function createCliContext(overrides: Partial<CliContext> = {}): CliContext {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    now: () => new Date(),
    cwd: process.cwd(),
    exitCode: 0,
    ...overrides,
  };
}
