/** Durations and times in words for status reasons ("2 d 3 h", "45 min", "12 s"). */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
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
