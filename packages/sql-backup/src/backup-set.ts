import { pushTo } from './group-by';
import { cmpText } from './compare';
import type { BackupHeader } from './header-types';
import type { ScannedFile, SqlFinding } from './report-types';
import { SqlFindingCode } from './errors';

/** One backup (one BackupSetGUID) with all the stripe files found for it. */
export interface BackupSet {
  guid: string;
  header: BackupHeader;
  files: (ScannedFile & { header: BackupHeader })[];
  first: bigint;
  last: bigint;
  /** Seconds since the epoch of the start time (NaN when the file has no start time). */
  startMs: number;
  /** Every stripe is present and every file has its end-of-set blocks: RESTORE can use it. */
  usable: boolean;
  /** Missing family numbers (1-based) when the media set is incomplete. */
  missingFamilies: number[];
  copyOnly: boolean | null;
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

const ms = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

/** Groups readable full/diff/log files of one database into backup sets (stripes of one backup share a GUID). */
export function groupBackupSets(files: (ScannedFile & { header: BackupHeader })[]): BackupSet[] {
  const byGuid = new Map<string, (ScannedFile & { header: BackupHeader })[]>();
  for (const f of files) {
    const list = byGuid.get(f.header.backupSetGuid) ?? [];
    list.push(f);
    byGuid.set(f.header.backupSetGuid, list);
  }
  const sets: BackupSet[] = [];
  for (const [guid, list] of byGuid) {
    const missingFamilies: number[] = [];
    let header: BackupHeader;
    if (list.length === 1) {
      header = list[0]!.header;
      const { count, sequence } = header.family;
      for (let i = 1; i <= count; i++) if (i !== sequence) missingFamilies.push(i);
    } else {
      list.sort((a, b) => a.header.family.sequence - b.header.family.sequence || cmpText(a.path, b.path));
      header = list[0]!.header;
      const count = Math.max(...list.map((f) => f.header.family.count));
      const have = new Set(list.map((f) => f.header.family.sequence));
      for (let i = 1; i <= count; i++) if (!have.has(i)) missingFamilies.push(i);
    }
    sets.push({
      guid,
      header,
      files: list,
      first: BigInt(header.firstLsn),
      last: BigInt(header.lastLsn),
      startMs: ms(header.start),
      usable: missingFamilies.length === 0 && (list.length === 1 ? header.complete : list.every((f) => f.header.complete)),
      missingFamilies,
      copyOnly: null,
    });
  }
  return sets;
}

/** Adds the findings that belong to single files (truncated, password protected, incomplete stripe set) to `out`. */
export function fileFindings(set: BackupSet, out: Map<string, SqlFinding[]>): Map<string, SqlFinding[]> {
  const add = (file: string, f: Omit<SqlFinding, 'file'>) => pushTo(out, file, { ...f, file });
  for (const f of set.files) {
    const h = f.header;
    if (!h.complete) {
      add(f.path, {
        code: SqlFindingCode.truncated,
        severity: 'error',
        message: `${f.path}: the end-of-backup blocks are missing (file truncated, or still being written); RESTORE will refuse it — copy the backup again`,
      });
    }
    if (h.passwordProtected) {
      add(f.path, {
        code: SqlFindingCode.password,
        severity: 'warning',
        message: `${f.path}: the ${h.passwordKind === 'media' ? 'media set' : 'backup set'} is password protected; RESTORE needs the password — record it in the restore worksheet (TBD — owner)`,
      });
    }
    if (set.missingFamilies.length) {
      add(f.path, {
        code: SqlFindingCode.stripeIncomplete,
        severity: 'error',
        message: `${f.path}: stripe ${h.family.sequence} of ${h.family.count} of media set ${h.family.mediaSetId ?? '?'}; family ${set.missingFamilies.join(', ')} is missing, and RESTORE needs all ${h.family.count} files — find the other stripe files`,
      });
    }
  }
  return out;
}
