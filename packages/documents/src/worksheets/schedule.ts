/**
 * A backup schedule as the overlay writes it (`schedules:` is free text, e.g. `daily 01:00`), read into a value the
 * catalogs can word in each language. Text that is not one of these forms is the admin's own words and is printed as
 * written.
 */
export type Schedule =
  | { kind: 'daily'; time: string | null }
  | { kind: 'weekly'; day: Weekday; time: string | null }
  | { kind: 'hours'; every: number }
  | { kind: 'minutes'; every: number };

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = String.raw`(?:\s+(?:at\s+)?([01]?\d|2[0-3]):([0-5]\d))?`;
const DAILY = new RegExp(String.raw`^(?:daily|every\s+day)${TIME}$`, 'i');
const WEEKLY = new RegExp(String.raw`^(?:weekly\s+(?:on\s+)?|every\s+)(${WEEKDAYS.join('|')})s?${TIME}$`, 'i');
const HOURS = /^(?:hourly|every\s+hour|every\s+(\d{1,3})\s+hours?)$/i;
const MINUTES = /^every\s+(\d{1,4})\s+min(?:ute)?s?$/i;

function time(h: string | undefined, m: string | undefined): string | null {
  return h === undefined || m === undefined ? null : `${h.padStart(2, '0')}:${m}`;
}

/** The schedule in `text`, or null when it is free text. Linear in the text's length (anchored, no nested repeats). */
export function parseSchedule(text: string): Schedule | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (s.length > 64) return null;
  let m = DAILY.exec(s);
  if (m) return { kind: 'daily', time: time(m[1], m[2]) };
  m = WEEKLY.exec(s);
  if (m) return { kind: 'weekly', day: m[1]!.toLowerCase() as Weekday, time: time(m[2], m[3]) };
  m = HOURS.exec(s);
  if (m) return { kind: 'hours', every: m[1] === undefined ? 1 : Number(m[1]) };
  m = MINUTES.exec(s);
  if (m) return { kind: 'minutes', every: Number(m[1]) };
  return null;
}
