import { pushTo } from './group-by';
import { SqlFindingCode } from './errors';
import type { SqlFinding } from './report-types';

/** One row of msdb backup history (backupset + backupmediafamily), as the sql-history bridge script reports it. */
export interface HistoryBackup {
  server: string;
  database: string;
  type: 'full' | 'diff' | 'log' | 'file' | 'file-diff' | 'partial' | 'partial-diff' | 'unknown';
  start: string | null;
  finish: string | null;
  firstLsn: string | null;
  lastLsn: string | null;
  databaseBackupLsn: string | null;
  backupSetGuid: string | null;
  size: number | null;
  compressedSize: number | null;
  copyOnly: boolean;
  hasChecksums: boolean | null;
  /** physical_device_name of every media family (one per stripe). */
  devices: string[];
}

/** What a backup file on disk is, for the cross-check: its path, header GUID, database and server. */
export interface FileOnDisk {
  path: string;
  database: string;
  server: string;
  backupSetGuid: string;
  start: string | null;
}

export interface CrossCheckOptions {
  /** Check only history newer than this ISO time; by default, from each database's latest non-copy-only full on. */
  since?: string;
}

const base = (p: string) => p.split(/[\\/]/).pop()!.toLowerCase();
const key = (server: string, db: string) => `${server.toLowerCase()}\u0000${db.toLowerCase()}`;
const t = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

/**
 * Cross-checks msdb history against the files found (pure). A backup msdb recorded (from the latest full it needs to
 * restore on, or since `since`; copy-only ones are not part of a chain and are left out) whose file is not there is
 * E_SQL_HISTORY_FILE_MISSING; a file of a database msdb
 * knows, newer than its oldest history row, that msdb does not list is E_SQL_FILE_NOT_IN_HISTORY (taken elsewhere,
 * or history purged). Files match history by BackupSetGUID, else by file name.
 */
export function crossCheckHistory(history: HistoryBackup[], files: FileOnDisk[], opts: CrossCheckOptions = {}): SqlFinding[] {
  const findings: SqlFinding[] = [];
  const fileGuids = new Set(files.map((f) => f.backupSetGuid.toLowerCase()));
  const fileNames = new Set(files.map((f) => base(f.path)));
  const historyGuids = new Set(history.flatMap((h) => (h.backupSetGuid ? [h.backupSetGuid.toLowerCase()] : [])));
  const historyNames = new Set(history.flatMap((h) => h.devices.map(base)));

  const byDb = new Map<string, HistoryBackup[]>();
  for (const h of history) pushTo(byDb, key(h.server, h.database), h);

  for (const rows of byDb.values()) {
    const fulls = rows.filter((r) => r.type === 'full' && !r.copyOnly).sort((a, b) => t(b.start) - t(a.start));
    const from = opts.since ? Date.parse(opts.since) : fulls[0] ? t(fulls[0].start) : Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      if (!(t(r.start) >= from) || r.copyOnly) continue;
      const found = (r.backupSetGuid && fileGuids.has(r.backupSetGuid.toLowerCase())) || r.devices.some((d) => fileNames.has(base(d)));
      if (found) continue;
      const where = r.devices[0] ?? null;
      findings.push({
        code: SqlFindingCode.historyFileMissing,
        severity: 'error',
        file: where,
        message: `${r.server} ${r.database}: msdb records a ${r.type} backup started ${r.start ?? '?'} to ${r.devices.join(', ') || '(no device)'}, but no such file is in the folders checked; it is needed to restore — find it or take a new full backup`,
      });
    }
  }
  for (const f of files) {
    const rows = byDb.get(key(f.server, f.database));
    if (!rows) continue;
    const oldest = Math.min(...rows.map((r) => t(r.start)).filter((x) => !Number.isNaN(x)));
    if (t(f.start) < oldest) continue;
    if (historyGuids.has(f.backupSetGuid.toLowerCase()) || historyNames.has(base(f.path))) continue;
    findings.push({
      code: SqlFindingCode.historyUnknownFile,
      severity: 'warning',
      file: f.path,
      message: `${f.path}: a backup of ${f.server} ${f.database} that msdb on that server does not list (taken by another server or tool, or history purged); check where it came from before relying on it`,
    });
  }
  return findings;
}
