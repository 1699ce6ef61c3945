export * from './types';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { observationKey } from './reports-repo';
export { MAX_EVIDENCE_BYTES } from './runs-repo';
export { migrations } from './migrations';
export { backupDatabaseFile, type BackupCheck } from './backup-file';
export { createInlineCommitter, createWorkerCommitter, type AsyncCommitter, type CommitResult } from './async-committer';
export { openStore, createCommitter, isPostgresUrl, type OpenStoreOptions } from './open-store';
