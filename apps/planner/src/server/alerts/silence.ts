import type { SilenceWindow } from '../config';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `at` (UTC) falls in a silence window that applies to `itemId`. Windows may wrap past midnight. */
export function isSilenced(windows: readonly SilenceWindow[], itemId: string, at: Date): boolean {
  const m = at.getUTCHours() * 60 + at.getUTCMinutes();
  const day = at.getUTCDay();
  return windows.some((w) => {
    if (w.items && !itemId.startsWith(w.items)) return false;
    const from = minutes(w.from);
    const to = minutes(w.to);
    if (from <= to) return m >= from && m < to && (!w.days || w.days.includes(day));
    // Wraps midnight: the part after midnight belongs to the window that started the day before.
    if (m >= from) return !w.days || w.days.includes(day);
    if (m < to) return !w.days || w.days.includes((day + 6) % 7);
    return false;
  });
}
