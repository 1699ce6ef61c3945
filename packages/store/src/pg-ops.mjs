// The PostgreSQL store's statements, in plain JavaScript so that both the store's worker thread (pg-worker.mjs, which
// runs without a TypeScript loader) and the planner's async committer (pg-committer.ts) run the very same SQL.
// Every function takes a connected `pg` client whose search_path is the deployment's schema. Times are passed in as
// ISO text by the caller (the clock lives on the planner's side). Errors meant for the caller carry `lyncdrCode`.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { AGENT_FINDINGS_KEPT, observationKey } from './commit-sql.mjs';

/** Largest evidence file a run may keep, in bytes (the same limit as runs-repo.ts MAX_EVIDENCE_BYTES). */
const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** An error the store hands to its caller with a stable code. */
function coded(code, message) {
  const e = new Error(message);
  e.lyncdrCode = code;
  return e;
}

/** Runs `fn` in one transaction opened by `begin`; rolls back and rethrows on any error. */
async function inTransactionFrom(client, begin, fn) {
  await client.query(begin);
  try {
    const out = await fn();
    await client.query('COMMIT');
    return out;
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch {
      // The connection is gone: the server rolled back already.
    }
    throw e;
  }
}

/** Runs `fn` in one transaction; rolls back and rethrows on any error. */
export function inTransaction(client, fn) {
  return inTransactionFrom(client, 'BEGIN', fn);
}

/** A transaction that starts with the reports lock, both sent in one round trip (the commit path counts them). */
function inReportsTransaction(client, fn) {
  return inTransactionFrom(client, "BEGIN; SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.reports'))", fn);
}

/**
 * Opens a connection in the deployment's schema; `onLost(client)` is called when it fails later (the caller opens a new
 * one on its next operation). A connection that cannot be opened is ended and its error thrown.
 */
export async function openClient({ url, schema, connectTimeoutMs, applicationName, onLost }) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, query_timeout: QUERY_TIMEOUT_MS, application_name: applicationName });
  c.on('error', () => onLost(c));
  try {
    await c.connect();
    await openSchema(c, schema);
  } catch (e) {
    c.end().catch(() => {});
    throw e;
  }
  return c;
}

/** Serialises writers of one kind within this schema (every planner connected to it), until the transaction ends. */
const lock = (client, what) => client.query('SELECT pg_advisory_xact_lock(hashtext(current_schema() || $1))', [`.${what}`]);

/** Opens the deployment's schema: created when missing (a concurrent creation by another planner is fine). */
export async function openSchema(client, schema) {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (e) {
    if (e.code !== '23505' && e.code !== '42P06') throw e;
  }
  await client.query(`SET search_path TO "${schema}"`);
}

/** How long one migration step may run (the clients' usual limit is QUERY_TIMEOUT_MS). */
const MIGRATION_TIMEOUT_MS = 6 * 3600_000;

/** How long any other statement may run before the client gives up on it. */
export const QUERY_TIMEOUT_MS = 30_000;

/** Brings the schema up to date with `migrations` (the `pg` text of each); -highest when the schema is newer. */
export async function migrate(client, migrations, at) {
  await client.query("SELECT pg_advisory_lock(hashtext(current_schema() || '.migrate'))");
  try {
    await client.query('CREATE TABLE IF NOT EXISTS migrations (n INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await client.query('SELECT n FROM migrations')).rows.map((r) => r.n));
    const newest = migrations[migrations.length - 1]?.n ?? 0;
    const highest = Math.max(0, ...done);
    if (highest > newest) return -highest;
    let applied = 0;
    for (const m of migrations) {
      if (done.has(m.n)) continue;
      await inTransaction(client, async () => {
        // A migration may copy a large table: no per-query time limit here.
        await client.query({ text: m.pg, query_timeout: MIGRATION_TIMEOUT_MS });
        await client.query('INSERT INTO migrations (n, name, applied_at) VALUES ($1, $2, $3)', [m.n, m.name, at]);
      });
      applied++;
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || '.migrate'))");
  }
}

// ---- tokens -------------------------------------------------------------------------------------------------------

const TOKEN_COLUMNS = 'name, role, created_at, revoked_at, last_seen, version, host, collectors, clock_offset_ms';

