import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { LyncdrError } from '@lyncdr/errors';
import { silentLogger, type Logger } from '@lyncdr/logger';
import { createInlineCommitter, createWorkerCommitter, type AsyncCommitter, type Store } from '@lyncdr/store';
import { createNotifier } from './alerts/notifier';
import { createChannels } from './alerts/channels';
import { createAgentEndpoint, type AgentEndpoint } from './agents/endpoint';
import { createDocumentsDrift } from './documents-drift/documents-drift';
import { createReportWriter, type ReportWriter } from './agents/report-writer';
import type { PlannerConfig } from './config';
import { createEvaluator, type Evaluator, type PolicyItem } from './evaluator';
import { apiRoutes, type DocumentBuilder } from './http/api';
import { createDashboard } from './http/dashboard';
import { createHostCheck } from './http/host-check';
import { machineNames } from './http/machine-names';
import { createMetrics, metricsRoutes } from './http/metrics';
import { withOpenApi } from './http/openapi';
import { createPingHandler } from './http/ping';
import { createRequestHandler } from './http/request-handler';
import { compileRoute } from '../http/router';
import { createUpgradeHandler } from './http/upgrade-handler';
import { createScheduler, type Scheduler } from './scheduler';
import { VERSION } from './version';
import { readinessRoutes } from './readiness/readiness-routes';
import type { ReadinessService } from './readiness/readiness-service';
import { runRoutes } from './runs/run-routes';
import { createRunService, type RunDeps } from './runs/run-service';

export interface PlannerServerOptions {
  config: PlannerConfig;
  store: Store;
  now?: () => Date;
  log?: Logger;
  items?: () => PolicyItem[];
  deployment?: string | null;
  documents?: DocumentBuilder | null;
  /** Certificate and key (PEM) for https/wss. */
  tls?: { cert: Buffer; key: Buffer } | null;
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
}

export interface PlannerServer {
  start(): Promise<{ url: string; port: number; agentUrl: string }>;
  stop(): Promise<void>;
  readonly evaluator: Evaluator;
  readonly endpoint: AgentEndpoint;
  readonly writer: ReportWriter;
}

/** The planner: HTTP API and the `/agent` WebSocket endpoint on one server, plus evaluation, alerts and schedules. */
export function createPlannerServer(o: PlannerServerOptions): PlannerServer {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? silentLogger;
  const { config, store } = o;
  const items = o.items ?? (() => []);
  const notifier = createNotifier({ store, log, now, silence: config.alerts.silence, channels: createChannels(config.alerts) });
  const drift = createDocumentsDrift({ store, now });
  const dashboard = createDashboard({ store, rules: config.policy.rules, now, items, onDocument: drift.record, version: VERSION });
  const metrics = createMetrics();
  const runs = o.runs ? createRunService({ ...o.runs, store, now, onChange: (runId, seq) => {
    dashboard.events.publish('run', { runId, seq });
    // A finished run can change a drill:<goal> item of the cadence.
    evaluator.evaluateSoon();
  } }) : null;
  const evaluator = createEvaluator({
    more: (at, judged) => [...(runs ? runs.cadence(at) : []), ...drift.entries(at, judged), ...(o.readiness?.entries(at, judged) ?? [])],
    store, now, log, items, deployment: () => o.deployment ?? null, rules: config.policy.rules,
    onChanges: (changes, deployment) => void notifier.onChanges(changes, deployment).catch((e: Error) => log.error('alert.error', { error: e.message })),
    debounceMs: o.evaluateDebounceMs,
    onEvaluated: (s, seconds) => {
      metrics.observeEvaluation(seconds, new Date(s.generatedAt));
      dashboard.onEvaluated(s);
    },
  });
  // The writer starts with inline commits; start() swaps in the worker-thread committer before any agent connects.
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
    .concat(dashboard.routes, runs ? runRoutes({ store, runs }) : [], drift.routes, o.readiness ? readinessRoutes(o.readiness) : [], metricsRoutes(metrics, { store, evaluator, endpoint })))
    .map(compileRoute);
  let ready = false;
  let scheduler: Scheduler | null = null;

  const api = createRequestHandler({
    routes, store, log, openRead: config.api.openRead || config.demo, ready: () => ready,
    serveStatic: (pathname, res) => dashboard.serve(pathname, res),
    hostAllowed: createHostCheck({ bindHost: config.host, allowed: config.api.allowedHosts, machine: machineNames() }),
    eventStreams: { open: () => dashboard.events.clients, max: config.api.maxEventStreams },
  });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => void (ping(req, res) || api(req, res));
  let server: Server;
  try {
    server = o.tls ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, onRequest) : createHttpServer(onRequest);
  } catch (e) {
    throw new LyncdrError('E_CONFIG', `the TLS certificate or key is not usable: ${(e as Error).message}; give PEM files in tls.cert and tls.key`, { cause: e });
  }
  server.on('upgrade', createUpgradeHandler({ agent: (req, socket, head) => endpoint.handleUpgrade(req, socket, head), log }));
  server.on('clientError', (_e, socket) => socket.destroy());

  return {
    evaluator,
    endpoint,
    writer,
    async start() {
      if (o.commitInWorker !== false && store.file !== ':memory:') {
        committer = await createWorkerCommitter(store.file, store);
        log.info('store.committer', { mode: committer.mode });
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', (e: NodeJS.ErrnoException) => {
          const why = e.code === 'EADDRINUSE' ? 'is in use; pick another with --port (0 picks a free one)' : e.code === 'EACCES' ? 'needs more rights; use a port above 1024' : `cannot be opened (${e.message})`;
          void committer.close();
          reject(new LyncdrError('E_LISTEN', `${config.host}:${config.port} ${why}`, { cause: e }));
        });
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
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
      const { port } = server.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
      const scheme = o.tls ? 'https' : 'http';
      return { url: `${scheme}://${host}:${port}`, port, agentUrl: `${o.tls ? 'wss' : 'ws'}://${host}:${port}/agent` };
    },
    async stop() {
      ready = false;
      scheduler?.stop();
      evaluator.stop();
      dashboard.close();
      await endpoint.close();
      await writer.drain();
      await committer.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
