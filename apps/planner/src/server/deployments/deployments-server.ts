import type { IncomingMessage, ServerResponse } from 'node:http';
import { silentLogger, type Logger } from '@lyncdr/logger';
import type { Store } from '@lyncdr/store';
import { createStaticAssets } from '../../dashboard/index';
import { sendError } from '../../http/respond';
import { compileRoute } from '../../http/router';
import type { PlannerConfig } from '../config';
import { createHostCheck } from '../http/host-check';
import { createListener } from '../http/listener';
import { machineNames } from '../http/machine-names';
import { createRequestHandler } from '../http/request-handler';
import { setSecurityHeaders } from '../http/security-headers';
import { createUpgradeHandler } from '../http/upgrade-handler';
import type { DeploymentContext } from './deployment-context';
import { overviewRoutes, type ServedDeployment } from './overview-routes';

export interface DeploymentsServerOptions {
  config: PlannerConfig;
  deployments: readonly ServedDeployment[];
  /** The planner-level store: global admin tokens (and the admin link's sessions). */
  globalStore: Store;
  tls?: { cert: Buffer; key: Buffer } | null;
  log?: Logger;
}

export interface DeploymentsServer {
  /** `url` is the overview; each deployment is at `<url>/d/<name>/`, its agents at `<ws>/d/<name>/agent`. */
  start(): Promise<{ url: string; port: number; ws: string }>;
  stop(): Promise<void>;
}

/** `/d/<name>` and what follows it: the deployment and the path inside it. */
const DEPLOYMENT_PATH = /^\/d\/([^/?#]*)(\/[^?#]*)?/;

/**
 * One planner serving several deployments on one server: `/d/<name>/…` goes to that deployment's context (its API,
 * dashboard, ping URLs, `/d/<name>/agent`), with the prefix taken off; `/`, `/api/deployments`, `/openapi.json`,
 * `/login` and `/healthz` are the planner's own. A deployment knows only its own tokens (its own store), plus the
 * global admin tokens of `globalStore`.
 */
export function createDeploymentsServer(o: DeploymentsServerOptions): DeploymentsServer {
  const log = o.log ?? silentLogger;
  const { config, globalStore } = o;
  const byName = new Map<string, DeploymentContext>(o.deployments.map((d) => [d.name, d.ctx]));
  const assets = createStaticAssets({ page: 'deployments.html' });
  let ready = false;
  const root = createRequestHandler({
    routes: overviewRoutes(o.deployments).map(compileRoute),
    store: globalStore, log, openRead: config.api.openRead, ready: () => ready && o.deployments.every((d) => d.ctx.ready()),
    serveStatic: (pathname, res) => assets.serve(pathname, res),
    hostAllowed: createHostCheck({ bindHost: config.host, allowed: config.api.allowedHosts, machine: machineNames() }),
    eventStreams: { open: () => 0, max: config.api.maxEventStreams },
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    const m = DEPLOYMENT_PATH.exec(target);
    if (!m) return root(req, res);
    const ctx = byName.get(m[1] ?? '');
    if (!ctx) {
      setSecurityHeaders(res);
      return sendError(res, 404, 'E_DEPLOYMENT_UNKNOWN', `this planner serves no deployment named "${(m[1] ?? '').slice(0, 60)}"; see /api/deployments`);
    }
    if (m[2] === undefined) {
      // `/d/<name>` → `/d/<name>/`: the dashboard's files and API are relative to it.
      setSecurityHeaders(res);
      res.writeHead(308, { location: `/d/${m[1]}/${target.slice(m[0].length)}` });
      return void res.end();
    }
    // The deployment sees its own paths; a run of slashes never turns the rest into a URL with a host.
    req.url = target.slice(m[0].length - m[2].length).replace(/^\/+/, '/');
    ctx.handleRequest(req, res);
  };

  const listener = createListener({
    host: config.host, port: config.port, tls: o.tls ?? null, onRequest,
    onUpgrade: createUpgradeHandler({
      log,
      route: (pathname) => {
        const m = /^\/d\/([^/]+)\/agent$/.exec(pathname);
        const ctx = m ? byName.get(m[1]!) : undefined;
        return ctx ? ctx.handleUpgrade : null;
      },
    }),
  });

  return {
    async start() {
      await Promise.all(o.deployments.map((d) => d.ctx.open()));
      let at;
      try {
        at = await listener.listen();
      } catch (e) {
        await Promise.all(o.deployments.map((d) => d.ctx.stop()));
        throw e;
      }
      for (const d of o.deployments) d.ctx.start();
      ready = true;
      return { url: at.base, port: at.port, ws: at.ws };
    },
    async stop() {
      ready = false;
      await Promise.all(o.deployments.map((d) => d.ctx.stop()));
      await listener.close();
    },
  };
}