/** Token rows with their last run per collector and their newest findings, in three queries whatever their number. */
async function withDetails(client, rows) {
  if (!rows.length) return [];
  const names = rows.map((r) => r.name);
  const runs = (await client.query('SELECT agent, collector, finished_at FROM agent_runs WHERE agent = ANY($1)', [names])).rows;
  const findings = (await client.query(
    `SELECT agent, at, code, message, ref FROM (SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq DESC) AS k
      FROM agent_findings WHERE agent = ANY($1)) f WHERE k <= ${AGENT_FINDINGS_KEPT} ORDER BY agent, seq DESC`,
    [names],
  )).rows;
  return rows.map((r) => ({
    ...r,
    runs: runs.filter((x) => x.agent === r.name).map((x) => ({ collector: x.collector, finished_at: x.finished_at })),
    findings: findings.filter((x) => x.agent === r.name).map((x) => ({ at: x.at, code: x.code, message: x.message, ref: x.ref })),
  }));
}

/** One token with its details in one round trip (asked on every agent connection and heartbeat). */
async function tokenBy(client, where, value) {
  const row = (await client.query(
    `SELECT ${TOKEN_COLUMNS},
      (SELECT coalesce(json_agg(json_build_object('collector', r.collector, 'finished_at', r.finished_at)), '[]')
        FROM agent_runs r WHERE r.agent = t.name) AS runs,
      (SELECT coalesce(json_agg(json_build_object('at', f.at, 'code', f.code, 'message', f.message, 'ref', f.ref) ORDER BY f.seq DESC), '[]')
        FROM (SELECT * FROM agent_findings WHERE agent = t.name ORDER BY seq DESC LIMIT ${AGENT_FINDINGS_KEPT}) f) AS findings
      FROM tokens t WHERE ${where} = $1`,
    [value],
  )).rows[0];
  return row ?? null;
}

/** Writes an agent's last-seen data, clock offset and findings (the newest AGENT_FINDINGS_KEPT stay). */
async function touch(client, t) {
  const offset = typeof t.clockOffsetMs === 'number' && Number.isFinite(t.clockOffsetMs) ? Math.round(t.clockOffsetMs) : null;
  await client.query(
    `UPDATE tokens SET last_seen = $1, version = coalesce($2, version), host = coalesce($3, host),
      collectors = coalesce($4, collectors), clock_offset_ms = coalesce($5, clock_offset_ms) WHERE name = $6`,
    [t.at, t.version ?? null, t.host ?? null, t.collectors ? JSON.stringify(t.collectors) : null, offset, t.name],
  );
  if (t.findings?.length) {
    for (const f of t.findings) {
      await client.query('INSERT INTO agent_findings (agent, at, code, message, ref) VALUES ($1, $2, $3, $4, $5)', [t.name, f.at, f.code, f.message, f.ref ?? null]);
    }
    await client.query(
      `DELETE FROM agent_findings WHERE agent = $1 AND seq <= (
        SELECT seq FROM agent_findings WHERE agent = $1 ORDER BY seq DESC LIMIT 1 OFFSET ${AGENT_FINDINGS_KEPT})`,
      [t.name],
    );
  }
}

// ---- reports ------------------------------------------------------------------------------------------------------

/**
 * Writes the last-seen data of many agents in one statement (a name given twice: the later values win, as two
 * touches in a row would leave them), then their findings.
 */
async function touchAll(client, touches) {
  const merged = new Map();
  for (const t of touches) {
    const prev = merged.get(t.name);
    const offset = typeof t.clockOffsetMs === 'number' && Number.isFinite(t.clockOffsetMs) ? Math.round(t.clockOffsetMs) : null;
    merged.set(t.name, {
      name: t.name, at: t.at, version: t.version ?? prev?.version ?? null, host: t.host ?? prev?.host ?? null,
      collectors: t.collectors ? JSON.stringify(t.collectors) : (prev?.collectors ?? null), offset: offset ?? prev?.offset ?? null,
    });
  }
  const rows = [...merged.values()];
  if (rows.length) {
    await client.query(
      `UPDATE tokens t SET last_seen = u.at, version = coalesce(u.version, t.version), host = coalesce(u.host, t.host),
        collectors = coalesce(u.collectors, t.collectors), clock_offset_ms = coalesce(u.off, t.clock_offset_ms)
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS u(name, at, version, host, collectors, off)
        WHERE t.name = u.name`,
      [rows.map((r) => r.name), rows.map((r) => r.at), rows.map((r) => r.version), rows.map((r) => r.host), rows.map((r) => r.collectors), rows.map((r) => r.offset)],
    );
  }
  for (const t of touches) if (t.findings?.length) await touch(client, { name: t.name, at: t.at, findings: t.findings });
}

