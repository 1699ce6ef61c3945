import { LyncdrError } from '@lyncdr/errors';
import { createInlineCommitter, createWorkerCommitter, type AsyncCommitter } from './async-committer';
import { createPostgresCommitter } from './pg-committer';
import { createPostgresStore, isPostgresStore } from './pg-store';
import { createSqliteStore } from './sqlite-store';
import type { Store } from './types';

export interface OpenStoreOptions {
  /** `store:` of the planner config: null (or absent) for SQLite at `file`, a `postgres://` URL for PostgreSQL. */
  store?: string | null;
  /** The SQLite database file (used when `store` is null). */
  file: string;
  /** The PostgreSQL schema of this deployment (used with a PostgreSQL URL; created when missing). */
  schema: string;
  now: () => Date;
}

/** Whether a `store:` value names a PostgreSQL server. */
export const isPostgresUrl = (store: string): boolean => /^postgres(ql)?:\/\//i.test(store);

/** Opens (and migrates) the store the planner config names: SQLite in the data folder by default. */
export function openStore(o: OpenStoreOptions): Store {
  const store = o.store ?? null;
  if (store === null || store === '') return createSqliteStore({ file: o.file, now: o.now });
  if (isPostgresUrl(store)) return createPostgresStore({ url: store, schema: o.schema, now: o.now });
  throw new LyncdrError('E_CONFIG', `store: "${store}" is neither empty (SQLite in the data folder) nor a postgres:// or postgresql:// URL`);
}

/**
 * The committer the planner's report writer uses for `store`: a worker thread with its own connection for a SQLite
 * file, the caller's thread for an in-memory database, a connection of its own for PostgreSQL.
 */
export async function createCommitter(store: Store): Promise<AsyncCommitter> {
  if (isPostgresStore(store)) return createPostgresCommitter(store);
  if (store.file === ':memory:') return createInlineCommitter(store);
  return createWorkerCommitter(store.file, store);
}
