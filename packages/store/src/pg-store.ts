import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { StatusEntry } from '@lyncdr/protocol';
import { LyncdrError } from '@lyncdr/errors';
import { migrations, pgText } from './migrations';
import { QUERY_TIMEOUT_MS } from './pg-ops.mjs';
import { toStored, type ObsRow } from './reports-repo';
import { reasonFields } from './status-repo';
import { collectorsOf, type TokenRow } from './tokens-repo';
import { toVersion, type TopologyRow } from './topology-repo';
import type { AgentRecord, AlertRow, EvaluationRow, EvidenceRecord, GeneratedDocument, RunEventRecord, RunSummaryRow, Store, TokenRole } from './types';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (the `pg` connection string: `?sslmode=require` and the like work). */
  url: string;
  /** The deployment's schema: created when missing; every table of this store lives in it. */
  schema: string;
  now: () => Date;
  /** How long opening a connection may take before the store gives up (ms). */
  connectTimeoutMs?: number;
}

/** A store on PostgreSQL: its connection string and schema, for the committer that opens its own connection. */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  readonly postgres: { url: string; schema: string; connectTimeoutMs: number };
}

export const isPostgresStore = (s: Store): s is PostgresStore => (s as Partial<PostgresStore>).kind === 'postgres';

/** The URL without its password, for messages and logs; the text itself when it does not parse. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, '@');
  }
}

/** A schema name used in SQL unquoted-safe: lower-case letters, digits and underscores, not starting with a digit. */
export function checkSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new LyncdrError('E_CONFIG', `schema "${schema}" is not a valid PostgreSQL schema name for lyncdr; use lower-case letters, digits and underscores (at most 63)`);
  }
  return schema;
}

interface WorkerError { message: string; code: string | null; sqlState: string | null }

/** Error codes of a connection that is gone or never came (the server did not answer). */
const unreachable = (e: WorkerError) =>
  (e.sqlState !== null && /^(08|57P|ECONN|ETIMEDOUT|ENOTFOUND|EAI_|EHOSTUNREACH|ENETUNREACH)/.test(e.sqlState)) ||
  /timeout|terminated|ECONNREFUSED|not queryable/i.test(e.message);

