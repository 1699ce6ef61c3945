import type { BackupHeader, BackupKind } from './header-types';

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a backup file or a restore chain. `file` is the path it is about, or null. */
export interface SqlFinding {
  code: string;
  message: string;
  file: string | null;
  severity: Severity;
}

/** One backup file as the scanner saw it: a header, or the reason there is none. */
export interface ScannedFile {
  path: string;
  size: number | null;
  header: BackupHeader | null;
  error: { code: string; message: string } | null;
}

/** `files[]` of `lyncdr verify sql --json` (DESIGN §4), with the header details added. */
export interface FileReport {
  path: string;
  database: string;
  server: string;
  type: 'full' | 'diff' | 'log';
  start: string | null;
  finish: string | null;
  firstLsn: string;
  lastLsn: string;
  checkpointLsn: string;
  databaseBackupLsn: string;
  differentialBaseLsn: string | null;
  differentialBaseGuid: string | null;
  backupSetGuid: string;
  databaseVersion: number;
  softwareVersion: string;
  compressed: boolean;
  copyOnly: boolean | null;
  passwordProtected: boolean;
  family: { mediaSetId: string | null; sequence: number; count: number };
  size: number | null;
  complete: boolean;
  findings: SqlFinding[];
}

/** A file that is not a usable full/diff/log backup: unreadable, not a backup, or another kind (file, partial). */
export interface OtherFileReport {
  path: string;
  database: string | null;
  kind: BackupKind | null;
  findings: SqlFinding[];
}

/** One step of the restore sequence: one backup set (all its stripe files). */
export interface RestoreStep {
  type: 'full' | 'diff' | 'log';
  files: string[];
  firstLsn: string;
  lastLsn: string;
  finish: string | null;
}

/** `databases[]` of `lyncdr verify sql --json` (DESIGN §4). Times are the backups' finish times. */
export interface DatabaseReport {
  name: string;
  server: string;
  /** DatabaseCreationDate from the headers: tells apart a database dropped and created again under the same name. */
  created: string | null;
  lastFull: string | null;
  lastDiff: string | null;
  lastLog: string | null;
  restorableTo: string | null;
  chainOk: boolean;
  restoreSequence: RestoreStep[];
  findings: SqlFinding[];
}

export interface SqlVerifyReport {
  databases: DatabaseReport[];
  files: FileReport[];
  otherFiles: OtherFileReport[];
  /** Findings not tied to one database (empty folder, unreadable files). */
  findings: SqlFinding[];
}
