import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@lyncdr/logger';
import type { Store } from '@lyncdr/store';
import { sendError } from '../../http/respond';

/**
 * The first-run way into the dashboard (docs/security.md "One-time admin link"): while the planner has no read or admin
 * token, it prints at start a link `/login?token=…` that works once, within 10 minutes; opening it sets an HttpOnly,
 * SameSite=Strict session cookie with the admin role for 12 hours. Links and sessions live in memory only (a restart
 * ends them) and are kept as SHA-256 hashes. API clients keep using bearer tokens.
 */
export const SESSION_COOKIE = 'lyncdr_session';
export const LINK_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 12 * 3_600_000;
const MAX_LIVE = 64;

const hash = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface SessionBook {
  /** A new one-time link token (the only copy: it is kept hashed). */
  issueLink(now?: number): string;
  /** Spends a link token: a new session id, or null when the token is unknown, used or expired. */
  redeem(token: string, now?: number): string | null;
  /** Whether a session id is live (sessions give the admin role). */
  isLive(session: string, now?: number): boolean;
}

function createSessionBook(): SessionBook {
  const links = new Map<string, number>();
  const sessions = new Map<string, number>();
  const prune = (m: Map<string, number>, now: number) => {
    for (const [k, until] of m) if (until <= now) m.delete(k);
    // Never more than MAX_LIVE at once: the oldest go first.
    while (m.size > MAX_LIVE) m.delete(m.keys().next().value as string);
  };
  return {
    issueLink(now = Date.now()) {
      const token = randomBytes(32).toString('base64url');
      links.set(hash(token), now + LINK_TTL_MS);
      prune(links, now);
      return token;
    },
    redeem(token, now = Date.now()) {
      const key = hash(token);
      const until = links.get(key);
      // Single use: the link is gone whether it was still valid or not.
      links.delete(key);
      if (until === undefined || until <= now) return null;
      const session = randomBytes(32).toString('base64url');
      sessions.set(hash(session), now + SESSION_TTL_MS);
      prune(sessions, now);
      return session;
    },
    isLive(session, now = Date.now()) {
      const until = sessions.get(hash(session));
      return until !== undefined && until > now;
    },
  };
}

/** One book per planner (its store), so that planners in one process (tests) keep theirs apart. */
const books = new WeakMap<Store, SessionBook>();
export function sessionsFor(store: Store): SessionBook {
  let b = books.get(store);
  if (!b) books.set(store, (b = createSessionBook()));
  return b;
}

/** The session id of a request's cookie, or null. */
export function sessionCookie(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE && v.length) return v.join('=');
  }
  return null;
}

/**
 * A request that changes something with the cookie alone must come from the dashboard's own page: its Origin is this
 * planner (SameSite=Strict already keeps the cookie off other sites' requests; this is the second lock).
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** `GET /login?token=…`: spends the link, sets the session cookie and goes to the dashboard. */
export function handleLogin(req: IncomingMessage, res: ServerResponse, store: Store): void {
  if (req.method !== 'GET') return sendError(res, 405, 'E_HTTP_METHOD', `${(req.method ?? '?').slice(0, 20)} is not allowed on /login`);
  const token = new URL(req.url ?? '/', 'http://planner').searchParams.get('token') ?? '';
  const session = token ? sessionsFor(store).redeem(token) : null;
  if (!session) {
    return sendError(res, 403, 'E_AUTH', 'this admin link was already used or has expired (links work once, for 10 minutes); restart the planner for a new one while it has no API token, or make a token: lyncdr agents add <name> --role admin');
  }
  const secure = (req.socket as { encrypted?: boolean }).encrypted ? '; Secure' : '';
  res.writeHead(303, {
    location: '/',
    'set-cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}${secure}`,
    'cache-control': 'no-store',
  });
  res.end();
}

/**
 * At start: while the store holds no live read or admin token, prints a one-time admin link (`planner.admin_link`).
 * Returns the link, or null when API tokens exist.
 */
export function announceAdminLink(o: { store: Store; url: string; log: Logger }): string | null {
  if (o.store.listTokens().some((t) => t.role !== 'agent' && !t.revokedAt)) return null;
  const link = `${o.url.replace(/\/$/, '')}/login?token=${sessionsFor(o.store).issueLink()}`;
  o.log.info('planner.admin_link', { link, note: 'open it in a browser within 10 minutes, once; then make API tokens with lyncdr agents add <name> --role read|admin' });
  return link;
}
