import { countStatuses } from '@lyncdr/domain';
import { LyncdrError } from '@lyncdr/errors';
import type { Store } from '@lyncdr/store';
import { isAgentOutdated, MIN_AGENT_VERSION } from '../agents/agent-version';
import type { AgentEndpoint } from '../agents/endpoint';
import type { Evaluator, PolicyItem } from '../evaluator';
import { createTopologySource } from '../../dashboard/plan-routes';
import { readJsonBody, sendJson } from '../../http/respond';
import type { Route } from '../../http/router';

/** Builds a document (worksheet, runbook, plan) with the current status; returns its bytes and content type. */
export type DocumentBuilder = (kind: string, query: URLSearchParams) => Promise<{ contentType: string; body: Uint8Array | string }>;

export interface ApiDeps {
  store: Store;
  evaluator: Evaluator;
  endpoint: AgentEndpoint;
  items: () => PolicyItem[];
  documents: DocumentBuilder | null;
}

const limitOf = (q: URLSearchParams, dflt: number) => Math.min(1000, Math.max(1, Number(q.get('limit')) || dflt));

/** The JSON API (read routes need a read or admin token, write routes an admin token). */
export function apiRoutes(d: ApiDeps): Route[] {
  // The stored topology with the versions agents reported (docs/topology.md "Product version").
  const topology = createTopologySource(d.store);
  return [
    {
      method: 'GET', path: '/api/status', role: 'read',
      handle: ({ res }) => {
        const snap = d.evaluator.latest();
        const since = new Map(d.store.currentStatus().map((s) => [s.itemId, s.since]));
        sendJson(res, 200, {
          generatedAt: snap.generatedAt, deployment: snap.deployment, counts: countStatuses(snap.items),
          items: snap.items.map((i) => ({ ...i, since: since.get(i.itemId) ?? null })),
        });
      },
    },
    { method: 'GET', path: '/api/status/snapshot', role: 'read', handle: ({ res }) => sendJson(res, 200, d.evaluator.latest()) },
    {
      method: 'GET', path: '/api/items', role: 'read',
      handle: ({ res }) => {
        const status = new Map(d.evaluator.latest().items.map((s) => [s.itemId, s]));
        sendJson(res, 200, { items: d.items().map((i) => ({ ...i, status: status.get(i.id) ?? null })) });
      },
    },
    {
      method: 'GET', path: '/api/items/:id/history', role: 'read',
      handle: ({ res, params, query }) => {
        const limit = limitOf(query, 50);
        const runs = d.store.latestObservations()
          .filter((o) => (o.observation.itemId ?? o.observation.subject) === params.id || o.key.endsWith(`|${params.id}`))
          .flatMap((o) => d.store.runHistory(o.key, limit))
          .map((r) => ({ reportId: r.reportId, agent: r.agentId, collector: r.collector, at: r.observedAt, durationMs: r.durationMs, ok: r.observation.ok, lastGood: r.observation.lastGood ?? null, findings: r.observation.findings }));
        sendJson(res, 200, { itemId: params.id, evaluations: d.store.evaluationHistory(params.id ?? '', limit), runs });
      },
    },
    {
      method: 'GET', path: '/api/agents', role: 'read',
      handle: ({ res }) => {
        const online = new Set(d.endpoint.connected());
        sendJson(res, 200, {
          minAgentVersion: MIN_AGENT_VERSION,
          agents: d.store.listTokens().filter((t) => t.role === 'agent').map((t) => ({ ...t, connected: online.has(t.name), outdated: isAgentOutdated(t.version) })),
        });
      },
    },
    {
      method: 'POST', path: '/api/agents/:id/collect', role: 'admin',
      handle: async ({ req, res, params }) => {
        const body = (await readJsonBody(req)) as { collector?: unknown };
        if (typeof body.collector !== 'string' || !body.collector) {
          throw new LyncdrError('E_HTTP_BODY', 'give the collector to run: {"collector":"file-store"}');
        }
        const sent = d.endpoint.collect(params.id ?? '', body.collector);
        if (!sent) return sendJson(res, 409, { error: { code: 'E_AGENT_OFFLINE', message: `agent ${params.id} is not connected` } });
        sendJson(res, 202, { sent: true, agent: params.id, collector: body.collector });
      },
    },
    {
      method: 'POST', path: '/api/evaluate', role: 'admin',
      handle: ({ res }) => sendJson(res, 200, d.evaluator.evaluate()),
    },
    {
      method: 'GET', path: '/api/topology', role: 'read',
      handle: ({ res }) => {
        const t = d.store.latestTopology();
        if (!t) return sendJson(res, 404, { error: { code: 'E_NO_TOPOLOGY', message: 'no topology loaded; start the planner with --topology' } });
        sendJson(res, 200, { version: t.version, savedAt: t.savedAt, source: t.source, hash: t.hash, topology: topology() });
      },
    },
    { method: 'GET', path: '/api/topology/versions', role: 'read', handle: ({ res, query }) => sendJson(res, 200, { versions: d.store.listTopologies(limitOf(query, 20)) }) },
    { method: 'GET', path: '/api/alerts', role: 'read', handle: ({ res, query }) => sendJson(res, 200, { alerts: d.store.listAlerts(limitOf(query, 100)) }) },
    {
      method: 'GET', path: '/api/documents/:kind', role: 'read',
      handle: async ({ res, params, query }) => {
        if (!d.documents) return sendJson(res, 501, { error: { code: 'E_NOT_IMPLEMENTED', message: 'document generation is not available in this build' } });
        const doc = await d.documents(params.kind ?? '', query);
        res.writeHead(200, { 'content-type': doc.contentType });
        res.end(doc.body);
      },
    },
  ];
}
