import { buildState, checkPlan, defaultPolicy, GOAL_KINDS, parseGoal, parseStepsDocument, plan, type PolicyRule } from '@lyncdr/domain';
import { allRunbooks, buildPlanDocument, planJson, type Lang } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import { renderDocument, type Format } from '@lyncdr/render';
import type { Store, StoredObservation } from '@lyncdr/store';
import { newestAgentProducts, topologyFingerprint, withAgentProducts, type AgentProduct, type Topology } from '@lyncdr/topology';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';

const contentTypes: Record<Format, string> = { pdf: 'application/pdf', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' };

/** Observation kinds whose data may carry `product`, the version the Lync bridge scripts report (docs/agent.md). */
const PRODUCT_KINDS = new Set(['backup-service', 'mirror-state', 'cms-replication']);

/**
 * The newest version agents reported per pool, from the stored observations of the bridge collectors: the pool is the
 * observation's itemId or subject (`backup-service:`/`mirror:` prefixes dropped); a subject that is no pool of the
 * topology (the CMS replication's `cms`) is ignored by withAgentProducts.
 */
export function agentProductsOf(observations: readonly StoredObservation[]): Map<string, AgentProduct> {
  return newestAgentProducts(
    observations
      .filter((o) => PRODUCT_KINDS.has(o.observation.kind))
      .map((o) => ({
        pool: (o.observation.itemId ?? o.observation.subject).replace(/^(backup-service|mirror):/, ''),
        product: o.observation.data.product,
        at: o.observedAt,
        agent: o.agentId,
      })),
  );
}

/**
 * A topology with the versions agents reported for the pools neither the overlay nor the topology gives one
 * (docs/topology.md "Product version"), worked out again only for another topology or once a report has arrived.
 */
export function createAgentProducts(store: Store): (t: Topology) => Topology {
  let cached: { from: Topology; reports: number; topology: Topology } | null = null;
  return (t) => {
    const reports = store.countReports();
    if (cached?.from !== t || cached.reports !== reports) {
      cached = { from: t, reports, topology: withAgentProducts(t, agentProductsOf(store.latestObservations())).topology };
    }
    return cached.topology;
  };
}

/** The deployment the planner knows: its newest topology version (parsed once per version), with the agents' versions. */
export function createTopologySource(store: Store): () => Topology {
  let parsed: { version: number; topology: Topology } | null = null;
  const withAgents = createAgentProducts(store);
  return () => {
    const t = store.latestTopology();
    if (!t) throw new LyncdrError('E_NO_TOPOLOGY', 'no topology loaded; start the planner with --topology');
    if (parsed?.version !== t.version) parsed = { version: t.version, topology: JSON.parse(t.json) as Topology };
    return withAgents(parsed.topology);
  };
}

function jsonParam(q: URLSearchParams, name: string, code: 'E_STATE' | 'E_STEPS'): unknown {
  const text = q.get(name);
  if (text === null || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LyncdrError(code, `${name} is not valid JSON (${(e as Error).message})`);
  }
}

const goalOptions = (q: URLSearchParams) => ({
  pool: q.get('pool') ?? undefined, usersOf: q.get('usersOf') ?? undefined, by: q.get('by') ?? undefined,
  failed: q.get('failed') ?? undefined, newFqdn: q.get('newFqdn') ?? undefined, federation: q.get('federation') ?? undefined,
  to: q.get('to') ?? undefined, edge: q.get('edge') ?? undefined, type: q.get('type') ?? undefined, planned: q.get('planned') === 'true',
});

/** A document the planner served (a printed plan here), with the topology it was made from. */
export interface ServedDocument {
  kind: string;
  /** The worksheet kind, the runbook's procedure or the plan's goal, with its pools. */
  name: string;
  lang: string;
  format: string;
  topology: Topology;
}

const PLAN_ARGS = ['pool', 'usersOf', 'by', 'failed', 'newFqdn', 'federation', 'to', 'edge', 'type'];

/**
 * Routes the dashboard needs beyond the core API: the plan wizard (`/api/plan`, `/api/plan/check`, the same engine
 * as `lyncdr plan` and `lyncdr plan check`), the runbook list and the policy in force. All read-only.
 */
export function planRoutes(d: {
  store: Store;
  rules: Record<string, PolicyRule>;
  now: () => Date;
  onDocument?: (doc: ServedDocument) => void;
  /** lyncdr version printed in the revision block of the plans served (a dash when not given). */
  version?: string;
}): Route[] {
  const topology = createTopologySource(d.store);
  return [
    {
      // /api/plan?goal=failover&pool=<fqdn>&state=<state.json>[&format=pdf|md|html&lang=en|fr]
      method: 'GET', path: '/api/plan', role: 'read',
      handle: async ({ res, query }) => {
        const t = topology();
        const goal = parseGoal(query.get('goal') ?? '', goalOptions(query));
        const state = buildState(t, jsonParam(query, 'state', 'E_STATE'), 'state');
        const p = plan(goal, state, t);
        const format = query.get('format') ?? 'json';
        const lang = query.get('lang') ?? 'en';
        if (lang !== 'en' && lang !== 'fr') throw new LyncdrError('E_USAGE', `lang=${lang} is not one of en, fr`);
        if (format === 'json') return sendJson(res, 200, { ...planJson(p, lang), state });
        if (format !== 'pdf' && format !== 'md' && format !== 'html') throw new LyncdrError('E_USAGE', `format=${format} is not one of json, pdf, md, html`);
        const doc = buildPlanDocument(p, { lang: lang as Lang, now: d.now().toISOString(), deployment: t.deployment, inputRevision: null, fingerprint: topologyFingerprint(t), version: d.version ?? null, state });
        const body = await renderDocument(doc, { format });
        const name = [p.goalSpec.kind, ...PLAN_ARGS.map((k) => query.get(k)).filter((v) => v)].join(' ');
        d.onDocument?.({ kind: 'plan', name, lang, format, topology: t });
        res.writeHead(200, { 'content-type': contentTypes[format], 'content-disposition': `attachment; filename="plan-${p.goalSpec.kind}.${format}"` });
        res.end(body);
      },
    },
    {
      // /api/plan/check?steps=<{"steps":[…]}>&state=<state.json> → { ok, steps, violation }
      method: 'GET', path: '/api/plan/check', role: 'read',
      handle: ({ res, query }) => {
        const t = topology();
        const steps = parseStepsDocument(jsonParam(query, 'steps', 'E_STEPS') ?? null, 'steps');
        const state = buildState(t, jsonParam(query, 'state', 'E_STATE'), 'state');
        const r = checkPlan(steps, state, t);
        sendJson(res, 200, r.ok ? { ok: true, steps: steps.length, violation: null } : { ok: false, steps: steps.length, violation: r.violation });
      },
    },
    {
      method: 'GET', path: '/api/runbooks', role: 'read',
      handle: ({ res }) => {
        const t = topology();
        sendJson(res, 200, {
          goals: GOAL_KINDS,
          runbooks: allRunbooks().map((r) => ({ id: r.id, title: r.title, applies: r.applies(t, { lang: 'en', pools: [], now: d.now().toISOString(), inputRevision: null }) })),
        });
      },
    },
    { method: 'GET', path: '/api/policy', role: 'read', handle: ({ res }) => sendJson(res, 200, { defaults: defaultPolicy, rules: d.rules }) },
  ];
}
