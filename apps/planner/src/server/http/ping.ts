import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLyncdrError } from '@lyncdr/errors';
import type { Logger } from '@lyncdr/logger';
import { truncateUtf8, type Observation } from '@lyncdr/protocol';
import type { AgentRecord, Store } from '@lyncdr/store';
import { createTokenBucket, type TokenBucket } from '../agents/rate-limit';
import type { ReportWriter } from '../agents/report-writer';
import { bearer, hashToken } from '../agents/tokens';
import type { PolicyItem } from '../evaluator';
import { decodeSegment } from '../../http/router';
import { sendError, sendJson } from '../../http/respond';
import type { PingKind } from './metrics';
import { requestUrl } from './request-handler';
import { setSecurityHeaders } from './security-headers';

/** Longest body a ping may carry (the job's output, kept in the failure's finding); longer is 413. */
export const MAX_PING_BODY = 10_000;
/** How much of the body is kept in the report and the failure's finding. */
const KEPT_BODY = 2000;
/** A `/start` older than this is forgotten (the run's time is then unknown). */
const START_KEPT_MS = 7 * 86_400_000;
/** Starts remembered at most (one per token and item; the oldest go first). */
const MAX_STARTS = 10_000;
/** The collector name of every report a ping makes. */
export const PING_COLLECTOR = 'ping';

export interface PingDeps {
  store: Store;
  writer: ReportWriter;
  /** The inventory items that may be pinged. */
  items: () => PolicyItem[];
  now: () => Date;
  log: Logger;
  /** The agents' report budget, applied per token (planner config `limits.reportsPerMinute`, `limits.burst`). */
  limits: { reportsPerMinute: number; burst: number };
  /** After a ping's report is committed (evaluate soon, tell the dashboards). */
  onReport: (agent: string, collector: string) => void;
  onPing?: (kind: PingKind) => void;
}

/** What a ping path asks: `/ping/<item>` success, `/start`, `/fail`, `/<exit code>` (0 success, else failure). */
export type PingAction = { kind: 'success' } | { kind: 'start' } | { kind: 'fail'; exitCode: number | null };

/** The item and action of a `/ping/…` path; null when the path has another shape. */
export function parsePingPath(pathname: string): { item: string; action: PingAction } | null {
  if (!pathname.startsWith('/ping/')) return null;
  const segments = pathname.slice('/ping/'.length).split('/');
  if (segments.length > 2 || !segments[0]) return null;
  const item = decodeSegment(segments[0]);
  const verb = segments[1];
  if (verb === undefined) return { item, action: { kind: 'success' } };
  if (verb === 'start') return { item, action: { kind: 'start' } };
  if (verb === 'fail') return { item, action: { kind: 'fail', exitCode: null } };
  if (/^\d{1,3}$/.test(verb) && Number(verb) <= 255) {
    const exitCode = Number(verb);
    return { item, action: exitCode === 0 ? { kind: 'success' } : { kind: 'fail', exitCode } };
  }
  return null;
}

/** Reads a body of at most MAX_PING_BODY bytes as UTF-8 text; null when it is longer (read no further). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_PING_BODY) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PING_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

/**
 * Ping URLs, healthchecks.io-style, for jobs that report without an agent (a SQL Agent job, a scheduled
 * `Export-CsConfiguration` task): `POST /ping/<item>` says the item's backup just succeeded, `/fail` or a non-zero
 * `/<exit code>` that it failed, `/start` that a run began (the next ping then carries the run's duration). Each
 * success or failure is stored as a report of collector `ping` from the token's name, with one observation of the
 * item, and judged by the policy like an agent's. Authenticated by an agent token (`Authorization: Bearer`), limited
 * per token like an agent's reports, bodies at most MAX_PING_BODY bytes.
 *
 * Returns a request handler that answers `/ping/…` paths and returns false for every other path.
 */
