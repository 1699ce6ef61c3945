import path from 'node:path';
import { silentLogger, type Logger } from '@lyncdr/logger';
import { openStore, type Store } from '@lyncdr/store';
import type { Topology } from '@lyncdr/topology';
import type { PlannerConfig } from './config';
import { startDemoAgent, type DemoAgent } from './demo/demo-agent';
import { inventoryItems, recordTopology } from './deployment';
import { deploymentWiring } from './deployments/deployment-wiring';
import type { PolicyItem } from './evaluator';
import { announceAdminLink } from './http/admin-link';
import { dbFile } from './load-config';
import { createPeers } from './peers/peers';
import { createPlannerServer, type PlannerServer, type PlannerServerOptions } from './planner-server';

export interface StartPlannerOptions {
  config: PlannerConfig;
  /** The deployment: its inventory is judged, its documents are served, a changed one is recorded as a new version. */
  topology?: Topology | null;
  now?: () => Date;
  log?: Logger;
  tls?: PlannerServerOptions['tls'];
  /** The items the policy judges instead of the topology's inventory (tests). */
  items?: () => PolicyItem[];
  /** The deployment name instead of the topology's (tests). */
  deployment?: string | null;
  schedule?: boolean;
  evaluateDebounceMs?: number;
  commitInWorker?: boolean;
}

export interface RunningPlanner {
  store: Store;
  server: PlannerServer;
  url: string;
  agentUrl: string;
  /** Stops the demo agent and the server, then closes the store. */
  stop(): Promise<void>;
}

/**
 * The planner put together: the SQLite store in the data folder, the deployment recorded, the server started (and the
 * demo agent when `config.demo`). `lyncdr serve` and the test planners both start it here.
 */
export async function startPlanner(o: StartPlannerOptions): Promise<RunningPlanner> {
  const { config } = o;
  const now = o.now ?? (() => new Date());
  const log = o.log ?? silentLogger;
  const topology = o.topology ?? null;
  const store = openStore({ store: config.store, file: dbFile(config), schema: 'lyncdr', now });
  const inventory = inventoryItems(topology);
  const items = o.items ?? (() => inventory);
  let demo: DemoAgent | null = null;
  let server: PlannerServer | null = null;
  try {
    if (topology) recordTopology(store, topology, log);
    // The peer planners (docs/planner.md, Peers): polled once the server listens; a change is judged at once.
    const peers = createPeers({ config, store, now, log, onChange: () => started.evaluator.evaluateSoon() });
    const started: PlannerServer = createPlannerServer({
      config, store, now, log, tls: o.tls ?? null, items,
      deployment: o.deployment !== undefined ? o.deployment : (topology?.deployment ?? null),
      ...deploymentWiring({ config, store, topology, items, now, self: () => started, planners: peers.planners }),
      peers,
      ...(o.schedule === undefined ? {} : { schedule: o.schedule }),
      ...(o.evaluateDebounceMs === undefined ? {} : { evaluateDebounceMs: o.evaluateDebounceMs }),
      ...(o.commitInWorker === undefined ? {} : { commitInWorker: o.commitInWorker }),
    });
    const { url, agentUrl } = await started.start();
    server = started;
    log.info('planner.ready', { url, agents: agentUrl, data: config.data, items: items().length });
    announceAdminLink({ store, url, log });
    if (config.demo) demo = await startDemoAgent({ agentUrl, store, folder: path.join(config.data, 'demo'), items: inventory, now, log });
    return {
      store, server, url, agentUrl,
      async stop() {
        await demo?.stop();
        await started.stop();
        store.close();
      },
    };
  } catch (e) {
    await server?.stop();
    store.close();
    throw e;
  }
}
