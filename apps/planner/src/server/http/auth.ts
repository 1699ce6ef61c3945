import type { IncomingMessage } from 'node:http';
import type { Store } from '@lyncdr/store';
import { bearer, hashToken } from '../agents/tokens';
import type { Role } from '../../http/router';
import { sameOrigin, sessionCookie, sessionsFor } from './admin-link';

/**
 * The API role of a request: `admin` or `read` from a live API token (`lyncdr agents add <name> --role read|admin`),
 * `admin` from a live dashboard session cookie (the one-time admin link, admin-link.ts; a write with it must come from
 * the planner's own page), `read` for a tokenless GET when `openRead` is on, else null. Agent tokens give no API access.
 * With several deployments, `store` is the deployment's (its tokens are unknown to the others) and `globalStore` the
 * planner's, whose admin tokens and sessions are accepted on every deployment.
 */
export function requestRole(req: IncomingMessage, store: Store, openRead: boolean, globalStore: Store | null = null): Role | 'denied' | null {
  const token = bearer(req.headers.authorization);
  if (!token) {
    const session = sessionCookie(req);
    const live = session !== null && (sessionsFor(store).isLive(session) || (globalStore !== null && sessionsFor(globalStore).isLive(session)));
    if (live && (req.method === 'GET' || sameOrigin(req))) return 'admin';
    return openRead && req.method === 'GET' ? 'read' : null;
  }
  const hash = hashToken(token);
  const t = store.findByTokenHash(hash);
  if (!t && globalStore) {
    // Several deployments: a token this deployment does not know may be a global admin token (and nothing else).
    const g = globalStore.findByTokenHash(hash);
    return g && !g.revokedAt && g.role === 'admin' ? 'admin' : 'denied';
  }
  if (!t || t.revokedAt || t.role === 'agent') return 'denied';
  return t.role;
}

export function allows(have: Role, need: Role): boolean {
  return have === 'admin' || need === 'read';
}
