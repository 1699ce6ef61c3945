/**
 * How the drill report prints durations, times and differences. A null is an unknown figure: the caller prints a
 * blank for a person, never a made-up value.
 */

/** "12 min 30 s", "45 s", "30 min", "1 h 0 min 5 s" (the same in French); a negative duration keeps its sign (−). */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0 || (h > 0 && s > 0)) parts.push(`${m} min`);
  if (s > 0 || parts.length === 0) parts.push(`${s} s`);
  return sign + parts.join(' ');
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-12-04 06:12:30 UTC"; a string that is not a date is printed as given. */
export function formatTime(iso: string): string {
  const d = parse(iso);
  return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}

/** Time of day "06:12:30" when on the same UTC day as `day`, else "2026-12-05 00:02:10" (a table cell). */
export function formatTimeShort(iso: string, day: string): string {
  const d = parse(iso);
  if (!d) return iso;
  const full = d.toISOString().slice(0, 19).replace('T', ' ');
  const ref = parse(day);
  return ref && ref.toISOString().slice(0, 10) === full.slice(0, 10) ? full.slice(11) : full;
}

/** The upper bound of a range printed on a page ("15–20" → 20, "5" → 5), or null when it holds no number. */
export function upperBound(range: string): number | null {
  const nums = (range.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(',', '.')));
  return nums.length ? Math.max(...nums) : null;
}
