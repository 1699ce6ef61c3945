import { z } from 'zod';
import { Finding, StatusEntry, StatusSnapshot } from '@lyncdr/protocol';
import { SyncState } from '../peers/sync-state';

/**
 * What `/openapi.json` says of each route: its words and the zod schemas of its query, body and JSON answer. The
 * status answers are the protocol's own schemas; the other bodies mirror the routes' checks (run-routes.ts,
 * api.ts). Keyed `METHOD path` with the router's `:param` paths; a route of the router missing here fails
 * `test/openapi-metrics.test.ts`.
 */
export interface Operation {
  summary: string;
  description?: string;
  tag: 'status' | 'agents' | 'topology' | 'documents' | 'plans' | 'runs' | 'operations' | 'ping';
  query?: Record<string, { schema: z.ZodType; description: string; required?: boolean }>;
  body?: z.ZodType;
  /** The JSON answer of a success; absent for answers that are not JSON. */
  response?: z.ZodType;
  /** Content type of a success that is not JSON. */
  produces?: string;
  /** Status of a success (200 unless said). */
  status?: number;
  /** Authenticated by an agent token instead of an API token. */
  agentToken?: boolean;
}

const iso = z.string().datetime({ offset: true });
const Lang = z.enum(['en', 'fr']);
const lang = { schema: Lang, description: 'Language of the words in the answer (default en).' };
const limit = { schema: z.coerce.number().int().min(1).max(1000), description: 'How many to list at most (1–1000).' };
const Counts = z.object({ ok: z.number().int(), late: z.number().int(), failed: z.number().int(), unknown: z.number().int() });

const Item = z.object({ id: z.string(), name: z.string(), frequency: z.object({ periodHours: z.number() }) }).loose();
const Agent = z.object({
  name: z.string(), role: z.enum(['agent', 'read', 'admin']), createdAt: iso, revokedAt: iso.nullable(), lastSeen: iso.nullable(),
  version: z.string().nullable(), host: z.string().nullable(), lastRuns: z.record(z.string(), z.string()), collectors: z.array(z.string()),
  clockOffsetMs: z.number().nullable(), findings: z.array(z.object({ at: iso, code: z.string(), message: z.string(), ref: z.string().nullable() })),
  connected: z.boolean(), outdated: z.boolean(),
});
const Alert = z.object({
  at: iso, itemId: z.string(), from: z.string().nullable(), to: z.string(), channel: z.string(), delivered: z.boolean(), detail: z.string(),
  reason: z.string(), reasonCode: z.string().optional(), reasonParams: z.record(z.string(), z.unknown()).optional(),
});
const TopologyVersion = z.object({ version: z.number().int(), savedAt: iso, hash: z.string(), source: z.string(), diff: z.array(z.string()) });
const StepStatus = z.enum(['pending', 'running', 'done', 'failed', 'skipped']);
const RunView = z.object({
  id: z.string(), kind: z.enum(['drill', 'real']), title: z.string(), goal: z.string(), operator: z.string(), startedAt: iso,
  finishedAt: iso.nullable(), outcome: z.enum(['completed', 'abandoned']).nullable(), fingerprint: z.string(), lyncdrVersion: z.string(),
  seq: z.number().int(), next: z.number().int().nullable(), steps: z.array(z.object({ n: z.number().int(), title: z.string(), status: StepStatus }).loose()),
  summary: z.unknown(), rollback: z.string().nullable(),
});
const Text4000 = z.string().max(4000);
const PingAnswer = z.object({ ok: z.literal(true), item: z.string(), ping: z.enum(['success', 'fail', 'start']), report: z.string().optional() });
const pingBody = 'Optional plain text (at most 10 000 bytes), e.g. the end of the job\u2019s output; its first 2000 characters are kept with a failure.';