/** The last run per agent and collector ($1-$3), kept the latest. */
const RUNS_UPSERT = `INSERT INTO agent_runs (agent, collector, finished_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT (agent, collector) DO UPDATE SET finished_at = greatest(agent_runs.finished_at COLLATE "C", excluded.finished_at)`;

/** The greater of two ISO times (or either when the other is null). */
const later = (a, b) => (a === null ? b : b === null ? a : b > a ? b : a);

/**
 * Commits a batch of reports (and agents' last-seen data) in one transaction; per report, in input order,
 * `{ id, duplicate }` (ids are unique per agent). A fixed number of statements whatever the batch size: the running
 * history of each subject is worked out here, in input order, from the stored one. Report commits of one schema are
 * serialised by an advisory lock, so that history is written in commit order whichever connection commits.
 */
export async function commitReports(client, reports, touches = []) {
  return inReportsTransaction(client, async () => {
    await touchAll(client, touches);
    // The first copy of an (agent, id) in the batch is a candidate; stored ones come back as not inserted.
    const seen = new Set();
    const candidates = reports.filter((r) => {
      const k = `${r.agentId}\u0000${r.id}`;
      return !seen.has(k) && seen.add(k);
    });
    const inserted = new Set();
    if (candidates.length) {
      const c = candidates;
      const res = await client.query(
        `INSERT INTO reports (id, agent, collector, received_at, started_at, finished_at, duration_ms, ok, raw)
          SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[])
          ON CONFLICT (agent, id) DO NOTHING RETURNING agent, id`,
        [c.map((r) => r.id), c.map((r) => r.agentId), c.map((r) => r.collector), c.map((r) => r.receivedAt), c.map((r) => r.startedAt),
          c.map((r) => r.finishedAt), c.map((r) => r.durationMs), c.map((r) => (r.ok ? 1 : 0)), c.map((r) => r.raw)],
      );
      for (const row of res.rows) inserted.add(`${row.agent}\u0000${row.id}`);
    }
    const stored = [];
    const out = reports.map((r) => {
      const k = `${r.agentId}\u0000${r.id}`;
      if (!inserted.has(k)) return { id: r.id, duplicate: true };
      inserted.delete(k); // a later copy in the same batch is a duplicate
      stored.push(r);
      return { id: r.id, duplicate: false };
    });
    if (!stored.length) return out;

    const runs = new Map();
    for (const r of stored) {
      const k = `${r.agentId}\u0000${r.collector}`;
      runs.set(k, { agent: r.agentId, collector: r.collector, at: later(runs.get(k)?.at ?? null, r.finishedAt) });
    }
    const rs = [...runs.values()];
    const writes = { sql: RUNS_UPSERT, params: [rs.map((x) => x.agent), rs.map((x) => x.collector), rs.map((x) => x.at)] };
    const obs = stored.flatMap((r) => r.observations.map((o) => ({ r, o, key: observationKey(o) })));
    if (obs.length) {
      const keys = [...new Set(obs.map((x) => x.key))];
      // The new observations' seqs and the stored history of their subjects, in one round trip.
      const got = (await client.query(
        `SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('observations', 'seq')) FROM generate_series(1, $2)) AS seqs,
          (SELECT coalesce(json_agg(json_build_object('key', l.key, 'recent', l.recent_durations, 'duration', o.duration_ms)), '[]')
            FROM latest_observations l CROSS JOIN LATERAL (SELECT duration_ms FROM observations x WHERE x.seq = l.seq OFFSET 0) o
            WHERE l.key = ANY($1)) AS prev`,
        [keys, obs.length],
      )).rows[0];
      const prev = new Map(got.prev.map((p) => [p.key, { duration: p.duration, recent: JSON.parse(p.recent) }]));
      const seqs = got.seqs.map((x) => BigInt(x)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const latest = new Map();
      obs.forEach((x, i) => {
        const p = prev.get(x.key);
        const recent = p ? [p.duration, ...p.recent].slice(0, 10) : [];
        const seq = seqs[i].toString();
        prev.set(x.key, { duration: x.r.durationMs, recent });
        const good = x.o.ok && x.o.lastGood ? x.o.lastGood : null;
        latest.set(x.key, { seq, recent, good: later(latest.get(x.key)?.good ?? null, good) });
        x.seq = seq;
      });
      const l = [...latest.entries()];
      writes.sql = `WITH o AS (INSERT INTO observations (seq, key, report_id, agent, collector, observed_at, duration_ms, run_ok, body)
          SELECT * FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[])),
        l AS (INSERT INTO latest_observations (key, seq, last_good_ever, recent_durations)
          SELECT * FROM unnest($13::text[], $14::bigint[], $15::text[], $16::text[])
          ON CONFLICT (key) DO UPDATE SET seq = excluded.seq, recent_durations = excluded.recent_durations,
            last_good_ever = CASE WHEN excluded.last_good_ever IS NOT NULL AND (latest_observations.last_good_ever IS NULL
              OR excluded.last_good_ever COLLATE "C" > latest_observations.last_good_ever) THEN excluded.last_good_ever ELSE latest_observations.last_good_ever END)
        ${RUNS_UPSERT}`;
      writes.params.push(
        obs.map((x) => x.seq), obs.map((x) => x.key), obs.map((x) => x.r.id), obs.map((x) => x.r.agentId), obs.map((x) => x.r.collector),
        obs.map((x) => x.r.finishedAt), obs.map((x) => x.r.durationMs), obs.map((x) => (x.r.ok ? 1 : 0)), obs.map((x) => JSON.stringify(x.o)),
        l.map(([k]) => k), l.map(([, v]) => v.seq), l.map(([, v]) => v.good), l.map(([, v]) => JSON.stringify(v.recent)),
      );
    }
    // The observations, the newest per subject and the last run per agent and collector: one statement.
    await client.query(writes.sql, writes.params);
    return out;
  });
}

const OBS_COLUMNS = 'o.key, o.report_id, o.agent, o.collector, o.observed_at, o.duration_ms, o.run_ok, o.body';

// Text comparisons and orderings use COLLATE "C" (byte order, as SQLite compares), whatever the database's collation.

// ---- every store call, by name (the worker's table) ---------------------------------------------------------------

/** The store's operations on `client`: each takes plain arguments and returns plain (cloneable) values. */
export const ops = {
  async addToken(client, name, role, tokenHash, at) {
    const r = await client.query('INSERT INTO tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING', [name, role, tokenHash, at]);
    if (!r.rowCount) throw coded('E_AGENT_EXISTS', `a token named "${name}" already exists; revoke it or choose another name`);
    return tokenBy(client, 'name', name);
  },
  async replaceToken(client, name, role, tokenHash, at) {
    await client.query(
      `INSERT INTO tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = NULL`,
      [name, role, tokenHash, at],
    );
    return tokenBy(client, 'name', name);
  },
  async listTokens(client) {
    return withDetails(client, (await client.query(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY name COLLATE "C"`)).rows);
  },
  getToken: (client, name) => tokenBy(client, 'name', name),
  findByTokenHash: (client, hash) => tokenBy(client, 'token_hash', hash),
  async revokeToken(client, name, at) {
    const r = await client.query('UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL', [at, name]);
    if (r.rowCount) return true;
    return (await client.query('SELECT 1 FROM tokens WHERE name = $1', [name])).rowCount > 0;
  },
  touchAgent: (client, t) => inTransaction(client, () => touch(client, t)),

  commitReports,
  async hasReport(client, id, agentId) {
    const r = agentId === undefined || agentId === null
      ? await client.query('SELECT 1 FROM reports WHERE id = $1 LIMIT 1', [id])
      : await client.query('SELECT 1 FROM reports WHERE agent = $1 AND id = $2', [agentId, id]);
    return r.rowCount > 0;
  },
  async countReports(client) {
    return (await client.query('SELECT count(*)::int AS n FROM reports')).rows[0].n;
  },
  async latestObservations(client) {
    // One index lookup per subject (the LATERAL with OFFSET 0 keeps the planner from hashing the whole history).
    return (await client.query(`SELECT ${OBS_COLUMNS}, l.last_good_ever, l.recent_durations FROM latest_observations l
      CROSS JOIN LATERAL (SELECT * FROM observations x WHERE x.seq = l.seq OFFSET 0) o ORDER BY o.key COLLATE "C"`)).rows;
  },
  async runHistory(client, key, limit) {
    return (await client.query(`SELECT ${OBS_COLUMNS}, NULL AS last_good_ever, NULL AS recent_durations FROM observations o
      WHERE key = $1 ORDER BY seq DESC LIMIT $2`, [key, limit])).rows;
  },
  async pruneReports(client, before) {
    return (await client.query('UPDATE reports SET raw = NULL WHERE received_at COLLATE "C" < $1 AND raw IS NOT NULL', [before])).rowCount;
  },

  /** entries: [{ itemId, status, reason, lastGood, reasonCode, reasonParams, json }]; returns the changed ones' indexes and previous status. */
  recordEvaluation: (client, at, entries) => inTransaction(client, async () => {
    await lock(client, 'status');
    const ids = entries.map((e) => e.itemId);
    const current = new Map((await client.query('SELECT item_id, since, entry FROM current_status WHERE item_id = ANY($1)', [ids])).rows
      .map((r) => [r.item_id, r]));
    const changes = [];
    const items = [];
    const since = [];
    const json = [];
    for (const [i, e] of entries.entries()) {
      const prev = current.get(e.itemId);
      const prevEntry = prev ? JSON.parse(prev.entry) : null;
      const changed = !prevEntry || prevEntry.status !== e.status;
      if (changed || prevEntry.reason !== e.reason) {
        await client.query(
          'INSERT INTO evaluations (at, item_id, status, reason, last_good, reason_code, reason_params) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [at, e.itemId, e.status, e.reason, e.lastGood ?? null, e.reasonCode ?? null, e.reasonParams ? JSON.stringify(e.reasonParams) : null],
        );
      }
      const s = changed ? at : (prev?.since ?? at);
      // One row per item: a repeated item in the same call takes the last entry, as consecutive upserts would.
      const k = items.indexOf(e.itemId);
      if (k >= 0) {
        since[k] = s;
        json[k] = e.json;
      } else {
        items.push(e.itemId);
        since.push(s);
        json.push(e.json);
      }
      current.set(e.itemId, { item_id: e.itemId, since: s, entry: e.json });
      if (changed) changes.push({ index: i, previous: prevEntry?.status ?? null });
    }
    if (items.length) {
      await client.query(
        `INSERT INTO current_status (item_id, since, entry) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
          ON CONFLICT (item_id) DO UPDATE SET since = excluded.since, entry = excluded.entry`,
        [items, since, json],
      );
    }
    return changes;
  }),
  async currentStatus(client) {
    return (await client.query('SELECT item_id, since, entry FROM current_status ORDER BY item_id COLLATE "C"')).rows;
  },
  async evaluationHistory(client, itemId, limit) {
    return (await client.query('SELECT at, item_id, status, reason, last_good, reason_code, reason_params FROM evaluations WHERE item_id = $1 ORDER BY seq DESC LIMIT $2', [itemId, limit])).rows;
  },
  async logAlert(client, a) {
    await client.query(
      'INSERT INTO alerts (at, item_id, from_status, to_status, reason, channel, delivered, detail, reason_code, reason_params) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
      [a.at, a.itemId, a.from, a.to, a.reason, a.channel, a.delivered ? 1 : 0, a.detail, a.reasonCode ?? null, a.reasonParams ? JSON.stringify(a.reasonParams) : null],
    );
  },
  async listAlerts(client, limit) {
    return (await client.query('SELECT * FROM alerts ORDER BY seq DESC LIMIT $1', [limit])).rows;
  },

  saveTopology: (client, at, source, hash, json, diff) => inTransaction(client, async () => {
    await lock(client, 'topology');
    const last = (await client.query('SELECT hash FROM topologies ORDER BY version DESC LIMIT 1')).rows[0];
    if (last?.hash === hash) return null;
    return (await client.query('INSERT INTO topologies (saved_at, hash, source, json, diff) VALUES ($1, $2, $3, $4, $5) RETURNING *', [at, hash, source, json, JSON.stringify(diff)])).rows[0];
  }),
  async latestTopology(client) {
    return (await client.query('SELECT * FROM topologies ORDER BY version DESC LIMIT 1')).rows[0] ?? null;
  },
  async listTopologies(client, limit) {
    return (await client.query('SELECT version, saved_at, hash, source, diff FROM topologies ORDER BY version DESC LIMIT $1', [limit])).rows;
  },

  appendRunEvent: (client, e, data) => inTransaction(client, async () => {
    // The run's lock is taken before its highest seq is read, so no other connection appends in between.
    await lock(client, `run:${e.runId}`);
    const expected = ((await client.query('SELECT max(seq) AS m FROM run_events WHERE run_id = $1', [e.runId])).rows[0].m ?? 0) + 1;
    if (e.seq !== expected) {
      throw coded('E_RUN_CONFLICT', `run ${e.runId} changed meanwhile: event ${e.seq} was sent, the next one is ${expected}; reload the run and try again`);
    }
    await client.query('INSERT INTO run_events (run_id, seq, at, operator, type, data) VALUES ($1, $2, $3, $4, $5, $6)', [e.runId, e.seq, e.at, e.operator, e.type, data]);
  }),
  async runEvents(client, runId) {
    return (await client.query('SELECT * FROM run_events WHERE run_id = $1 ORDER BY seq', [runId])).rows;
  },
  async listRuns(client) {
    return (await client.query(`SELECT r.run_id AS "runId", s.at AS "startedAt", r.n AS events, l.at AS "lastAt"
      FROM (SELECT run_id, count(*)::int AS n, max(seq) AS m FROM run_events GROUP BY run_id) r
      JOIN run_events s ON s.run_id = r.run_id AND s.seq = 1
      JOIN run_events l ON l.run_id = r.run_id AND l.seq = r.m
      ORDER BY s.at COLLATE "C" DESC, r.run_id COLLATE "C" DESC`)).rows;
  },
  putEvidence: (client, e) => {
    const bytes = Buffer.from(e.content.buffer, e.content.byteOffset, e.content.byteLength);
    const size = bytes.byteLength;
    if (size > MAX_EVIDENCE_BYTES) {
      throw coded('E_RUN_EVIDENCE_TOO_LARGE', `evidence "${e.name}" is ${size} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes (5 MiB): attach an excerpt`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return inTransaction(client, async () => {
      await lock(client, `run:${e.runId}`);
      const has = await client.query('SELECT 1 FROM run_evidence WHERE run_id = $1 AND id = $2', [e.runId, e.id]);
      if (has.rowCount) throw coded('E_RUN_CONFLICT', `run ${e.runId} already has evidence ${e.id}; evidence is never replaced`);
      await client.query('INSERT INTO run_evidence (run_id, id, name, sha256, size, at, content) VALUES ($1, $2, $3, $4, $5, $6, $7)', [e.runId, e.id, e.name, sha256, size, e.at, bytes]);
      return { id: e.id, runId: e.runId, name: e.name, sha256, size, at: e.at };
    });
  },
  async getEvidence(client, runId, id) {
    return (await client.query('SELECT * FROM run_evidence WHERE run_id = $1 AND id = $2', [runId, id])).rows[0] ?? null;
  },

  async recordDocument(client, d) {
    await client.query('INSERT INTO documents_generated (at, kind, name, lang, format, fingerprint) VALUES ($1, $2, $3, $4, $5, $6)', [d.at, d.kind, d.name, d.lang, d.format, d.fingerprint]);
  },
  async lastDocuments(client) {
    return (await client.query(`SELECT d.at, d.kind, d.name, d.lang, d.format, d.fingerprint FROM documents_generated d
      JOIN (SELECT max(seq) AS seq FROM documents_generated GROUP BY kind, name, lang) n ON n.seq = d.seq
      ORDER BY d.kind COLLATE "C", d.name COLLATE "C", d.lang COLLATE "C"`)).rows;
  },
};
