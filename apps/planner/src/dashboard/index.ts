import type { ServerResponse } from 'node:http';
import type { PolicyRule } from '@lyncdr/domain';
import type { Store } from '@lyncdr/store';
import type { Route } from '../server/http/router';
import { createEventHub, type EventHub } from './event-hub';
import { planRoutes } from './plan-routes';
import { createStaticAssets } from './static-assets';

export { createEventHub, type EventHub, type DashboardEvent } from './event-hub';
export { CONTENT_SECURITY_POLICY, createStaticAssets, findAssetsDir } from './static-assets';

export interface Dashboard {
  /** Live events for the browsers (`GET /api/events`); the planner publishes into it. */
  readonly events: EventHub;
  /** The API routes the dashboard adds: `/api/events`, `/api/plan`, `/api/plan/check`, `/api/runbooks`, `/api/policy`. */
  readonly routes: Route[];
  /** Serves `GET /` and `GET /assets/*` (static files, no data, no token needed); false for any other path. */
  serve(pathname: string, res: ServerResponse): boolean;
  close(): void;
}

/** The browser dashboard served by the planner on its own port (docs/dashboard.md). */
export function createDashboard(deps: { store: Store; rules: Record<string, PolicyRule>; now: () => Date; assetsDir?: string }): Dashboard {
  const events = createEventHub();
  const assets = createStaticAssets({ dir: deps.assetsDir });
  const routes: Route[] = [
    { method: 'GET', path: '/api/events', role: 'read', handle: ({ res }) => events.attach(res) },
    ...planRoutes(deps),
  ];
  return { events, routes, serve: (p, res) => assets.serve(p, res), close: () => events.close() };
}
