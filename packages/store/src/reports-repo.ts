import type Database from 'better-sqlite3';
import type { Observation } from '@lyncdr/protocol';
import { createCommit } from './commit-sql.mjs';
import type { AgentTouch, ReportInput, StoredObservation } from './types';

export { observationKey } from './commit-sql.mjs';

export interface ObsRow {
  key: string; report_id: string; agent: string; collector: string; observed_at: string; duration_ms: number; run_ok: number;
  body: string; last_good_ever: string | null; recent_durations: string | null;
}

export const toStored = (r: ObsRow): StoredObservation => ({
  key: r.key, reportId: r.report_id, agentId: r.agent, collector: r.collector, observedAt: r.observed_at, durationMs: r.duration_ms,
  runOk: r.run_ok === 1, observation: JSON.parse(r.body) as Observation, lastGoodEver: r.last_good_ever,
  recentDurationsMs: r.recent_durations ? (JSON.parse(r.recent_durations) as number[]) : [],
});

/** Raw reports, normalised observations and the latest observation per subject. */
export function createReportsRepo(db: Database.Database) {
  const exists = db.prepare('SELECT 1 FROM reports WHERE id = ? LIMIT 1').pluck();
  const existsFor = db.prepare('SELECT 1 FROM reports WHERE agent = ? AND id = ?').pluck();
  const commit = createCommit(db);
  const latest = db.prepare(`SELECT o.*, l.last_good_ever, l.recent_durations FROM latest_observations l JOIN observations o ON o.seq = l.seq ORDER BY o.key`);
  const history = db.prepare(`SELECT o.*, NULL AS last_good_ever, NULL AS recent_durations FROM observations o WHERE key = ? ORDER BY seq DESC LIMIT ?`);
  const count = db.prepare('SELECT count(*) FROM reports').pluck();
  const prune = db.prepare('UPDATE reports SET raw = NULL WHERE received_at < ? AND raw IS NOT NULL');

  return {
    commitReports: (reports: ReportInput[], touches: AgentTouch[] = []) => commit(reports, touches),
    hasReport: (id: string, agentId?: string): boolean => Boolean(agentId === undefined ? exists.get(id) : existsFor.get(agentId, id)),
    countReports: (): number => count.get() as number,
    latestObservations: (): StoredObservation[] => (latest.all() as ObsRow[]).map(toStored),
    runHistory: (key: string, limit: number): StoredObservation[] => (history.all(key, limit) as ObsRow[]).map(toStored),
    /** Raw report bodies older than `before` are dropped; the id row stays so a late replay is still recognised. */
    pruneReports: (before: string): number => prune.run(before).changes,
  };
}
