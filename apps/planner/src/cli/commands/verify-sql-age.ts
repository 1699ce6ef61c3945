import { LyncdrError, type ErrorCode } from '@lyncdr/errors';
import type { DatabaseReport, SqlFinding, SqlVerifyReport } from '@lyncdr/sql-backup';

export type BackupType = 'full' | 'diff' | 'log';
const TYPES: readonly BackupType[] = ['full', 'diff', 'log'];

/** Finding codes of `--max-age` (in the error code table), added to the database's findings (JSON and text alike). */
export const AgeFindingCode = {
  tooOld: 'E_SQL_BACKUP_TOO_OLD',
  noneOfType: 'E_SQL_NO_BACKUP_OF_TYPE',
} as const satisfies Record<string, ErrorCode>;

/**
 * The limits of `--max-age`. `all` applies to every type a database has backups of; a type named on its own
 * (`full=7d`) also makes a database without any backup of that type a finding.
 */
export interface MaxAge {
  all: number | null;
  byType: Partial<Record<BackupType, number>>;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `90m`, `12h`, `7d`, `2w` (or combined, `1d12h`) in milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (!/^(\d+[mhdw])+$/.test(t)) return null;
  let ms = 0;
  for (const [, n, unit] of t.matchAll(/(\d+)([mhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
  return ms > 0 ? ms : null;
}

/** Parses `--max-age`: one duration (`1d`) or per type (`full=7d,diff=1d,log=1h`). E_USAGE otherwise. */
export function parseMaxAge(text: string): MaxAge {
  const usage = (why: string) =>
    new LyncdrError('E_USAGE', `--max-age ${text}: ${why}; give one duration (e.g. 1d) or one per type (e.g. full=7d,diff=1d,log=1h) in m, h, d or w`, { location: { where: '--max-age' } });
  const out: MaxAge = { all: null, byType: {} };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const value = parseDuration(eq < 0 ? part : part.slice(eq + 1));
    if (value === null) throw usage(`"${eq < 0 ? part : part.slice(eq + 1)}" is not a duration`);
    if (eq < 0) {
      if (out.all !== null) throw usage('more than one duration without a type');
      out.all = value;
      continue;
    }
    const type = part.slice(0, eq).trim().toLowerCase();
    if (!(TYPES as readonly string[]).includes(type)) throw usage(`"${type}" is not a backup type (full, diff or log)`);
    out.byType[type as BackupType] = value;
  }
  if (out.all === null && Object.keys(out.byType).length === 0) throw usage('no duration given');
  return out;
}

/** A duration as a person reads it: `3d 4h`, `45m`, `0m`. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m && !d ? `${m}m` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0m';
}

const newest = (d: DatabaseReport, t: BackupType) => (t === 'full' ? d.lastFull : t === 'diff' ? d.lastDiff : d.lastLog);

/** The age findings of one database against the limits, measured from `now` (the CLI's clock). */
export function ageFindings(d: DatabaseReport, limits: MaxAge, now: Date): SqlFinding[] {
  const out: SqlFinding[] = [];
  for (const type of TYPES) {
    const limit = limits.byType[type] ?? limits.all;
    if (limit === null || limit === undefined) continue;
    const last = newest(d, type);
    if (!last) {
      if (limits.byType[type] !== undefined) {
        out.push({ code: AgeFindingCode.noneOfType, message: `${d.server} / ${d.name}: no ${type} backup found; --max-age asks for one at most ${formatAge(limit)} old`, file: null, severity: 'error' });
      }
      continue;
    }
    const age = now.getTime() - Date.parse(last);
    if (age > limit) {
      out.push({ code: AgeFindingCode.tooOld, message: `${d.server} / ${d.name}: newest ${type} backup finished ${last}, ${formatAge(age)} ago; --max-age allows ${formatAge(limit)}`, file: null, severity: 'error' });
    }
  }
  return out;
}

/** The report with the age findings added to each database's findings (the chain verdict is left as it is). */
export function withAgeFindings(r: SqlVerifyReport, limits: MaxAge, now: Date): SqlVerifyReport {
  return { ...r, databases: r.databases.map((d) => ({ ...d, findings: [...d.findings, ...ageFindings(d, limits, now)] })) };
}