/**
 * The planner store on PostgreSQL, behind the same synchronous `Store` interface as SQLite.
 *
 * `pg` is asynchronous, so a worker thread (pg-worker.mjs) owns this store's connection and runs each call there;
 * the calling thread waits for the answer with Atomics.wait on a shared flag and reads it with receiveMessageOnPort
 * (the technique of synckit). Calls are short (one statement or one small transaction); report ingest does not come
 * this way: the planner commits report batches through the asynchronous committer (pg-committer.ts), on its own
 * connection, so the event loop never waits for a report commit.
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const { url, now } = options;
  const schema = checkSchema(options.schema);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const shown = redactUrl(url);
  const where = `${shown} (schema ${schema})`;
  // A call waits at most for a connect and a statement (the worker's client gives up on each after its limit), plus
  // some slack; a migration may take as long as its copies need.
  const callTimeoutMs = connectTimeoutMs + QUERY_TIMEOUT_MS + 10_000;

  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./pg-worker.mjs', import.meta.url), {
    workerData: { port: port2, flag, url, schema, connectTimeoutMs },
    transferList: [port2],
  });
  worker.unref();
  let failed: Error | null = null;
  worker.on('error', (e) => {
    failed = e;
  });
  let seq = 0;
  let closed = false;
  /** The server's own words for the last failed call (for the message of a failed open). */
  let lastError = '';

  function call<T>(op: string, ...args: unknown[]): T {
    return callWithin<T>(op === 'migrate' ? 6 * 3600_000 + callTimeoutMs : callTimeoutMs, op, args);
  }

  function callWithin<T>(timeoutMs: number, op: string, args: unknown[]): T {
    if (closed) throw new LyncdrError('E_STORE_WRITE', `the PostgreSQL store ${where} is closed`);
    const id = ++seq;
    Atomics.store(flag, 0, 0);
    port1.postMessage({ id, op, args });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = receiveMessageOnPort(port1) as { message: { id: number; value?: unknown; error?: WorkerError } } | undefined;
      if (got) {
        if (got.message.id !== id) continue; // the late answer of a call that timed out
        const e = got.message.error;
        if (!e) return got.message.value as T;
        lastError = e.message;
        if (e.code) throw new LyncdrError(e.code as 'E_STORE_WRITE', e.message);
        if (unreachable(e)) throw new LyncdrError('E_STORE_UNAVAILABLE', `the PostgreSQL server ${shown} does not answer: ${e.message}; check that it runs and that store: in the planner config points at it`);
        throw new LyncdrError('E_STORE_WRITE', `PostgreSQL store ${where}: ${e.message}`);
      }
      if (failed) throw new LyncdrError('E_STORE_UNAVAILABLE', `the PostgreSQL store's worker stopped: ${(failed as Error).message}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new LyncdrError('E_STORE_UNAVAILABLE', `the PostgreSQL server ${shown} did not answer within ${Math.round(timeoutMs / 1000)} s`);
      Atomics.wait(flag, 0, 0, Math.min(left, 1000));
      Atomics.store(flag, 0, 0);
    }
  }

  const stop = () => {
    closed = true;
    port1.close();
    void worker.terminate();
  };

  try {
    call('open');
  } catch (e) {
    stop();
    throw new LyncdrError('E_STORE_OPEN', `cannot open the planner store on PostgreSQL ${where}: ${lastError || (e as Error).message}; check store: in the planner config, that the server runs and accepts this user`, { cause: e });
  }
  let applied: number;
  try {
    applied = call<number>('migrate', migrations.map((m) => ({ n: m.n, name: m.name, pg: pgText(m) })), now().toISOString());
  } catch (e) {
    stop();
    throw new LyncdrError('E_STORE_OPEN', `schema ${schema} on ${shown} is not a lyncdr planner store (${(e as Error).message}); give another schema`, { cause: e });
  }
  if (applied < 0) {
    stop();
    throw new LyncdrError('E_STORE_VERSION', `schema ${schema} on ${shown} has schema version ${-applied}, newer than this lyncdr; upgrade lyncdr`);
  }

  type DetailedTokenRow = TokenRow & { runs: { collector: string; finished_at: string }[]; findings: AgentRecord['findings'] };
  const toRecord = (r: DetailedTokenRow): AgentRecord => ({
    name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at, lastSeen: r.last_seen, version: r.version, host: r.host,
    lastRuns: Object.fromEntries(r.runs.map((x) => [x.collector, x.finished_at])),
    collectors: collectorsOf(r.collectors),
    clockOffsetMs: r.clock_offset_ms ?? null,
    findings: r.findings,
  });
  const record = (r: DetailedTokenRow | null) => (r ? toRecord(r) : null);
  type EvidenceRow = { run_id: string; id: string; name: string; sha256: string; size: number; at: string; content: Uint8Array };
  const toEvidence = (r: EvidenceRow): EvidenceRecord => ({ id: r.id, runId: r.run_id, name: r.name, sha256: r.sha256, size: r.size, at: r.at });

  return {
    kind: 'postgres',
    postgres: { url, schema, connectTimeoutMs },
    file: where,
    addToken(name: string, role: TokenRole, tokenHash: string): AgentRecord {
      if (!/^[A-Za-z0-9._-]{1,128}$/.test(name)) {
        throw new LyncdrError('E_AGENT_NAME', `name "${name}" is not valid; use 1-128 letters, digits, dot, underscore or hyphen`);
      }
      return toRecord(call('addToken', name, role, tokenHash, now().toISOString()));
    },
    replaceToken: (name, role, tokenHash) => toRecord(call('replaceToken', name, role, tokenHash, now().toISOString())),
    listTokens: () => call<DetailedTokenRow[]>('listTokens').map(toRecord),
    getToken: (name) => record(call('getToken', name)),
    revokeToken: (name) => call<boolean>('revokeToken', name, now().toISOString()),
    findByTokenHash: (hash) => record(call('findByTokenHash', hash)),
    touchAgent: (name, seen) => call('touchAgent', { ...seen, name }),

    commitReports: (reports, touches = []) => call('commitReports', reports, touches),
    hasReport: (id, agentId) => call<boolean>('hasReport', id, agentId ?? null),
    countReports: () => call<number>('countReports'),
    latestObservations: () => call<ObsRow[]>('latestObservations').map(toStored),
    runHistory: (key, limit) => call<ObsRow[]>('runHistory', key, limit).map(toStored),
    pruneReports: (before) => call<number>('pruneReports', before),

    recordEvaluation(at: string, entries: StatusEntry[]) {
      const rows = entries.map((e) => ({
        itemId: e.itemId, status: e.status, reason: e.reason, lastGood: e.lastGood, reasonCode: e.reasonCode ?? null,
        reasonParams: e.reasonParams ?? null, json: JSON.stringify(e),
      }));
      return call<{ index: number; previous: StatusEntry['status'] | null }[]>('recordEvaluation', at, rows)
        .map((c) => ({ entry: entries[c.index]!, previous: c.previous }));
    },
    currentStatus: () =>
      call<{ since: string; entry: string }[]>('currentStatus').map((r) => ({ ...(JSON.parse(r.entry) as StatusEntry), since: r.since })),
    evaluationHistory: (itemId, limit): EvaluationRow[] =>
      call<{ at: string; item_id: string; status: EvaluationRow['status']; reason: string; last_good: string | null; reason_code: string | null; reason_params: string | null }[]>('evaluationHistory', itemId, limit)
        .map((r) => ({ at: r.at, itemId: r.item_id, status: r.status, ...reasonFields(r.reason, r.reason_code, r.reason_params), lastGood: r.last_good })),
    logAlert: (a) => call('logAlert', a),
    listAlerts: (limit): AlertRow[] =>
      call<{ at: string; item_id: string; from_status: string | null; to_status: string; reason: string; channel: string; delivered: number; detail: string; reason_code: string | null; reason_params: string | null }[]>('listAlerts', limit)
        .map((r) => ({ at: r.at, itemId: r.item_id, from: r.from_status, to: r.to_status, ...reasonFields(r.reason, r.reason_code, r.reason_params), channel: r.channel, delivered: r.delivered === 1, detail: r.detail })),

    saveTopology(source, hash, json, diff) {
      const r = call<TopologyRow | null>('saveTopology', now().toISOString(), source, hash, json, diff);
      return r ? toVersion(r) : null;
    },
    latestTopology() {
      const r = call<TopologyRow | null>('latestTopology');
      return r ? toVersion(r) : null;
    },
    listTopologies: (limit) =>
      call<TopologyRow[]>('listTopologies', limit).map((r) => {
        const { json: _json, ...rest } = toVersion(r);
        return rest;
      }),

    appendRunEvent: (e) => call('appendRunEvent', { ...e, data: undefined }, JSON.stringify(e.data) ?? 'null'),
    runEvents: (runId): RunEventRecord[] =>
      call<{ run_id: string; seq: number; at: string; operator: string; type: string; data: string }[]>('runEvents', runId)
        .map((r) => ({ runId: r.run_id, seq: r.seq, at: r.at, operator: r.operator, type: r.type, data: JSON.parse(r.data) as unknown })),
    listRuns: () => call<RunSummaryRow[]>('listRuns'),
    putEvidence: (e) => call<EvidenceRecord>('putEvidence', e),
    getEvidence(runId, id) {
      const r = call<EvidenceRow | null>('getEvidence', runId, id);
      return r ? { ...toEvidence(r), content: Buffer.from(r.content.buffer, r.content.byteOffset, r.content.byteLength) } : null;
    },

    recordDocument: (d) => call('recordDocument', d),
    lastDocuments: () => call<GeneratedDocument[]>('lastDocuments'),

    setAutoCheckpoint: () => {},
    backupTo: async () => {
      throw new LyncdrError('E_STORE_BACKUP', `the planner store is on PostgreSQL (${where}): back it up with PostgreSQL's tools, for example pg_dump --schema=${schema} (or a standby with streaming replication), not lyncdr db backup`);
    },
    close() {
      if (closed) return;
      try {
        call('close');
      } catch {
        // Closing anyway.
      }
      stop();
    },
  };
}
