/** Exponential backoff with jitter: attempt 0 waits about `initialMs`, doubling up to `maxMs`, each randomised to 50–100 %. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(base * (0.5 + random() * 0.5));
}
