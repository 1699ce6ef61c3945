import type { ByteView } from './bytes';

/** A calendar time as written in the file (server local time) and the zone offset in minutes when known. */
export interface MtfDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * MTF DATE_TIME: 5 bytes read as a 40-bit big-endian number — year 14 bits, month 4, day 5, hour 5, minute 6,
 * second 6 (reference/sql-backup-format.md §1). All-zero means "not set".
 */
export function readMtfDate(v: ByteView, off: number, what = 'date'): MtfDate | null {
  v.need(off, 5, what);
  const b = v.bytes;
  // 40 bits fit a double exactly.
  const n = b[off]! * 2 ** 32 + ((b[off + 1]! << 24) >>> 0) + (b[off + 2]! << 16) + (b[off + 3]! << 8) + b[off + 4]!;
  if (n === 0) return null;
  const year = Math.floor(n / 2 ** 26) & 0x3fff;
  const low = n % 2 ** 26;
  const d = { year, month: (low >>> 22) & 0xf, day: (low >>> 17) & 0x1f, hour: (low >>> 12) & 0x1f, minute: (low >>> 6) & 0x3f, second: low & 0x3f };
  const valid = d.year >= 1900 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 && d.hour < 24 && d.minute < 60 && d.second < 60;
  return valid ? d : null;
}

/** Encodes a date as MTF DATE_TIME (for the synthetic writer). */
export function encodeMtfDate(d: MtfDate): Uint8Array {
  let n = (BigInt(d.year) << 26n) | (BigInt(d.month) << 22n) | (BigInt(d.day) << 17n) | (BigInt(d.hour) << 12n) | (BigInt(d.minute) << 6n) | BigInt(d.second);
  const out = new Uint8Array(5);
  for (let i = 4; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** Writes `n` as `width` decimal digits into ISO_TEXT at `at`. */
function digits(at: number, n: number, width: number): void {
  let v = n;
  for (let i = width - 1; i >= 0; i--) {
    ISO_TEXT[at + i] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
}

const ISO_TEXT = Buffer.alloc(32);

/**
 * ISO 8601 text of a file time. `zoneMinutes` is the offset from UTC (SSET time zone × 15 min); null when the file
 * says the zone is unknown, in which case the text has no offset (local time of the SQL Server). Built as one flat
 * string: a scan keeps tens of thousands of these.
 */
export function mtfDateToIso(d: MtfDate, zoneMinutes: number | null): string {
  const c = ISO_TEXT;
  digits(0, d.year, 4);
  c[4] = 45;
  digits(5, d.month, 2);
  c[7] = 45;
  digits(8, d.day, 2);
  c[10] = 84;
  digits(11, d.hour, 2);
  c[13] = 58;
  digits(14, d.minute, 2);
  c[16] = 58;
  digits(17, d.second, 2);
  let n = 19;
  if (zoneMinutes === 0) c[n++] = 90;
  else if (zoneMinutes !== null) {
    const abs = Math.abs(zoneMinutes);
    c[n++] = zoneMinutes < 0 ? 45 : 43;
    digits(n, Math.floor(abs / 60), 2);
    c[n + 2] = 58;
    digits(n + 3, abs % 60, 2);
    n += 5;
  }
  return c.toString('latin1', 0, n);
}
