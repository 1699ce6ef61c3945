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
 * A Ctrl-C under `pnpm start` arrives twice: from the terminal, and relayed by pnpm (a moment later, or much later on
 * a busy machine). So the second signal is taken as that same Ctrl-C and leaves the clean stop running, however late
 * it comes; the signal that ends the process at once is the third (counted, never timed).
 */
export const SIGNALS_TO_END_AT_ONCE = 3;

/**
 * Listens for SIGINT and SIGTERM from now on. The first one asks for a clean stop. The SIGNALS_TO_END_AT_ONCE-th, while
 * the stop still runs, ends the process at once (exit 130), for a stop that does not finish.
 */
export function watchStopSignals(deps: { stderr?: (t: string) => void; exit?: (code: number) => void } = {}): StopSignals {
  const stderr = deps.stderr ?? ((t: string) => void process.stderr.write(t));
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  let first: string | null = null;
  let count = 0;
  const waiters: ((sig: string) => void)[] = [];
  const on = (sig: string) => {
    count += 1;
    if (first === null) {
      first = sig;
      for (const w of waiters.splice(0)) w(sig);
    } else if (count >= SIGNALS_TO_END_AT_ONCE) {
      stderr(`lyncdr serve: ${sig} again while stopping; ending at once without a clean stop\n`);
      exit(130);
    }
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
