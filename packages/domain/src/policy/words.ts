/**
 * Durations and times in words for status reasons ("2 d 3 h", "45 min", "12 s"). A negative duration keeps its sign
 * ("-4 min"): it is never shown as if it were positive.
 */
export function formatDuration(ms: number): string {
  const sign = ms < 0 && Math.round(-ms / 1000) > 0 ? '-' : '';
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${sign}${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${sign}${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return sign + (m % 60 ? `${h} h ${m % 60} min` : `${h} h`);
  const d = Math.floor(h / 24);
  return sign + (h % 24 ? `${d} d ${h % 24} h` : `${d} d`);
}

/**
 * The newest of some good-backup times that is not later than `now` + `toleranceMs` (`lastGood`), its age (never
 * negative: a time a little ahead of `now`, within the tolerance, is 0 old), and the newest time beyond the tolerance
 * (`future`): a clock ahead, or a forged report, which must never count as a good backup.
 */
export function newestGoodTime(times: readonly (string | null | undefined)[], now: Date, toleranceMs: number): { lastGood: string | null; ageMs: number | null; future: string | null } {
  const limit = now.getTime() + toleranceMs;
  let lastGood: string | null = null;
  let future: string | null = null;
  let best = -Infinity;
  let worst = -Infinity;
  for (const t of times) {
    if (!t) continue;
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) continue;
    if (ms > limit) {
      if (ms > worst) [worst, future] = [ms, t];
    } else if (ms > best) [best, lastGood] = [ms, t];
  }
  return { lastGood, ageMs: lastGood === null ? null : Math.max(0, now.getTime() - best), future };
}

export function hours(h: number): string {
  return formatDuration(h * 3_600_000);
}

/** The first findings of an observation, as reason parameters: each in words, and how many more there are. */
export function findingsParams(findings: readonly { message: string; path?: string | null }[], max = 2): { findings: string[]; more: number } {
  return { findings: findings.slice(0, max).map((f) => (f.path ? `${f.message} (${f.path})` : f.message)), more: Math.max(0, findings.length - max) };
}

/** The first findings of an observation in words, for a reason line. */
export function findingsInWords(findings: readonly { message: string; path?: string | null }[], max = 2): string {
  const p = findingsParams(findings, max);
  return p.findings.join('; ') + (p.more ? ` (+${p.more} more)` : '');
}
