/** GET /api/readiness (read token): each DR goal's readiness as of the newest evaluation (docs/readiness.md). */
import { sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import type { ReadinessService } from './readiness-service';

export function readinessRoutes(readiness: ReadinessService): Route[] {
  return [{ method: 'GET', path: '/api/readiness', role: 'read', handle: ({ res }) => sendJson(res, 200, readiness.latest()) }];
}
