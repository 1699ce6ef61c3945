import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LyncdrError } from '@lyncdr/errors';
import { applyPragmas } from './commit-sql.mjs';
import { migrate } from './migrations';
import { createDocumentsRepo } from './documents-repo';
import { createReportsRepo } from './reports-repo';
import { createRunsRepo } from './runs-repo';
import { createStatusRepo } from './status-repo';
import { createTokensRepo } from './tokens-repo';
import { createTopologyRepo } from './topology-repo';
import type { Store } from './types';

export interface SqliteStoreOptions {
  /** Database file; its folder is created when missing. `:memory:` for tests that need no file. */
  file: string;
  now: () => Date;
}

/** Creates the folder of the database; a file in its place (or in the place of a parent) is named as such. */
function makeDataFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new LyncdrError('E_DATA_FOLDER', `the data folder ${dir} is a file (or lies under one), not a folder; point --data (or data: in the config) at a folder`, { cause: e });
    }
    throw new LyncdrError('E_DATA_FOLDER', `cannot create the data folder ${dir}: ${(e as Error).message}; check its path and rights`, { cause: e });
  }
}

/**
 * Opens (and migrates) the planner database.
 *
 * Durability: WAL journal with `synchronous = FULL`. In WAL mode FULL syncs the write-ahead log on every commit, so a
 * committed report survives an operating-system crash or power loss, not only a process crash (NORMAL may roll back
 * the last commits on power loss). The planner acks a report only after its commit, and the agent deletes it from
 * its outbox on that ack, so an ack must mean "on disk". The fsync cost is shared by committing reports in batches.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const { file, now } = options;
  if (file !== ':memory:') makeDataFolder(path.dirname(path.resolve(file)));
  let db: Database.Database;
  try {
    db = new Database(file);
    applyPragmas(db);
  } catch (e) {
    throw new LyncdrError('E_STORE_OPEN', `cannot open the planner database ${file}: ${(e as Error).message}; check the --data folder`, { cause: e });
  }
  let result: number;
  try {
    result = migrate(db, now().toISOString());
  } catch (e) {
    db.close();
    throw new LyncdrError('E_STORE_OPEN', `${file} is not a lyncdr planner database (${(e as Error).message}); point --data at another folder`, { cause: e });
  }
  if (result < 0) {
    db.close();
    throw new LyncdrError('E_STORE_VERSION', `${file} has schema version ${-result}, newer than this lyncdr; upgrade lyncdr`);
  }

  return {
    file,
    ...createTokensRepo(db, now),
    ...createReportsRepo(db),
    ...createStatusRepo(db),
    ...createTopologyRepo(db, now),
    ...createRunsRepo(db),
    ...createDocumentsRepo(db),
    async backupTo(out: string): Promise<void> {
      try {
        await db.backup(out);
      } catch (e) {
        throw new LyncdrError('E_STORE_BACKUP', `cannot back up ${file} to ${out}: ${(e as Error).message}; check the destination folder`, { cause: e });
      }
    },
    setAutoCheckpoint(pages: number): void {
      db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(pages))}`);
    },
    close: () => db.close(),
  };
}
