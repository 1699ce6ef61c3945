import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { silentLogger, type Logger } from '@lyncdr/logger';
import { createCommitter, createInlineCommitter, type AsyncCommitter, type Store } from '@lyncdr/store';
import { createNotifier } from '../alerts/notifier';
import { createChannels } from '../alerts/channels';
import { createAgentEndpoint, type AgentEndpoint } from '../agents/endpoint';
import { createDocumentsDrift } from '../documents-drift/documents-drift';
import { createReportWriter, type ReportWriter } from '../agents/report-writer';
import type { PlannerConfig } from '../config';
import { createEvaluator, type Evaluator, type PolicyItem } from '../evaluator';
import { apiRoutes, type DocumentBuilder } from '../http/api';
import { createDashboard, type Dashboard } from '../http/dashboard';
import { createHostCheck } from '../http/host-check';
import { machineNames } from '../http/machine-names';
import { createMetrics, metricsRoutes } from '../http/metrics';
import { withOpenApi } from '../http/openapi';
import { createPingHandler } from '../http/ping';
import { createRequestHandler } from '../http/request-handler';
import { compileRoute, type CompiledRoute } from '../../http/router';
import { createScheduler, type Scheduler } from '../scheduler';
import { VERSION } from '../version';
import { readinessRoutes } from '../readiness/readiness-routes';
import type { ReadinessService } from '../readiness/readiness-service';
import type { Peers } from '../peers/peers';
import { runRoutes } from '../runs/run-routes';
import { createRunService, type RunDeps } from '../runs/run-service';

export interface DeploymentContextOptions {
  config: PlannerConfig;
  store: Store;
  now?: () => Date;
  log?: Logger;
  items?: () => PolicyItem[];
  deployment?: string | null;
  documents?: DocumentBuilder | null;
  /** Run the node-cron jobs (evaluation, retention, daily summary); off in tests that drive evaluation themselves. */
  schedule?: boolean;
  /** Delay that coalesces evaluations after reports. */
  evaluateDebounceMs?: number;
  /** Commit reports on a worker thread (default) or on the event loop's thread. */
  commitInWorker?: boolean;
  /** Drills and real runs on this deployment (docs/drills.md); no runs API without a deployment. */
  runs?: Pick<RunDeps, 'deployment' | 'version'> | null;
  /** DR readiness of the deployment (docs/readiness.md): judged with the items, served by GET /api/readiness. */
  readiness?: ReadinessService | null;
  /** The planner-level store whose admin tokens (and admin sessions) are accepted here too (several deployments). */
  globalStore?: Store | null;
  /** The path the deployment is served under (`/d/<name>`), for its dashboard's files and its OpenAPI description; '' for the root. */
  base?: string;
  /** The peer planners (docs/planner.md, Peers): their peer:<name> items, the alert gate, their routes and metrics. */
  peers?: Peers | null;
}

/**
 * One deployment served by the planner: its store, evaluator, alerts, runs, readiness, documents, dashboard events,
 * agent endpoint and HTTP routes. It owns no socket: a planner server hands it the requests and upgrades of its paths
 * (with the deployment's prefix already taken off).
 */
export interface DeploymentContext {
  readonly store: Store;
  readonly evaluator: Evaluator;
  readonly endpoint: AgentEndpoint;
  readonly writer: ReportWriter;
  readonly dashboard: Dashboard;
  /** The API routes (for the OpenAPI description of a planner serving several deployments). */
  readonly routes: readonly CompiledRoute[];
  /** Ping URLs first, then the API and the dashboard. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Before the server listens: the worker-thread committer. */
  open(): Promise<void>;
  /** Once the server listens: the first evaluation, the schedules, ready. */
  start(): void;
  ready(): boolean;
  /** Stops schedules, evaluation, agents and commits (the store stays open). */
  stop(): Promise<void>;
}