export const operations: Record<string, Operation> = {
  'GET /api/status': {
    tag: 'status', summary: 'Status of every item at the last evaluation, with counts and the time each status began.',
    response: z.object({ generatedAt: iso, deployment: z.string().nullable(), counts: Counts, items: z.array(StatusEntry.extend({ since: iso.nullable() })) }),
  },
  'GET /api/status/snapshot': { tag: 'status', summary: 'The status snapshot (the file `lyncdr worksheet --status` reads).', response: StatusSnapshot },
  'GET /api/items': { tag: 'status', summary: 'The inventory items the policy judges, each with its status.', response: z.object({ items: z.array(Item.extend({ status: StatusEntry.nullable() })) }) },
  'GET /api/items/:id/history': {
    tag: 'status', summary: 'An item\u2019s recorded evaluations and the runs that observed it.', query: { limit },
    response: z.object({
      itemId: z.string(),
      evaluations: z.array(z.object({ at: iso, itemId: z.string(), status: z.string(), lastGood: iso.nullable(), reason: z.string() }).loose()),
      runs: z.array(z.object({ reportId: z.string(), agent: z.string(), collector: z.string(), at: iso, durationMs: z.number(), ok: z.boolean(), lastGood: iso.nullable(), findings: z.array(Finding) })),
    }),
  },
  'GET /api/agents': { tag: 'agents', summary: 'Agent tokens with their last hello, runs, clock offset, refusals and connection.', response: z.object({ minAgentVersion: z.string(), agents: z.array(Agent) }) },
  'POST /api/agents/:id/collect': {
    tag: 'agents', summary: 'Asks a connected agent to run one collector now (409 E_AGENT_OFFLINE when it is not connected).', status: 202,
    body: z.object({ collector: z.string().min(1).max(64) }), response: z.object({ sent: z.literal(true), agent: z.string(), collector: z.string() }),
  },
  'POST /api/evaluate': { tag: 'status', summary: 'Evaluates the policy now and answers the new snapshot.', response: StatusSnapshot },
  'GET /api/topology': {
    tag: 'topology', summary: 'The stored topology with the product versions agents reported (404 E_NO_TOPOLOGY without one).',
    response: z.object({ version: z.number().int(), savedAt: iso, source: z.string(), hash: z.string(), topology: z.unknown() }),
  },
  'GET /api/topology/versions': { tag: 'topology', summary: 'Stored topology versions with their differences, newest first.', query: { limit }, response: z.object({ versions: z.array(TopologyVersion) }) },
  'GET /api/readiness': {
    tag: 'status', summary: 'DR readiness: each goal\u2019s disaster plan from the newest facts, its status, blockers, RPO exposure and RTO estimate (docs/readiness.md).',
    query: { lang },
    response: z.object({
      generatedAt: iso,
      goals: z.array(z.object({
        goal: z.string(), args: z.record(z.string(), z.string()), status: z.enum(['ready', 'at-risk', 'blocked']),
        blockers: z.array(z.object({ code: z.string(), message: z.string(), step: z.number().int().nullable(), params: z.record(z.string(), z.unknown()) })),
        rpoSeconds: z.number().nullable(), rtoMinutes: z.number().nullable(),
        targets: z.object({ rpoMinutes: z.number().nullable(), rtoMinutes: z.number().nullable() }).nullable(),
        facts: z.array(z.object({ fact: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]), source: z.string(), ageSeconds: z.number().nullable() })),
        plan: z.string(),
      })),
    }),
  },
  'GET /api/alerts': { tag: 'status', summary: 'Alerts sent (or that failed to send), newest first.', query: { limit }, response: z.object({ alerts: z.array(Alert) }) },
  'GET /api/documents/:kind': {
    tag: 'documents', summary: 'A worksheet, runbook or plan document with the current status (PDF, Markdown or HTML).', produces: 'application/pdf',
    query: { format: { schema: z.enum(['pdf', 'md', 'html']), description: 'Output format.' }, lang },
  },
  'GET /api/events': { tag: 'status', summary: 'Live events (Server-Sent Events): status changes, reports, run changes.', produces: 'text/event-stream' },
  'GET /api/dashboard/items': {
    tag: 'status', summary: 'The items in the compact form the dashboard shows.',
    response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string().nullable(), category: z.string().nullable(), scope: z.string().nullable(), scopeRef: z.string().nullable(), host: z.string().nullable(), pools: z.array(z.string()), frequency: z.object({ periodHours: z.number() }) })) }),
  },
  'GET /api/plan': {
    tag: 'plans', summary: 'A failover or failback plan for a goal from the stored topology, as JSON or a document.',
    query: {
      goal: { schema: z.string(), description: 'The goal: failover, failback, cms, … (GET /api/runbooks lists them).', required: true },
      pool: { schema: z.string(), description: 'The pool the goal is about, when it needs one.' },
      state: { schema: z.string(), description: 'The DR state as JSON text (optional).' },
      format: { schema: z.enum(['json', 'pdf', 'md', 'html']), description: 'Output format (default json).' },
      lang,
    },
    response: z.object({ state: z.unknown() }).loose(),
  },
  'GET /api/plan/check': {
    tag: 'plans', summary: 'Checks a list of steps against the DR engine\u2019s order rules.',
    query: { steps: { schema: z.string(), description: 'The steps document as JSON text: {"steps":[…]}.', required: true }, state: { schema: z.string(), description: 'The DR state as JSON text (optional).' } },
    response: z.object({ ok: z.boolean(), steps: z.number().int(), violation: z.unknown().nullable() }),
  },
  'GET /api/runbooks': { tag: 'plans', summary: 'The goals and the runbooks, each with why it does not apply to the stored topology (null when it does).', response: z.object({ goals: z.array(z.string()), runbooks: z.array(z.object({
      id: z.string(), title: z.record(z.string(), z.string()).describe('The title per language (en, fr).'),
      applies: z.string().nullable().describe('null when the runbook applies to the stored topology, else why it does not.'),
    })) }) },
  'GET /api/policy': { tag: 'status', summary: 'The policy defaults and the configured rules per item.', response: z.object({ defaults: z.record(z.string(), z.number()), rules: z.record(z.string(), z.unknown()) }) },
  'GET /api/stale-documents': {
    tag: 'documents', summary: 'Whether printed or served documents still match the newest Export-CsConfiguration an agent reported.',
    response: z.object({
      export: z.object({ file: z.string().nullable(), observedAt: iso, agent: z.string(), fingerprint: z.string().nullable() }).nullable(),
      deploymentFingerprint: z.string().nullable(), exportFingerprint: z.string().nullable(), deploymentDiffers: z.boolean(),
      changes: z.array(z.string()), documents: z.array(z.unknown()), stale: z.boolean(), unknown: z.string().nullable(),
    }),
  },
  'GET /api/runs': { tag: 'runs', summary: 'Drills and real runs, newest first.', response: z.object({ runs: z.array(z.object({ id: z.string() }).loose()) }) },
  'POST /api/runs': {
    tag: 'runs', summary: 'Starts a drill or a real run of a goal (the plan is frozen at start); the token\u2019s name is the operator.', status: 201, query: { lang },
    body: z.object({ goal: z.string().min(1).max(4000), args: z.record(z.string(), z.unknown()).optional(), kind: z.enum(['drill', 'real']).default('drill'), title: z.string().min(1).max(4000) }),
    response: RunView,
  },
  'GET /api/runs/:id': { tag: 'runs', summary: 'A run: its steps with status, times, operators, notes and evidence, and the measured figures.', query: { lang }, response: RunView },
  'POST /api/runs/:id/steps/:n': {
    tag: 'runs', summary: 'Changes a step (status, note, reason, evidence as pasted text or a base64 file; body at most 8 MB).', query: { lang },
    body: z.object({
      status: StepStatus, note: Text4000.optional(), reason: Text4000.optional(),
      evidence: z.union([z.object({ name: z.string().optional(), text: z.string() }), z.object({ name: z.string().optional(), base64: z.string() })]).nullable().optional(),
    }),
    response: RunView,
  },
  'POST /api/runs/:id/finish': {
    tag: 'runs', summary: 'Finishes a run, completed or abandoned.', query: { lang },
    body: z.object({ outcome: z.enum(['completed', 'abandoned']).default('completed'), note: Text4000.optional() }), response: RunView,
  },
  'GET /api/runs/:id/events': { tag: 'runs', summary: 'A run\u2019s recorded events in order.', response: z.object({ runId: z.string(), events: z.array(z.unknown()) }) },
  'GET /api/runs/:id/evidence/:evidence': { tag: 'runs', summary: 'One evidence file of a run, as it was attached.', produces: 'application/octet-stream' },
  'GET /api/runs/:id/report.:format': { tag: 'runs', summary: 'The drill report of a run (format pdf, md or html).', produces: 'application/pdf', query: { lang } },
  'GET /api/sync-state': {
    tag: 'operations', summary: 'What this planner holds, for its peer planners: reports kept and each agent\u2019s newest report (docs/planner.md, Peers).',
    response: SyncState,
  },
  'GET /api/peers': {
    tag: 'operations', summary: 'The peer planners: reachable or not and since when, how far behind, who sends the alerts (docs/planner.md, Peers).',
    response: z.object({
      self: z.object({ name: z.string().nullable(), url: z.string().nullable() }), order: z.array(z.string()), sender: z.string().nullable(),
      peers: z.array(z.object({
        name: z.string(), url: z.string(), reachable: z.boolean().nullable(), down: z.boolean(), since: iso, lastAnswer: iso.nullable(), lastPoll: iso.nullable(),
        error: z.string().nullable(), sync: SyncState.nullable(),
        gap: z.object({ behindSeconds: z.number(), aheadSeconds: z.number(), reportsLacking: z.number().int(), agentsMissing: z.array(z.string()) }).loose().nullable(),
      })),
    }),
  },
  'GET /metrics': {
    tag: 'operations', summary: 'Metrics in the Prometheus text format (items by status, agents, reports, evaluation and ack times).',
    produces: 'text/plain; version=0.0.4',
  },
  'GET /openapi.json': { tag: 'operations', summary: 'This description of the HTTP API (OpenAPI 3.1).', response: z.object({ openapi: z.string() }).loose() },
  'POST /ping/:item': {
    tag: 'ping', agentToken: true, summary: 'The item\u2019s backup just succeeded (a report of collector "ping" with a good backup now).',
    body: z.string().max(10_000).describe(pingBody), response: PingAnswer,
  },
  'POST /ping/:item/start': { tag: 'ping', agentToken: true, summary: 'A run of the item\u2019s job began; the next ping carries its duration. Stores nothing.', body: z.string().max(10_000).describe(pingBody), response: PingAnswer },
  'POST /ping/:item/fail': { tag: 'ping', agentToken: true, summary: 'The item\u2019s job failed: the item becomes failed.', body: z.string().max(10_000).describe(pingBody), response: PingAnswer },
  'POST /ping/:item/:exitCode': {
    tag: 'ping', agentToken: true, summary: 'The job ended with this exit code (0–255): 0 is a success, any other a failure.',
    body: z.string().max(10_000).describe(pingBody), response: PingAnswer,
  },
};

/** The ping paths, served before the router (they take agent tokens): listed in the description with the routes. */
export const PING_PATHS = ['/ping/:item', '/ping/:item/start', '/ping/:item/fail', '/ping/:item/:exitCode'] as const;