export function createPingHandler(d: PingDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const buckets = new Map<string, TokenBucket>();
  const starts = new Map<string, number>();

  const bucketOf = (agent: string) => {
    let b = buckets.get(agent);
    if (!b) buckets.set(agent, (b = createTokenBucket(d.limits.reportsPerMinute, d.limits.burst, () => d.now().getTime())));
    return b;
  };

  const authenticate = (req: IncomingMessage, res: ServerResponse): AgentRecord | null => {
    const token = bearer(req.headers.authorization);
    if (!token) {
      res.setHeader('www-authenticate', 'Bearer realm="lyncdr"');
      sendError(res, 401, 'E_AUTH', 'a ping needs an agent token: Authorization: Bearer <token> (lyncdr agents add <name>)');
      return null;
    }
    const t = d.store.findByTokenHash(hashToken(token));
    if (!t || t.revokedAt || t.role !== 'agent') {
      sendError(res, 403, 'E_AUTH', 'unknown or revoked token, or not an agent token; pings take an agent token (lyncdr agents add <name>)');
      return null;
    }
    return t;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'E_HTTP_METHOD', `${truncateUtf8(req.method ?? '?', 20)} is not allowed on a ping; use POST`);
    }
    const parsed = parsePingPath(pathname);
    const agent = authenticate(req, res);
    if (!agent) return;
    if (!parsed) {
      return sendError(res, 404, 'E_HTTP_NOT_FOUND', `no such ping ${truncateUtf8(pathname, 200)}; use /ping/<item>, /ping/<item>/start, /ping/<item>/fail or /ping/<item>/<exit code>`);
    }
    if (!bucketOf(agent.name).take()) {
      res.setHeader('retry-after', '60');
      return sendError(res, 429, 'E_RATE_LIMIT', `over ${d.limits.reportsPerMinute} pings per minute for ${agent.name}; retry later`);
    }
    const wanted = parsed.item.toLowerCase();
    const item = d.items().find((i) => i.id.toLowerCase() === wanted);
    if (!item) return sendError(res, 404, 'E_HTTP_NOT_FOUND', `no item ${truncateUtf8(parsed.item, 200)} in the inventory; GET /api/items lists the ids`);
    const body = await readBody(req);
    if (body === null) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'E_HTTP_BODY', `a ping body is at most ${MAX_PING_BODY} bytes; send the end of the job's output`);
    }
    const now = d.now();
    const startKey = `${agent.name}\u0000${item.id}`;
    const { action } = parsed;
    d.onPing?.(action.kind);
    if (action.kind === 'start') {
      starts.delete(startKey);
      starts.set(startKey, now.getTime());
      if (starts.size > MAX_STARTS) starts.delete(starts.keys().next().value as string);
      d.writer.touch({ name: agent.name, at: now.toISOString() });
      return sendJson(res, 200, { ok: true, item: item.id, ping: 'start' });
    }
    const startedMs = starts.get(startKey);
    starts.delete(startKey);
    const started = startedMs !== undefined && now.getTime() - startedMs <= START_KEPT_MS && startedMs <= now.getTime() ? startedMs : now.getTime();
    const ok = action.kind === 'success';
    const excerpt = truncateUtf8(body, KEPT_BODY);
    const observation: Observation = {
      kind: PING_COLLECTOR, subject: item.id, itemId: item.id, ok, lastGood: ok ? now.toISOString() : null,
      findings: ok ? [] : [{
        code: action.exitCode === null ? 'PING_FAILED' : 'PING_EXIT_CODE', severity: 'error',
        message: [action.exitCode === null ? 'the job reported a failure' : `the job ended with exit code ${action.exitCode}`, excerpt].filter(Boolean).join(': '),
      }],
      data: { ...(action.kind === 'fail' && action.exitCode !== null ? { exitCode: action.exitCode } : {}), ...(excerpt ? { output: excerpt } : {}) },
    };
    const id = `ping-${randomUUID()}`;
    const raw = JSON.stringify({ type: 'ping', id, agentId: agent.name, item: item.id, ping: ok ? 'success' : 'fail', exitCode: action.kind === 'fail' ? action.exitCode : 0, at: now.toISOString(), body: excerpt });
    await d.writer.submit({
      id, agentId: agent.name, collector: PING_COLLECTOR, receivedAt: now.toISOString(), startedAt: new Date(started).toISOString(),
      finishedAt: now.toISOString(), durationMs: now.getTime() - started, ok, raw, observations: [observation],
    });
    d.writer.touch({ name: agent.name, at: now.toISOString() });
    d.onReport(agent.name, PING_COLLECTOR);
    sendJson(res, 200, { ok: true, item: item.id, ping: ok ? 'success' : 'fail', report: id });
  };

  return (req, res) => {
    let pathname: string;
    try {
      pathname = requestUrl(req).pathname;
    } catch {
      return false;
    }
    if (pathname !== '/ping' && !pathname.startsWith('/ping/')) return false;
    setSecurityHeaders(res);
    handle(req, res, pathname).catch((e: unknown) => {
      try {
        if (res.headersSent) return void res.destroy();
        if (isLyncdrError(e)) return sendError(res, 400, e.code, e.message);
        d.log.error('http.error', { method: truncateUtf8(req.method ?? '?', 20), path: truncateUtf8(req.url ?? '', 200), error: truncateUtf8(String((e as Error)?.message ?? e), 300) });
        sendError(res, 500, 'E_INTERNAL', 'internal error; see the planner log');
      } catch {
        res.destroy();
      }
    });
    return true;
  };
}
