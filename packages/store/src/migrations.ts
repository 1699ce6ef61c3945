import type Database from 'better-sqlite3';

/**
 * Numbered schema migrations. Applied in order, each in its own transaction, recorded in `migrations`. `sql` is the
 * SQLite text, `pg` the PostgreSQL text of the same step where it is more than `pgText` makes of `sql` (same tables,
 * columns and version numbers; times stay ISO 8601 text in both, so they compare the same way).
 */
export interface Migration {
  n: number;
  name: string;
  sql: string;
  pg?: string;
}

/** A migration's PostgreSQL text: its own, else its SQLite text with each AUTOINCREMENT key a BIGSERIAL one. */
export const pgText = (m: Migration): string => m.pg ?? m.sql.replace(/ INTEGER PRIMARY KEY AUTOINCREMENT/g, ' BIGSERIAL PRIMARY KEY');

export const migrations: Migration[] = [
  {
    n: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE tokens (
        name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('agent','read','admin')), token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL, revoked_at TEXT, last_seen TEXT, version TEXT, host TEXT);
      CREATE TABLE agent_runs (agent TEXT NOT NULL, collector TEXT NOT NULL, finished_at TEXT NOT NULL, PRIMARY KEY (agent, collector));
      CREATE TABLE reports (
        id TEXT PRIMARY KEY, agent TEXT NOT NULL, collector TEXT NOT NULL, received_at TEXT NOT NULL, started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, ok INTEGER NOT NULL, raw TEXT);
      CREATE INDEX reports_received ON reports (received_at);
      CREATE TABLE observations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, report_id TEXT NOT NULL, agent TEXT NOT NULL, collector TEXT NOT NULL,
        observed_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, run_ok INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX observations_key ON observations (key, seq);
      CREATE TABLE latest_observations (
        key TEXT PRIMARY KEY, seq INTEGER NOT NULL, last_good_ever TEXT);
      CREATE TABLE evaluations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, item_id TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,
        last_good TEXT);
      CREATE INDEX evaluations_item ON evaluations (item_id, seq);
      CREATE TABLE current_status (item_id TEXT PRIMARY KEY, since TEXT NOT NULL, entry TEXT NOT NULL);
      CREATE TABLE topologies (
        version INTEGER PRIMARY KEY AUTOINCREMENT, saved_at TEXT NOT NULL, hash TEXT NOT NULL, source TEXT NOT NULL, json TEXT NOT NULL,
        diff TEXT NOT NULL);
      CREATE TABLE alerts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, item_id TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL,
        reason TEXT NOT NULL, channel TEXT NOT NULL, delivered INTEGER NOT NULL, detail TEXT NOT NULL);
    `,
    pg: `
      CREATE TABLE tokens (
        name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('agent','read','admin')), token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL, revoked_at TEXT, last_seen TEXT, version TEXT, host TEXT);
      CREATE TABLE agent_runs (agent TEXT NOT NULL, collector TEXT NOT NULL, finished_at TEXT NOT NULL, PRIMARY KEY (agent, collector));
      CREATE TABLE reports (
        id TEXT PRIMARY KEY, agent TEXT NOT NULL, collector TEXT NOT NULL, received_at TEXT NOT NULL, started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, ok INTEGER NOT NULL, raw TEXT);
      CREATE INDEX reports_received ON reports (received_at);
      CREATE TABLE observations (
        seq BIGSERIAL PRIMARY KEY, key TEXT NOT NULL, report_id TEXT NOT NULL, agent TEXT NOT NULL, collector TEXT NOT NULL,
        observed_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, run_ok INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX observations_key ON observations (key, seq);
      CREATE TABLE latest_observations (
        key TEXT PRIMARY KEY, seq BIGINT NOT NULL, last_good_ever TEXT);
      CREATE TABLE evaluations (
        seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, item_id TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,
        last_good TEXT);
      CREATE INDEX evaluations_item ON evaluations (item_id, seq);
      CREATE TABLE current_status (item_id TEXT PRIMARY KEY, since TEXT NOT NULL, entry TEXT NOT NULL);
      CREATE TABLE topologies (
        version SERIAL PRIMARY KEY, saved_at TEXT NOT NULL, hash TEXT NOT NULL, source TEXT NOT NULL, json TEXT NOT NULL,
        diff TEXT NOT NULL);
      CREATE TABLE alerts (
        seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, item_id TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL,
        reason TEXT NOT NULL, channel TEXT NOT NULL, delivered INTEGER NOT NULL, detail TEXT NOT NULL);
    `,
  },
  {
    n: 2,
    name: 'recent run durations per subject',
    sql: `ALTER TABLE latest_observations ADD COLUMN recent_durations TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    n: 3,
    name: 'collectors each agent offers (from its hello)',
    sql: `ALTER TABLE tokens ADD COLUMN collectors TEXT;`,
  },
  {
    n: 4,
    name: 'reason codes in the evaluation history and the alert log (a dashboard in French words them)',
    sql: `
      ALTER TABLE evaluations ADD COLUMN reason_code TEXT;
      ALTER TABLE evaluations ADD COLUMN reason_params TEXT;
      ALTER TABLE alerts ADD COLUMN reason_code TEXT;
      ALTER TABLE alerts ADD COLUMN reason_params TEXT;
    `,
  },
  {
    n: 5,
    name: 'report ids are unique per agent, not across agents',
    sql: `
      CREATE TABLE reports_by_agent (
        id TEXT NOT NULL, agent TEXT NOT NULL, collector TEXT NOT NULL, received_at TEXT NOT NULL, started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, ok INTEGER NOT NULL, raw TEXT, PRIMARY KEY (agent, id));
      INSERT INTO reports_by_agent (id, agent, collector, received_at, started_at, finished_at, duration_ms, ok, raw)
        SELECT id, agent, collector, received_at, started_at, finished_at, duration_ms, ok, raw FROM reports;
      DROP TABLE reports;
      ALTER TABLE reports_by_agent RENAME TO reports;
      CREATE INDEX reports_received ON reports (received_at);
    `,
  },
  {
    n: 6,
    name: 'agent clock offset and what the planner refused from each agent (its card)',
    sql: `
      ALTER TABLE tokens ADD COLUMN clock_offset_ms INTEGER;
      CREATE TABLE agent_findings (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, agent TEXT NOT NULL, at TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, ref TEXT);
      CREATE INDEX agent_findings_agent ON agent_findings (agent, seq);
    `,
  },
  {
    n: 7,
    name: 'drills and real runs: their append-only events and evidence files',
    sql: `
      CREATE TABLE run_events (
        run_id TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), at TEXT NOT NULL, operator TEXT NOT NULL, type TEXT NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (run_id, seq));
      CREATE TABLE run_evidence (
        run_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, at TEXT NOT NULL,
        content BLOB NOT NULL, PRIMARY KEY (run_id, id));
      CREATE TRIGGER run_events_no_update BEFORE UPDATE ON run_events BEGIN SELECT RAISE(ABORT, 'run history is append-only'); END;
      CREATE TRIGGER run_events_no_delete BEFORE DELETE ON run_events BEGIN SELECT RAISE(ABORT, 'run history is append-only'); END;
      CREATE TRIGGER run_evidence_no_update BEFORE UPDATE ON run_evidence BEGIN SELECT RAISE(ABORT, 'run history is append-only'); END;
      CREATE TRIGGER run_evidence_no_delete BEFORE DELETE ON run_evidence BEGIN SELECT RAISE(ABORT, 'run history is append-only'); END;
      -- INSERT OR REPLACE deletes the old row without firing delete triggers (unless recursive_triggers is on).
      CREATE TRIGGER run_events_no_replace BEFORE INSERT ON run_events
        WHEN EXISTS (SELECT 1 FROM run_events WHERE run_id = NEW.run_id AND seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'run history is append-only'); END;
      CREATE TRIGGER run_evidence_no_replace BEFORE INSERT ON run_evidence
        WHEN EXISTS (SELECT 1 FROM run_evidence WHERE run_id = NEW.run_id AND id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'run history is append-only'); END;
    `,
    pg: `
      CREATE TABLE run_events (
        run_id TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), at TEXT NOT NULL, operator TEXT NOT NULL, type TEXT NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (run_id, seq));
      CREATE TABLE run_evidence (
        run_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, at TEXT NOT NULL,
        content BYTEA NOT NULL, PRIMARY KEY (run_id, id));
      CREATE FUNCTION run_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'run history is append-only'; END $$;
      CREATE TRIGGER run_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON run_events
        FOR EACH STATEMENT EXECUTE FUNCTION run_history_append_only();
      CREATE TRIGGER run_evidence_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON run_evidence
        FOR EACH STATEMENT EXECUTE FUNCTION run_history_append_only();
    `,
  },
  {
    n: 8,
    name: 'documents the planner generated, with the topology fingerprint each was made from',
    sql: `
      CREATE TABLE documents_generated (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, lang TEXT NOT NULL,
        format TEXT NOT NULL, fingerprint TEXT NOT NULL);
      CREATE INDEX documents_generated_name ON documents_generated (kind, name, lang, seq);
    `,
  },
];

/** Brings the schema up to date; refuses a database written by a newer lyncdr. */
export function migrate(db: Database.Database, at: string): number {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (n INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT n FROM migrations').all() as { n: number }[]).map((r) => r.n));
  const newest = migrations[migrations.length - 1]?.n ?? 0;
  const highest = Math.max(0, ...done);
  if (highest > newest) return -highest;
  let applied = 0;
  for (const m of migrations) {
    if (done.has(m.n)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations (n, name, applied_at) VALUES (?, ?, ?)').run(m.n, m.name, at);
    })();
    applied++;
  }
  return applied;
}
