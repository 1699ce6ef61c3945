import { describe, expect, it } from 'vitest';
import type { DatabaseReport } from '@lyncdr/sql-backup';
import { ageFindings, formatAge, parseDuration, parseMaxAge } from './verify-sql-age';

const H = 3_600_000;
const D = 24 * H;

describe('--max-age', () => {
  it('reads durations in minutes, hours, days and weeks, combined or not', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('12h')).toBe(12 * H);
    expect(parseDuration('7d')).toBe(7 * D);
    expect(parseDuration('2w')).toBe(14 * D);
    expect(parseDuration('1d12h')).toBe(36 * H);
    for (const bad of ['', '7', 'd', '1.5d', '-1d', '0d', '1 d', '1y']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('one value for every type, or one per type', () => {
    expect(parseMaxAge('1d')).toEqual({ all: D, byType: {} });
    expect(parseMaxAge('full=7d,diff=1d,log=1h')).toEqual({ all: null, byType: { full: 7 * D, diff: D, log: H } });
    expect(parseMaxAge('2d, log=1h')).toEqual({ all: 2 * D, byType: { log: H } });
    expect(() => parseMaxAge('tlog=1h')).toThrow(/"tlog" is not a backup type/);
    expect(() => parseMaxAge('1d,2d')).toThrow(/more than one duration without a type/);
    expect(() => parseMaxAge('full=soon')).toThrow(/"soon" is not a duration/);
  });

  it('prints ages as a person reads them', () => {
    expect(formatAge(0)).toBe('0m');
    expect(formatAge(45 * 60_000)).toBe('45m');
    expect(formatAge(3 * H + 5 * 60_000)).toBe('3h 5m');
    expect(formatAge(2 * D + 2 * H + 59 * 60_000)).toBe('2d 2h');
  });

  it('an age exactly at the limit passes; one second more is a finding', () => {
    const d = { name: 'LcsCDR', server: 'SQL1', lastFull: '2024-03-01T00:00:00Z', lastDiff: null, lastLog: null } as DatabaseReport;
    expect(ageFindings(d, parseMaxAge('full=1d'), new Date('2024-03-02T00:00:00Z'))).toEqual([]);
    const f = ageFindings(d, parseMaxAge('full=1d'), new Date('2024-03-02T00:00:01Z'));
    expect(f).toEqual([expect.objectContaining({ code: 'E_SQL_BACKUP_TOO_OLD', severity: 'error', file: null })]);
    // A single value leaves out the types the database has no backup of; a named type does not.
    expect(ageFindings(d, parseMaxAge('2d'), new Date('2024-03-02T00:00:00Z'))).toEqual([]);
    expect(ageFindings(d, parseMaxAge('2d,log=1h'), new Date('2024-03-02T00:00:00Z')).map((x) => x.code)).toEqual(['E_SQL_NO_BACKUP_OF_TYPE']);
  });
});
