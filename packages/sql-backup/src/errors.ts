import { LyncdrError } from '@lyncdr/errors';

/** Stable codes of everything the backup-file reader and the chain checker report. */
export const SqlFindingCode = {
  unreadable: 'E_SQL_UNREADABLE',
  notBackup: 'E_SQL_NOT_A_BACKUP',
  corrupt: 'E_SQL_HEADER_CORRUPT',
  truncated: 'E_SQL_TRUNCATED',
  password: 'E_SQL_PASSWORD_PROTECTED',
  stripeIncomplete: 'E_SQL_STRIPE_INCOMPLETE',
  logGap: 'E_SQL_LOG_GAP',
  diffBaseMissing: 'E_SQL_DIFF_BASE_MISSING',
  noFull: 'E_SQL_NO_FULL',
  copyOnly: 'E_SQL_COPY_ONLY',
  otherType: 'E_SQL_UNSUPPORTED_TYPE',
  noBackups: 'E_SQL_NO_BACKUPS',
  historyFileMissing: 'E_SQL_HISTORY_FILE_MISSING',
  historyUnknownFile: 'E_SQL_FILE_NOT_IN_HISTORY',
} as const;
export type SqlFindingCode = (typeof SqlFindingCode)[keyof typeof SqlFindingCode];

/** A header that cannot be read: carries the finding code, and the byte offset where reading stopped. */
export class BackupHeaderError extends LyncdrError {
  constructor(code: SqlFindingCode, message: string, offset?: number) {
    super(code, message, { location: offset === undefined ? {} : { where: `byte 0x${offset.toString(16)}` } });
  }
}
