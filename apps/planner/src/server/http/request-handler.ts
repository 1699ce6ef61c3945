import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLyncdrError, LyncdrError } from '@lyncdr/errors';
import type { Logger } from '@lyncdr/logger';
import { truncateUtf8 } from '@lyncdr/protocol';
import type { Store } from '@lyncdr/store';
import { handleLogin } from './admin-link';
import { allows, requestRole } from './auth';
import { hostRefused } from './host-check';
import { sendError } from '../../http/respond';
import type { CompiledRoute } from '../../http/router';
import { setSecurityHeaders } from './security-headers';

export interface RequestHandlerDeps {
  routes: readonly CompiledRoute[];
  store: Store;
  /** The planner-level store of global admin tokens (several deployments), or null. */
  globalStore?: Store | null;
  log: Logger;
  /** GET without a token is `read` (api.openRead, demo). */
  openRead: boolean;
  ready: () => boolean;
  /** Serves the dashboard's static files; false when the path is not one of them. */
  serveStatic: (pathname: string, res: ServerResponse) => boolean;
  hostAllowed: (header: string | undefined) => boolean;
  /** Live `/api/events` streams and their limit. */
  eventStreams: { open: () => number; max: number };
}

const EVENTS = '/api/events';

/** The URL of a request target; a target that is not a URL is the client's error. */
export function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://planner');
  } catch {
    throw new LyncdrError('E_HTTP_BAD_PATH', 'the request target is not a valid path');
  }
}

/**
 * Every HTTP request of the planner: Host check, security headers, `/healthz`, dashboard files, routes, tokens.
 * Nothing a request does can take the process down: a client error is a coded 4xx, anything unexpected is a 500,
 * logged once, and the server goes on.
 */
export function createRequestHandler(d: RequestHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    const url = requestUrl(req);
    const pathname = url.pathname;
    if (pathname === '/healthz') {
      res.writeHead(d.ready() ? 200 : 503, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ ok: d.ready() }));
    }
    if (!d.hostAllowed(req.headers.host)) {
      const e = hostRefused(req.headers.host ?? '');
      return sendError(res, 421, e.code, e.message);
    }
    if (pathname === '/login') return handleLogin(req, res, d.store);
    if (req.method === 'GET' && d.serveStatic(pathname, res)) return;
    const matches = d.routes.map((r) => ({ r, params: r.match(pathname) })).filter((m) => m.params);
    if (!matches.length) return sendError(res, 404, 'E_HTTP_NOT_FOUND', `no such endpoint ${truncateUtf8(pathname, 200)}`);
    const hit = matches.find((m) => m.r.method === req.method);
    if (!hit) return sendError(res, 405, 'E_HTTP_METHOD', `${truncateUtf8(req.method ?? '?', 20)} is not allowed on ${truncateUtf8(pathname, 200)}`);
    const role = requestRole(req, d.store, d.openRead, d.globalStore ?? null);
    if (role === null) {
      res.setHeader('www-authenticate', 'Bearer realm="lyncdr"');
      return sendError(res, 401, 'E_AUTH', 'an API token is needed: Authorization: Bearer <token> (lyncdr agents add <name> --role read)');
    }
    if (role === 'denied') return sendError(res, 403, 'E_AUTH', 'unknown or revoked API token');
    if (!allows(role, hit.r.role)) return sendError(res, 403, 'E_AUTH', 'this endpoint needs an admin token');
    if (pathname === EVENTS && d.eventStreams.open() >= d.eventStreams.max) {
      res.setHeader('retry-after', '30');
      return sendError(res, 503, 'E_HTTP_BUSY', `already ${d.eventStreams.max} live event streams (api.maxEventStreams); close a dashboard or retry later`);
    }
    await hit.r.handle({ req, res, params: hit.params ?? {}, query: url.searchParams });
  };

  const fail = (req: IncomingMessage, res: ServerResponse, e: unknown) => {
    if (isLyncdrError(e)) {
      if (!res.headersSent) return sendError(res, 400, e.code, e.message);
    } else {
      d.log.error('http.error', { method: truncateUtf8(req.method ?? '?', 20), path: truncateUtf8(req.url ?? '', 200), error: truncateUtf8(String((e as Error)?.message ?? e), 300) });
      if (!res.headersSent) return sendError(res, 500, 'E_INTERNAL', 'internal error; see the planner log');
    }
    // The answer had started: cut this response off, the server goes on.
    res.destroy();
  };

  return (req, res) => {
    route(req, res).catch((e: unknown) => {
      try {
        fail(req, res, e);
      } catch {
        res.destroy();
      }
    });
  };
}
