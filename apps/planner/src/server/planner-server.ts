import type { Logger } from '@lyncdr/logger';
import { silentLogger } from '@lyncdr/logger';
import type { AgentEndpoint } from './agents/endpoint';
import type { ReportWriter } from './agents/report-writer';
import { createDeploymentContext, type DeploymentContextOptions } from './deployments/deployment-context';
import type { Evaluator } from './evaluator';
import { createListener } from './http/listener';
import { createUpgradeHandler } from './http/upgrade-handler';

export interface PlannerServerOptions extends DeploymentContextOptions {
  /** Certificate and key (PEM) for https/wss. */
  tls?: { cert: Buffer; key: Buffer } | null;
  log?: Logger;
}

export interface PlannerServer {
  start(): Promise<{ url: string; port: number; agentUrl: string }>;
  stop(): Promise<void>;
  readonly evaluator: Evaluator;
  readonly endpoint: AgentEndpoint;
  readonly writer: ReportWriter;
}

/**
 * The planner of one deployment: its context (HTTP API, dashboard, `/agent` WebSocket endpoint, evaluation, alerts
 * and schedules, deployments/deployment-context.ts) on one server. Several deployments: deployments/deployments-server.ts.
 */
export function createPlannerServer(o: PlannerServerOptions): PlannerServer {
  const log = o.log ?? silentLogger;
  const ctx = createDeploymentContext(o);
  const listener = createListener({
    host: o.config.host, port: o.config.port, tls: o.tls ?? null,
    onRequest: ctx.handleRequest,
    onUpgrade: createUpgradeHandler({ agent: ctx.handleUpgrade, log }),
  });

  return {
    evaluator: ctx.evaluator,
    endpoint: ctx.endpoint,
    writer: ctx.writer,
    async start() {
      await ctx.open();
      let at;
      try {
        at = await listener.listen();
      } catch (e) {
        await ctx.stop();
        throw e;
      }
      ctx.start();
      o.peers?.start(at.base);
      return { url: at.base, port: at.port, agentUrl: `${at.ws}/agent` };
    },
    async stop() {
      o.peers?.stop();
      await ctx.stop();
      await listener.close();
    },
  };
}
