import { Worker } from 'node:worker_threads';
import { LyncdrError } from '@lyncdr/errors';
import { createPostgresCommitter } from './pg-committer';
import { isPostgresStore } from './pg-store';
import type { AgentTouch, ReportInput, Store } from './types';

export type CommitResult = { id: string; duplicate: boolean }[];

/** Commits report batches and resolves once they are on disk. */
export interface AsyncCommitter {
  commit(reports: ReportInput[], touches: AgentTouch[]): Promise<CommitResult>;
  /**
   * `worker` when commits run on a worker thread, `inline` when on the caller's thread, `postgres` when they go to a
   * PostgreSQL server on a connection of their own (asynchronous: the caller's thread does not wait).
   */
  readonly mode: 'worker' | 'inline' | 'postgres';
  close(): Promise<void>;
}

/** Commits on the caller's thread (tests, and wherever a worker cannot load this module). */
export function createInlineCommitter(store: Store): AsyncCommitter {
  return {
    mode: 'inline',
    commit: async (reports, touches) => store.commitReports(reports, touches),
    close: async () => {},
  };
}

/**
 * Starts a worker thread that owns a second connection to `file` and commits there; falls back to the inline
 * committer on `fallback` when the worker cannot start (for instance in a bundled build without the worker file).
 * For a PostgreSQL store, the asynchronous PostgreSQL committer (no worker needed: `pg` does not block).
 */
export async function createWorkerCommitter(file: string, fallback: Store): Promise<AsyncCommitter> {
  if (isPostgresStore(fallback)) return createPostgresCommitter(fallback);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./commit-worker.mjs', import.meta.url), { workerData: { file } });
  } catch {
    return createInlineCommitter(fallback);
  }
  const ready = await new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), 15_000);
    worker.once('message', (m: { ready?: boolean }) => {
      clearTimeout(t);
      resolve(Boolean(m.ready));
    });
    worker.once('error', () => {
      clearTimeout(t);
      resolve(false);
    });
  });
  if (!ready) {
    await worker.terminate();
    return createInlineCommitter(fallback);
  }
  // The worker checkpoints the WAL from now on, so checkpoints never run on the caller's event loop.
  fallback.setAutoCheckpoint(0);
  const waiting = new Map<number, { resolve: (r: CommitResult) => void; reject: (e: Error) => void }>();
  let seq = 0;
  let dead: Error | null = null;
  worker.on('message', (m: { seq?: number; results?: CommitResult; error?: string }) => {
    if (m.seq === undefined) return;
    const w = waiting.get(m.seq);
    waiting.delete(m.seq);
    if (m.error !== undefined) w?.reject(new LyncdrError('E_STORE_WRITE', m.error));
    else w?.resolve(m.results ?? []);
  });
  const failAll = (e: Error) => {
    if (!dead) fallback.setAutoCheckpoint(1000);
    dead = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', (e) => failAll(new LyncdrError('E_STORE_WRITE', `the commit worker failed: ${e.message}`)));
  worker.on('exit', () => failAll(new LyncdrError('E_STORE_WRITE', 'the commit worker has stopped')));
  return {
    mode: 'worker',
    commit(reports, touches) {
      // A dead worker does not stop the planner: commits continue on the caller's thread.
      if (dead) return new Promise((resolve) => resolve(fallback.commitReports(reports, touches)));
      return new Promise((resolve, reject) => {
        const n = ++seq;
        waiting.set(n, { resolve, reject });
        worker.postMessage({ seq: n, reports, touches });
      });
    },
    async close() {
      if (dead) return;
      dead = new LyncdrError('E_STORE_WRITE', 'the commit worker was closed');
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ close: true });
      await Promise.race([done, new Promise((r) => setTimeout(r, 3000))]);
      await worker.terminate();
    },
  };
}
