import type pg from 'pg';
import { LyncdrError } from '@lyncdr/errors';
import type { AsyncCommitter, CommitResult } from './async-committer';
import { commitReports, openClient } from './pg-ops.mjs';
import { redactUrl, type PostgresStore } from './pg-store';

/**
 * Commits report batches to PostgreSQL on the caller's thread without blocking it: its own connection (`pg` is
 * asynchronous), one batch per transaction, and each promise resolves only after the COMMIT has returned, that is
 * once PostgreSQL has the batch on disk (with its default synchronous_commit = on). Batches go one after another on
 * this connection; a lost connection is opened again for the next batch, and the batch that failed is rejected (the
 * agent keeps those reports and sends them again).
 */
export function createPostgresCommitter(store: PostgresStore): AsyncCommitter {
  const { url, schema, connectTimeoutMs } = store.postgres;
  let client: pg.Client | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;

  const connected = async (): Promise<pg.Client> => {
    if (client) return client;
    const c = await openClient({ url, schema, connectTimeoutMs, applicationName: 'lyncdr planner commits', onLost: (lost) => {
      if (client === lost) client = null;
    } });
    client = c;
    return c;
  };

  return {
    mode: 'postgres',
    commit(reports, touches) {
      if (closed) return Promise.reject(new LyncdrError('E_STORE_WRITE', 'the PostgreSQL committer was closed'));
      const run = async (): Promise<CommitResult> => {
        try {
          return await commitReports(await connected(), reports, touches);
        } catch (e) {
          const c = client;
          if (c && !(e as { code?: string }).code?.match(/^[0-9A-Z]{5}$/)) {
            // Not an SQL error: the connection itself is in doubt; the next batch opens a new one.
            client = null;
            c.end().catch(() => {});
          }
          throw new LyncdrError('E_STORE_WRITE', `cannot commit ${reports.length} report(s) to PostgreSQL ${redactUrl(url)} (schema ${schema}): ${(e as Error).message}`, { cause: e });
        }
      };
      const p = chain.then(run, run);
      chain = p.catch(() => {});
      return p;
    },
    async close() {
      closed = true;
      await chain;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
