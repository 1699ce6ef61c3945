import type { IncomingMessage } from 'node:http';
import type { Store } from '@lyncdr/store';
import { bearer, hashToken } from '../agents/tokens';
import type { Role } from '../../http/router';

/**
 * The API role of a request: `admin` or `read` from a live API token (`lyncdr agents add <name> --role read|admin`),
 * `read` for a tokenless GET when `openRead` is on, else null. Agent tokens give no API access.
 */
export function requestRole(req: IncomingMessage, store: Store, openRead: boolean): Role | 'denied' | null {
  const token = bearer(req.headers.authorization);
  if (!token) return openRead && req.method === 'GET' ? 'read' : null;
  const t = store.findByTokenHash(hashToken(token));
  if (!t || t.revokedAt || t.role === 'agent') return 'denied';
  return t.role;
}

export function allows(have: Role, need: Role): boolean {
  return have === 'admin' || need === 'read';
}