export function createDeploymentContext(o: DeploymentContextOptions): DeploymentContext {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? silentLogger;
  const { config, store } = o;
  const items = o.items ?? (() => []);
  const notifier = createNotifier({ store, log, now, silence: config.alerts.silence, channels: createChannels(config.alerts), gate: o.peers?.gate ?? null });
  const drift = createDocumentsDrift({ store, now });
  const dashboard = createDashboard({ store, rules: config.policy.rules, now, items, onDocument: drift.record, version: VERSION, base: o.base ?? '' });
  const metrics = createMetrics();
  const runs = o.runs ? createRunService({ ...o.runs, store, now, onChange: (runId, seq) => {
    dashboard.events.publish('run', { runId, seq });
    // A finished run can change a drill:<goal> item of the cadence.
    evaluator.evaluateSoon();
  } }) : null;
  const evaluator = createEvaluator({
    more: (at, judged) => [...(runs ? runs.cadence(at) : []), ...drift.entries(at, judged), ...(o.readiness?.entries(at, judged) ?? []), ...(o.peers?.entries(at) ?? [])],
    store, now, log, items, deployment: () => o.deployment ?? null, rules: config.policy.rules,
    onChanges: (changes, deployment) => void notifier.onChanges(changes, deployment).catch((e: Error) => log.error('alert.error', { error: e.message })),
    debounceMs: o.evaluateDebounceMs,
    onEvaluated: (s, seconds) => {
      metrics.observeEvaluation(seconds, new Date(s.generatedAt));
      dashboard.onEvaluated(s);
    },
  });
  // The writer starts with inline commits; open() swaps in the worker-thread committer before any agent connects.
  let committer: AsyncCommitter = createInlineCommitter(store);
  const writer = createReportWriter({ mode: 'inline', commit: (r, t) => committer.commit(r, t), close: async () => {} }, 500, (ms, reports) => log.warn('store.slow_commit', { ms, reports }));
  const onReport = (agent: string, collector: string) => {
    evaluator.evaluateSoon();
    dashboard.events.publish('report', { agent, collector });
  };
  const endpoint = createAgentEndpoint({
    store, writer, now, log, limits: config.limits, clockSkewMs: config.ingest.clockSkewSeconds * 1000, onReport, onAck: metrics.observeAck,
  });
  // Ping URLs take agent tokens, so they are answered before the API's router (docs/operations.md).
  const ping = createPingHandler({ store, writer, items, now, log, limits: config.limits, onReport, onPing: metrics.observePing });
  const routes = withOpenApi(apiRoutes({ store, evaluator, endpoint, items, documents: drift.recording(o.documents ?? null) })
    .concat(dashboard.routes, runs ? runRoutes({ store, runs }) : [], drift.routes, o.readiness ? readinessRoutes(o.readiness) : [], metricsRoutes(metrics, { store, evaluator, endpoint, ...(o.peers ? { more: o.peers.metrics } : {}) }), o.peers?.routes ?? []), { base: o.base ?? '' })
    .map(compileRoute);
  let ready = false;
  let scheduler: Scheduler | null = null;

  const api = createRequestHandler({
    routes, store, log, openRead: config.api.openRead || config.demo, ready: () => ready, globalStore: o.globalStore ?? null,
    serveStatic: (pathname, res) => dashboard.serve(pathname, res),
    hostAllowed: createHostCheck({ bindHost: config.host, allowed: config.api.allowedHosts, machine: machineNames() }),
    eventStreams: { open: () => dashboard.events.clients, max: config.api.maxEventStreams },
  });

  return {
    store, evaluator, endpoint, writer, dashboard, routes,
    handleRequest: (req, res) => void (ping(req, res) || api(req, res)),
    handleUpgrade: (req, socket, head) => endpoint.handleUpgrade(req, socket, head),
    async open() {
      if (o.commitInWorker !== false && store.file !== ':memory:') {
        committer = await createCommitter(store);
        log.info('store.committer', { mode: committer.mode });
      }
    },
    start() {
      evaluator.evaluate();
      if (o.schedule !== false) {
        scheduler = createScheduler([
          { name: 'evaluation', cron: config.evaluation.cron, run: () => evaluator.evaluate() },
          {
            name: 'retention', cron: '17 3 * * *',
            run: () => {
              const before = new Date(now().getTime() - config.retention.rawReportsDays * 86_400_000).toISOString();
              log.info('retention', { pruned: store.pruneReports(before), before });
            },
          },
          { name: 'daily summary', cron: config.alerts.dailySummary, run: () => notifier.dailySummary(evaluator.evaluate()) },
        ], log);
      }
      ready = true;
    },
    ready: () => ready,
    async stop() {
      ready = false;
      scheduler?.stop();
      evaluator.stop();
      dashboard.close();
      await endpoint.close();
      await writer.drain();
      await committer.close();
    },
  };
}
