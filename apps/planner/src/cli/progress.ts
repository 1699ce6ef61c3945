import type { CliContext } from './context';

/** Least time between two redraws of the progress line. */
const REDRAW_MS = 100;

export interface Progress {
  /** Shows `text` as the current state of the work (the first call and the last before done() are always drawn). */
  update(text: string): void;
  /** Clears the progress line, so the command's own output starts on a clean line. */
  done(): void;
}

/**
 * One progress line on stderr, redrawn in place (`\r` then erase to end of line). Drawn only when stderr is a terminal
 * and `quiet` is false (the commands pass their --json flag): piped or redirected output never carries progress.
 * `clock` is a monotonic millisecond counter (injected in tests).
 */
export function createProgress(ctx: Pick<CliContext, 'stderr' | 'stderrIsTty'>, label: string, quiet = false, clock: () => number = () => performance.now()): Progress {
  if (!ctx.stderrIsTty || quiet) return { update() {}, done() {} };
  let drawnAt = Number.NEGATIVE_INFINITY;
  let pending: string | null = null;
  let drawn = false;
  const draw = (text: string) => {
    ctx.stderr(`\r\x1b[2K${label}: ${text}`);
    drawnAt = clock();
    drawn = true;
    pending = null;
  };
  return {
    update(text) {
      if (clock() - drawnAt >= REDRAW_MS) draw(text);
      else pending = text;
    },
    done() {
      if (pending !== null) draw(pending);
      if (drawn) ctx.stderr('\r\x1b[2K');
    },
  };
}
