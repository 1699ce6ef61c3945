import type { IncomingMessage } from 'node:http';
import type { Store } from '@lyncdr/store';
import { bearer, hashToken } from '../agents/tokens';
import type { Role } from '../../http/router';
import { sameOrigin, sessionCookie, sessionsFor } from './admin-link';

/**
 * The API role of a request: `admin` or `read` from a live API token (`lyncdr agents add <name> --role read|admin`),
 * `admin` from a live dashboard session cookie (the one-time admin link, admin-link.ts; a write with it must come from
 * the planner's own page), `read` for a tokenless GET when `openRead` is on, else null. Agent tokens give no API access.
 */
export function requestRole(req: IncomingMessage, store: Store, openRead: boolean): Role | 'denied' | null {
  const token = bearer(req.headers.authorization);
  if (!token) {
    const session = sessionCookie(req);
    if (session && sessionsFor(store).isLive(session) && (req.method === 'GET' || sameOrigin(req))) return 'admin';
    return openRead && req.method === 'GET' ? 'read' : null;
  }
  const t = store.findByTokenHash(hashToken(token));
  if (!t || t.revokedAt || t.role === 'agent') return 'denied';
  return t.role;
}

export function allows(have: Role, need: Role): boolean {
  return have === 'admin' || need === 'read';
}
