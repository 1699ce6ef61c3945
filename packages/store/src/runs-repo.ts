import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { LyncdrError } from '@lyncdr/errors';
import type { EvidenceRecord, RunEventRecord, RunSummaryRow } from './types';

/** Largest evidence file a run step may keep in the store, in bytes. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

interface EventRow { run_id: string; seq: number; at: string; operator: string; type: string; data: string }
interface EvidenceRow { run_id: string; id: string; name: string; sha256: string; size: number; at: string; content?: Buffer }

const toEvidence = (r: EvidenceRow): EvidenceRecord => ({ id: r.id, runId: r.run_id, name: r.name, sha256: r.sha256, size: r.size, at: r.at });

/**
 * Drills and real runs: each run is an append-only list of events plus its evidence files. Triggers of the schema
 * refuse any UPDATE or DELETE of both tables (and an INSERT OR REPLACE of a stored row), so a run's history cannot
 * be rewritten, even with SQL.
 */
export function createRunsRepo(db: Database.Database) {
  const highest = db.prepare('SELECT max(seq) FROM run_events WHERE run_id = ?').pluck();
  const insertEvent = db.prepare('INSERT INTO run_events (run_id, seq, at, operator, type, data) VALUES (?, ?, ?, ?, ?, ?)');
  const events = db.prepare('SELECT * FROM run_events WHERE run_id = ? ORDER BY seq');
  const runs = db.prepare(`SELECT r.run_id AS runId, s.at AS startedAt, r.n AS events, l.at AS lastAt
    FROM (SELECT run_id, count(*) AS n, max(seq) AS m FROM run_events GROUP BY run_id) r
    JOIN run_events s ON s.run_id = r.run_id AND s.seq = 1
    JOIN run_events l ON l.run_id = r.run_id AND l.seq = r.m
    ORDER BY s.at DESC, r.run_id DESC`);
  const insertEvidence = db.prepare('INSERT INTO run_evidence (run_id, id, name, sha256, size, at, content) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const evidence = db.prepare('SELECT * FROM run_evidence WHERE run_id = ? AND id = ?');
  const hasEvidence = db.prepare('SELECT 1 FROM run_evidence WHERE run_id = ? AND id = ?').pluck();

  const conflict = (runId: string, seq: number, expected: number) =>
    new LyncdrError('E_RUN_CONFLICT', `run ${runId} changed meanwhile: event ${seq} was sent, the next one is ${expected}; reload the run and try again`);

  // Immediate: the write lock is taken before the highest seq is read, so no other connection appends in between.
  const append = db.transaction((e: RunEventRecord) => {
    const expected = ((highest.get(e.runId) as number | null) ?? 0) + 1;
    if (e.seq !== expected) throw conflict(e.runId, e.seq, expected);
    insertEvent.run(e.runId, e.seq, e.at, e.operator, e.type, JSON.stringify(e.data) ?? 'null');
  });
  const addEvidence = db.transaction((runId: string, id: string, row: unknown[]) => {
    if (hasEvidence.get(runId, id)) throw new LyncdrError('E_RUN_CONFLICT', `run ${runId} already has evidence ${id}; evidence is never replaced`);
    insertEvidence.run(...row);
  });

  return {
    appendRunEvent(e: RunEventRecord): void {
      append.immediate(e);
    },
    runEvents: (runId: string): RunEventRecord[] =>
      (events.all(runId) as EventRow[]).map((r) => ({
        runId: r.run_id, seq: r.seq, at: r.at, operator: r.operator, type: r.type, data: JSON.parse(r.data) as unknown,
      })),
    listRuns: (): RunSummaryRow[] => runs.all() as RunSummaryRow[],
    putEvidence(e: Omit<EvidenceRecord, 'size' | 'sha256'> & { content: Uint8Array }): EvidenceRecord {
      const size = e.content.byteLength;
      if (size > MAX_EVIDENCE_BYTES) {
        throw new LyncdrError('E_RUN_EVIDENCE_TOO_LARGE', `evidence "${e.name}" is ${size} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes (5 MiB): attach an excerpt`);
      }
      const bytes = Buffer.from(e.content.buffer, e.content.byteOffset, size);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      addEvidence.immediate(e.runId, e.id, [e.runId, e.id, e.name, sha256, size, e.at, bytes]);
      return { id: e.id, runId: e.runId, name: e.name, sha256, size, at: e.at };
    },
    getEvidence(runId: string, id: string): (EvidenceRecord & { content: Uint8Array }) | null {
      const r = evidence.get(runId, id) as EvidenceRow | undefined;
      return r ? { ...toEvidence(r), content: r.content ?? Buffer.alloc(0) } : null;
    },
  };
}
