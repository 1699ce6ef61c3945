// Worker-thread entry of the async committer: owns a second connection to the planner database and commits report
// batches there, so the fsync of every commit does not block the planner's event loop. Plain JavaScript: a worker
// thread gets no TypeScript loader.
//
// Checkpoints: the planner's connections do not auto-checkpoint; this worker checkpoints (PASSIVE) after every
// CHECKPOINT_EVERY reports and whenever commits pause, so the WAL stays small and no checkpoint runs on the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyPragmas, createCommit } from './commit-sql.mjs';

const CHECKPOINT_EVERY = 5000;
const db = new Database(workerData.file, { fileMustExist: true });
applyPragmas(db);
db.pragma('wal_autocheckpoint = 0');
const commit = createCommit(db);
let sinceCheckpoint = 0;
let idle = null;

const checkpoint = () => {
  sinceCheckpoint = 0;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy database is checkpointed next time.
  }
};

parentPort.on('message', (m) => {
  if (m.close) {
    clearTimeout(idle);
    checkpoint();
    db.close();
    parentPort.postMessage({ closed: true });
    process.exit(0);
  }
  try {
    parentPort.postMessage({ seq: m.seq, results: commit(m.reports, m.touches) });
  } catch (e) {
    parentPort.postMessage({ seq: m.seq, error: e.message });
  }
  sinceCheckpoint += m.reports.length;
  clearTimeout(idle);
  if (sinceCheckpoint >= CHECKPOINT_EVERY) checkpoint();
  else idle = setTimeout(checkpoint, 250);
});
parentPort.postMessage({ ready: true });
