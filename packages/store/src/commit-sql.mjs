// Report commit statements, in plain JavaScript so that both the planner's thread (reports-repo.ts) and the commit
// worker thread (commit-worker.mjs, which runs without a TypeScript loader) use the very same SQL.

/** Key of one observed subject: its kind plus the inventory item id when known, else its subject. */
export function observationKey(o) {
  return `${o.kind}|${o.itemId ?? o.subject}`;
}

/** Opens the planner database the way every connection must: WAL, synchronous FULL, a busy timeout. */
export function applyPragmas(db) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/** How many refusals are kept per agent (the oldest go first). */
export const AGENT_FINDINGS_KEPT = 20;

/**
 * Returns `touch(t)`: writes an agent's last-seen data, its clock offset and the refusals to show on its card (the
 * newest AGENT_FINDINGS_KEPT per agent are kept). Runs inside the caller's transaction.
 */
export function createTouch(db) {
  const update = db.prepare(`UPDATE tokens SET last_seen = ?, version = coalesce(?, version), host = coalesce(?, host),
    collectors = coalesce(?, collectors), clock_offset_ms = coalesce(?, clock_offset_ms) WHERE name = ?`);
  const insertFinding = db.prepare('INSERT INTO agent_findings (agent, at, code, message, ref) VALUES (?, ?, ?, ?, ?)');
  const pruneFindings = db.prepare(`DELETE FROM agent_findings WHERE agent = ? AND seq <= (
    SELECT seq FROM agent_findings WHERE agent = ? ORDER BY seq DESC LIMIT 1 OFFSET ${AGENT_FINDINGS_KEPT})`);
  return (t) => {
    const offset = typeof t.clockOffsetMs === 'number' && Number.isFinite(t.clockOffsetMs) ? Math.round(t.clockOffsetMs) : null;
    update.run(t.at, t.version ?? null, t.host ?? null, t.collectors ? JSON.stringify(t.collectors) : null, offset, t.name);
    if (t.findings?.length) {
      for (const f of t.findings) insertFinding.run(t.name, f.at, f.code, f.message, f.ref ?? null);
      pruneFindings.run(t.name, t.name);
    }
  };
}

/**
 * Returns `commit(reports, touches)`: one IMMEDIATE transaction; per report, in input order, `{ id, duplicate }`.
 * A report is a duplicate when the same agent sent the same id before: ids are unique per agent, so one agent cannot
 * make another agent's report look like a replay by reusing its id.
 */
export function createCommit(db) {
  const insertReport = db.prepare(
    'INSERT INTO reports (id, agent, collector, received_at, started_at, finished_at, duration_ms, ok, raw) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (agent, id) DO NOTHING',
  );
  const insertObs = db.prepare(
    'INSERT INTO observations (key, report_id, agent, collector, observed_at, duration_ms, run_ok, body) VALUES (?,?,?,?,?,?,?,?)',
  );
  const latestOf = db.prepare('SELECT l.recent_durations, o.duration_ms FROM latest_observations l JOIN observations o ON o.seq = l.seq WHERE l.key = ?');
  const upsertLatest = db.prepare(`INSERT INTO latest_observations (key, seq, last_good_ever, recent_durations) VALUES (?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET seq = excluded.seq, recent_durations = excluded.recent_durations,
      last_good_ever = CASE WHEN excluded.last_good_ever IS NOT NULL AND (latest_observations.last_good_ever IS NULL
        OR excluded.last_good_ever > latest_observations.last_good_ever) THEN excluded.last_good_ever ELSE latest_observations.last_good_ever END`);
  const upsertRun = db.prepare(`INSERT INTO agent_runs (agent, collector, finished_at) VALUES (?, ?, ?)
    ON CONFLICT (agent, collector) DO UPDATE SET finished_at = max(finished_at, excluded.finished_at)`);
  const touch = createTouch(db);

  const tx = db.transaction((reports, touches) => {
    for (const t of touches) touch(t);
    return reports.map((r) => {
      const inserted = insertReport.run(r.id, r.agentId, r.collector, r.receivedAt, r.startedAt, r.finishedAt, r.durationMs, r.ok ? 1 : 0, r.raw).changes;
      if (!inserted) return { id: r.id, duplicate: true };
      for (const o of r.observations) {
        const key = observationKey(o);
        const prev = latestOf.get(key);
        const recent = prev ? [prev.duration_ms, ...JSON.parse(prev.recent_durations)].slice(0, 10) : [];
        const seq = insertObs.run(key, r.id, r.agentId, r.collector, r.finishedAt, r.durationMs, r.ok ? 1 : 0, JSON.stringify(o)).lastInsertRowid;
        upsertLatest.run(key, seq, o.ok && o.lastGood ? o.lastGood : null, JSON.stringify(recent));
      }
      upsertRun.run(r.agentId, r.collector, r.finishedAt);
      return { id: r.id, duplicate: false };
    });
  });
  return (reports, touches = []) => tx.immediate(reports, touches);
}
