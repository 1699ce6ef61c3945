/** Backup kinds as SQL Server names them (msdb backupset.type letters D, I, L, F, G, P, Q). */
export type BackupKind = 'full' | 'diff' | 'log' | 'file' | 'file-diff' | 'partial' | 'partial-diff' | 'unknown';

/** Which media family (stripe) of a media set this file is. */
export interface MediaFamily {
  /** MediaSetId: the same in every stripe file of one backup. */
  mediaSetId: string | null;
  /** 1-based position of this file in the media set. */
  sequence: number;
  /** Number of files (stripes) the media set has. */
  count: number;
}

/** What the header blocks of one SQL Server native backup file say (RESTORE HEADERONLY equivalents). */
export interface BackupHeader {
  database: string;
  server: string;
  kind: BackupKind;
  /** The raw type letter in the file. */
  typeCode: string;
  /** BackupStartDate / BackupFinishDate as ISO 8601 (with the zone offset the file records). */
  start: string | null;
  finish: string | null;
  databaseCreated: string | null;
  /** Minutes east of UTC the times were written in; null when the file does not say. */
  zoneMinutes: number | null;
  firstLsn: string;
  lastLsn: string;
  checkpointLsn: string;
  databaseBackupLsn: string;
  /** Differentials only: FirstLSN and BackupSetGUID of the full backup they are based on. */
  differentialBaseLsn: string | null;
  differentialBaseGuid: string | null;
  /** The differential base the database had when this backup started (BackupSetGUID of its last non-copy-only full). */
  currentDifferentialBaseGuid: string | null;
  backupSetGuid: string;
  recoveryForkId: string | null;
  databaseVersion: number;
  softwareVersion: string;
  softwareName: string;
  userName: string | null;
  backupSize: number | null;
  compressed: boolean;
  /** Not recorded in a place the header reader knows; set by the chain checker when it can be inferred. */
  copyOnly: boolean | null;
  family: MediaFamily;
  passwordProtected: boolean;
  passwordKind: 'media' | 'backup-set' | null;
  /** True when the end-of-set blocks (trailing header copy and ESET) were found at the end of the file. */
  complete: boolean;
}
