/** SIGINT (Ctrl-C) and SIGTERM, caught so that `lyncdr serve` always stops cleanly and logs planner.stopped. */
export interface StopSignals {
  /** The first signal received, or null. */
  readonly received: string | null;
  /** Resolves with the first signal (at once when one came already, e.g. during start-up). */
  wait(): Promise<string>;
  /** Stops listening: the process's default handling of the signals is back. */
  dispose(): void;
}

/**
 * Listens for SIGINT and SIGTERM from now on. The first one asks for a clean stop; a second one while stopping is
 * answered on stderr; a third ends the process at once (exit 130) for a stop that does not finish.
 */
export function watchStopSignals(deps: { stderr: (t: string) => void; exit?: (code: number) => void } = { stderr: (t) => process.stderr.write(t) }): StopSignals {
  let first: string | null = null;
  let count = 0;
  const waiters: ((sig: string) => void)[] = [];
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  const on = (sig: string) => {
    count++;
    if (first === null) {
      first = sig;
      for (const w of waiters.splice(0)) w(sig);
    } else if (count === 2) deps.stderr('lyncdr serve: stopping cleanly; a third Ctrl-C ends at once without a clean stop\n');
    else exit(130);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    get received() {
      return first;
    },
    wait: () => (first !== null ? Promise.resolve(first) : new Promise((resolve) => waiters.push(resolve))),
    dispose() {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}
