import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isLyncdrError, LyncdrError } from '@lyncdr/errors';
import { createInlineCommitter, createWorkerCommitter, type AsyncCommitter, type Store } from '@lyncdr/store';
import { createNotifier } from './alerts/notifier';
import { createWebhookSender } from './alerts/webhook';
import { createAgentEndpoint, type AgentEndpoint } from './agents/endpoint';
import { createReportWriter, type ReportWriter } from './agents/report-writer';
import type { PlannerConfig } from './config';
import { createEvaluator, type Evaluator, type PolicyItem } from './evaluator';
import { apiRoutes, type DocumentBuilder } from './http/api';
import { createDashboard } from './http/dashboard';
import { allows, requestRole } from './http/auth';
import { sendError } from './http/respond';
import { compileRoute } from './http/router';
import { silentLogger, type Logger } from './logger';
import { createScheduler, type Scheduler } from './scheduler';

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
  const webhook = config.alerts.webhook ? createWebhookSender(config.alerts.webhook) : null;
  const notifier = createNotifier({ store, log, now, silence: config.alerts.silence, webhook });
  const dashboard = createDashboard({ store, rules: config.policy.rules, now, items });
  const evaluator = createEvaluator({
    store, now, log, items, deployment: () => o.deployment ?? null, rules: config.policy.rules,
    onChanges: (changes, deployment) => void notifier.onChanges(changes, deployment).catch((e: Error) => log('alert.error', { error: e.message })),
    debounceMs: o.evaluateDebounceMs,
    onEvaluated: (s) => dashboard.onEvaluated(s),
  });
  // The writer starts with inline commits; start() swaps in the worker-thread committer before any agent connects.
  let committer: AsyncCommitter = createInlineCommitter(store);
  const writer = createReportWriter({ mode: 'inline', commit: (r, t) => committer.commit(r, t), close: async () => {} }, 500, (ms, reports) => log('store.slow_commit', { ms, reports }));
  const endpoint = createAgentEndpoint({
    store, writer, now, log, limits: config.limits,
    onReport: (agent, collector) => {
      evaluator.evaluateSoon();
      dashboard.events.publish('report', { agent, collector });
    },
  });
  const routes = apiRoutes({ store, evaluator, endpoint, items, documents: o.documents ?? null }).concat(dashboard.routes).map(compileRoute);
  let ready = false;
  let scheduler: Scheduler | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://planner');
    if (url.pathname === '/healthz') {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: ready }));
    }
    if (req.method === 'GET' && dashboard.serve(url.pathname, res)) return;
    const matches = routes.map((r) => ({ r, params: r.match(url.pathname) })).filter((m) => m.params);
    if (!matches.length) return sendError(res, 404, 'E_HTTP_NOT_FOUND', `no such endpoint ${url.pathname}`);
    const hit = matches.find((m) => m.r.method === req.method);
    if (!hit) return sendError(res, 405, 'E_HTTP_METHOD', `${req.method} is not allowed on ${url.pathname}`);
    const role = requestRole(req, store, config.api.openRead || config.demo);
    if (role === null) {
      res.setHeader('www-authenticate', 'Bearer realm="lyncdr"');
      return sendError(res, 401, 'E_AUTH', 'an API token is needed: Authorization: Bearer <token> (lyncdr agents add <name> --role read)');
    }
    if (role === 'denied') return sendError(res, 403, 'E_AUTH', 'unknown or revoked API token');
    if (!allows(role, hit.r.role)) return sendError(res, 403, 'E_AUTH', 'this endpoint needs an admin token');
    try {
      await hit.r.handle({ req, res, params: hit.params ?? {}, query: url.searchParams });
    } catch (e) {
      if (isLyncdrError(e)) return sendError(res, 400, e.code, e.message);
      log('http.error', { path: url.pathname, error: (e as Error).message });
      if (!res.headersSent) sendError(res, 500, 'E_INTERNAL', 'internal error; see the planner log');
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  let server: Server;
  try {
    server = o.tls ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, onRequest) : createHttpServer(onRequest);
  } catch (e) {
    throw new LyncdrError('E_CONFIG', `the TLS certificate or key is not usable: ${(e as Error).message}; give PEM files in tls.cert and tls.key`, { cause: e });
  }
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://planner').pathname !== '/agent') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    endpoint.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  return {
    evaluator,
    endpoint,
    writer,
    async start() {
      if (o.commitInWorker !== false && store.file !== ':memory:') {
        committer = await createWorkerCommitter(store.file, store);
        log('store.committer', { mode: committer.mode });
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
              log('retention', { pruned: store.pruneReports(before), before });
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
