import { pushTo } from './group-by';
import { cmpText } from './compare';
import type { BackupHeader } from './header-types';
import type { ScannedFile, SqlFinding } from './report-types';
import { SqlFindingCode } from './errors';
import { cmpLsnText } from './lsn';

/** One backup (one BackupSetGUID) with all the stripe files found for it. */
export interface BackupSet {
  guid: string;
  header: BackupHeader;
  files: (ScannedFile & { header: BackupHeader })[];
  /** FirstLSN and LastLSN as the header prints them (compare with `cmpLsnText`). */
  first: string;
  last: string;
  /** Seconds since the epoch of the start time (NaN when the file has no start time). */
  startMs: number;
  /** Every stripe is present and every file has its end-of-set blocks: RESTORE can use it. */
  usable: boolean;
  /** Missing family numbers (1-based) when the media set is incomplete. */
  missingFamilies: readonly number[];
  copyOnly: boolean | null;
}

/** Orders two sets by FirstLSN, then LastLSN. */
export function cmpFirst(a: BackupSet, b: BackupSet): number {
  return cmpLsnText(a.first, b.first) || cmpLsnText(a.last, b.last);
}

/** Orders two sets by LastLSN. */
export function cmpLast(a: BackupSet, b: BackupSet): number {
  return cmpLsnText(a.last, b.last);
}

/**
 * One database = server + name + creation date: a database dropped and created again under the same name is another
 * database whose backups never chain with the old ones.
 */
export function dbKey(h: { server: string; database: string; databaseCreated: string | null }): string {
  // Files of one database come one after the other (and their header texts are shared): reuse the last key.
  if (h.server === last.server && h.database === last.database && h.databaseCreated === last.created) return last.key;
  last = { server: h.server, database: h.database, created: h.databaseCreated, key: `${h.server.toLowerCase()}\u0000${h.database.toLowerCase()}\u0000${h.databaseCreated ?? ''}` };
  return last.key;
}
let last: { server: string; database: string; created: string | null; key: string } = { server: '', database: '', created: null, key: '\u0000\u0000' };

/** Shared by the sets that miss no stripe (most): one array less per file. */
const NONE_MISSING: readonly number[] = Object.freeze([]);

const ms = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

function missingOf(files: (ScannedFile & { header: BackupHeader })[]): number[] {
  const missing: number[] = [];
  if (files.length === 1) {
    const { count, sequence } = files[0]!.header.family;
    for (let i = 1; i <= count; i++) if (i !== sequence) missing.push(i);
    return missing;
  }
  const count = Math.max(...files.map((f) => f.header.family.count));
  const have = new Set(files.map((f) => f.header.family.sequence));
  for (let i = 1; i <= count; i++) if (!have.has(i)) missing.push(i);
  return missing;
}

/** Groups readable full/diff/log files of one database into backup sets (stripes of one backup share a GUID). */
export function groupBackupSets(files: (ScannedFile & { header: BackupHeader })[]): BackupSet[] {
  const byGuid = new Map<string, BackupSet>();
  const sets: BackupSet[] = [];
  let striped = false;
  for (const f of files) {
    const h = f.header;
    const known = byGuid.get(h.backupSetGuid);
    if (known) {
      known.files.push(f);
      striped = true;
      continue;
    }
    const one = h.family.count === 1;
    const set: BackupSet = {
      guid: h.backupSetGuid,
      header: h,
      files: [f],
      first: h.firstLsn,
      last: h.lastLsn,
      startMs: ms(h.start),
      usable: one && h.complete,
      missingFamilies: one ? NONE_MISSING : missingOf([f]),
      copyOnly: null,
    };
    byGuid.set(h.backupSetGuid, set);
    sets.push(set);
  }
  if (striped) {
    for (const set of sets) {
      if (set.files.length === 1) continue;
      set.files.sort((a, b) => a.header.family.sequence - b.header.family.sequence || cmpText(a.path, b.path));
      set.header = set.files[0]!.header;
      set.missingFamilies = missingOf(set.files);
      set.usable = set.missingFamilies.length === 0 && set.files.every((f) => f.header.complete);
    }
  }
  return sets;
}

/** Adds the findings that belong to single files (truncated, password protected, incomplete stripe set) to `out`. */
export function fileFindings(set: BackupSet, out: Map<string, SqlFinding[]>): Map<string, SqlFinding[]> {
  for (const f of set.files) {
    const h = f.header;
    if (h.complete && !h.passwordProtected && !set.missingFamilies.length) continue;
    if (!h.complete) {
      pushTo(out, f.path, {
        code: SqlFindingCode.truncated,
        severity: 'error',
        message: `${f.path}: the end-of-backup blocks are missing (file truncated, or still being written); RESTORE will refuse it — copy the backup again`,
        file: f.path,
      });
    }
    if (h.passwordProtected) {
      pushTo(out, f.path, {
        code: SqlFindingCode.password,
        severity: 'warning',
        message: `${f.path}: the ${h.passwordKind === 'media' ? 'media set' : 'backup set'} is password protected; RESTORE needs the password — record it in the restore worksheet (TBD — owner)`,
        file: f.path,
      });
    }
    if (set.missingFamilies.length) {
      pushTo(out, f.path, {
        code: SqlFindingCode.stripeIncomplete,
        severity: 'error',
        message: `${f.path}: stripe ${h.family.sequence} of ${h.family.count} of media set ${h.family.mediaSetId ?? '?'}; family ${set.missingFamilies.join(', ')} is missing, and RESTORE needs all ${h.family.count} files — find the other stripe files`,
        file: f.path,
      });
    }
  }
  return out;
}
