import type { ServerResponse } from 'node:http';
import { countStatuses, type InventoryItem, type PolicyInput, type PolicyRule } from '@lyncdr/domain';
import type { StatusEntry, StatusSnapshot } from '@lyncdr/protocol';
import type { Store } from '@lyncdr/store';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { createEventHub, type EventHub } from './event-hub';
import { planRoutes, type ServedDocument } from './plan-routes';
import { createStaticAssets } from './static-assets';

/** An item as the policy judges it (id, name, period); a full InventoryItem when the planner loaded a topology. */
type PolicyItem = PolicyInput['items'][number];

export { createEventHub, type EventHub, type DashboardEvent } from './event-hub';
export { CONTENT_SECURITY_POLICY, createStaticAssets, findAssetsDir } from './static-assets';
export type { ServedDocument } from './plan-routes';

export interface Dashboard {
  /** Live events for the browsers (`GET /api/events`); the planner publishes into it. */
  readonly events: EventHub;
  /** The API routes the dashboard adds: `/api/events`, `/api/dashboard/items`, `/api/plan`, `/api/plan/check`, `/api/runbooks`, `/api/policy`. */
  readonly routes: Route[];
  /** Serves `GET /` and `GET /assets/*` (static files, no data, no token needed); false for any other path. */
  serve(pathname: string, res: ServerResponse): boolean;
  /** Publishes an evaluation to the browsers: the counts and only the entries that changed since the previous one. */
  onEvaluated(snapshot: StatusSnapshot): void;
  close(): void;
}

/** What the status table needs of an inventory item (a quarter of `/api/items`, which carries every field). */
function compactItem(item: PolicyItem) {
  const i = item as PolicyItem & Partial<Omit<InventoryItem, 'frequency'>>;
  return { id: i.id, name: i.name, kind: i.kind ?? null, category: i.category ?? null, scope: i.scope ?? null, scopeRef: i.scopeRef ?? null, host: i.host ?? null, pools: i.pools ?? [], frequency: { periodHours: i.frequency.periodHours } };
}

/** The browser dashboard served by the planner on its own port (docs/dashboard.md). */
export function createDashboard(deps: {
  store: Store;
  rules: Record<string, PolicyRule>;
  now: () => Date;
  /** The inventory items the policy judges (full InventoryItems when the planner loaded a topology). */
  items: () => readonly PolicyItem[];
  assetsDir?: string;
  /** The path the dashboard is served under (`/d/<name>` for one of several deployments); '' at the root. */
  base?: string;
  /** Told of every plan printed (PDF, Markdown, HTML), to judge later whether it still holds. */
  onDocument?: (doc: ServedDocument) => void;
  /** The lyncdr version printed in the plans' revision block. */
  version?: string;
}): Dashboard {
  const events = createEventHub();
  const assets = createStaticAssets({ dir: deps.assetsDir, base: deps.base });
  const routes: Route[] = [
    { method: 'GET', path: '/api/events', role: 'read', handle: ({ res }) => events.attach(res) },
    { method: 'GET', path: '/api/dashboard/items', role: 'read', handle: ({ res }) => sendJson(res, 200, { items: deps.items().map(compactItem) }) },
    ...planRoutes(deps),
  ];
  let previous = new Map<string, StatusEntry>();
  const onEvaluated = (snapshot: StatusSnapshot) => {
    const next = new Map(snapshot.items.map((e) => [e.itemId, e]));
    const changed = snapshot.items.filter((e) => {
      const old = previous.get(e.itemId);
      return !old || old.status !== e.status || old.lastGood !== e.lastGood || old.reason !== e.reason;
    });
    const removed = [...previous.keys()].filter((id) => !next.has(id));
    previous = next;
    if (events.clients) events.publish('status', { generatedAt: snapshot.generatedAt, counts: countStatuses(snapshot.items), changed, removed });
  };
  return { events, routes, serve: (p, res) => assets.serve(p, res), onEvaluated, close: () => events.close() };
}
