import type { ByteView } from './bytes';

/**
 * A log sequence number as RESTORE HEADERONLY prints it: VLF sequence × 10^15 + log-block offset × 10^5 + slot
 * (reference/sql-backup-format.md §1). Stored as 10 bytes: u32 VLF, u32 block, u16 slot.
 */
export function readLsn(v: ByteView, off: number, what = 'LSN'): string {
  const vlf = v.u32(off, what);
  const block = v.u32(off + 4, what);
  const slot = v.u16(off + 8, what);
  // Below 2^53 the number is exact as a double (VLF ≤ 9); above, block < 10^10 and slot < 10^5 always (u32, u16), so
  // the decimal digits concatenate without carries.
  if (vlf < 9) return String(vlf * 1e15 + block * 1e5 + slot);
  return `${vlf}${String(block).padStart(10, '0')}${String(slot).padStart(5, '0')}`;
}

/**
 * Compares two LSN texts as `readLsn` writes them (decimal, no leading zeros): the longer is the larger, and equal
 * lengths compare digit by digit. No allocation, unlike BigInt; the chain checker compares LSNs this way.
 */
export function cmpLsnText(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Compares two decimal LSN strings numerically (they can exceed 2^53; leading zeros allowed). */
export function compareLsn(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Splits a decimal LSN back into its three parts (used by the synthetic writer and by messages). */
export function splitLsn(lsn: string): { vlf: number; block: number; slot: number } {
  const n = BigInt(lsn);
  return { vlf: Number(n / 10n ** 15n), block: Number((n / 10n ** 5n) % 10n ** 10n), slot: Number(n % 10n ** 5n) };
}
