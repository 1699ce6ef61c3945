import { silentLogger, type Logger } from '@lyncdr/logger';
import { openStore, type Store } from '@lyncdr/store';
import type { Topology } from '@lyncdr/topology';
import type { PlannerConfig } from '../config';
import { inventoryItems, recordTopology } from '../deployment';
import { announceAdminLink } from '../http/admin-link';
import { dbFile } from '../load-config';
import { createDeploymentContext, type DeploymentContext } from './deployment-context';
import { checkDeployments, deploymentDbFile, deploymentSchema, PLANNER_SCHEMA } from './deployments-config';
import { createDeploymentsServer } from './deployments-server';
import { deploymentWiring } from './deployment-wiring';

export interface StartDeploymentsOptions {
  config: PlannerConfig;
  /** The deployments of `config.deployments`, each with its topology read (and its overlay applied). */
  deployments: readonly { name: string; topology: Topology }[];
  now?: () => Date;
  log?: Logger;
  tls?: { cert: Buffer; key: Buffer } | null;
  schedule?: boolean;
  evaluateDebounceMs?: number;
  commitInWorker?: boolean;
}

export interface RunningDeployment {
  name: string;
  store: Store;
  ctx: DeploymentContext;
  /** `<planner>/d/<name>`, its dashboard at `<url>/` and its API under `<url>/api/`. */
  url: string;
  agentUrl: string;
}

export interface RunningDeployments {
  /** The overview. */
  url: string;
  /** The planner-level store: global admin tokens. */
  globalStore: Store;
  deployments: Map<string, RunningDeployment>;
  stop(): Promise<void>;
}

/** Adds the deployment's name to every record of its log. */
const namedLog = (log: Logger, deployment: string): Logger => ({
  debug: (m, f) => log.debug(m, { deployment, ...f }),
  info: (m, f) => log.info(m, { deployment, ...f }),
  warn: (m, f) => log.warn(m, { deployment, ...f }),
  error: (m, f) => log.error(m, { deployment, ...f }),
});

/**
 * A planner serving several deployments (planner.yaml `deployments:`): each one with its own SQLite file
 * (`<data>/deployments/<name>/planner.sqlite`) and context, all on one server; global admin tokens in
 * `<data>/planner.sqlite`.
 */
export async function startDeployments(o: StartDeploymentsOptions): Promise<RunningDeployments> {
  const { config } = o;
  checkDeployments(config);
  const now = o.now ?? (() => new Date());
  const log = o.log ?? silentLogger;
  const stores: Store[] = [];
  const close = () => {
    for (const s of stores.splice(0)) s.close();
  };
  try {
    const globalStore = openStore({ store: config.store, file: dbFile(config), schema: PLANNER_SCHEMA, now });
    stores.push(globalStore);
    const served: { name: string; store: Store; ctx: DeploymentContext }[] = [];
    for (const d of o.deployments) {
      const dlog = namedLog(log, d.name);
      const store = openStore({ store: config.store, file: deploymentDbFile(config, d.name), schema: deploymentSchema(d.name), now });
      stores.push(store);
      recordTopology(store, d.topology, dlog);
      const inventory = inventoryItems(d.topology);
      const items = () => inventory;
      const ctx: DeploymentContext = createDeploymentContext({
        config, store, now, log: dlog, items, deployment: d.topology.deployment, globalStore, base: `/d/${d.name}`,
        ...deploymentWiring({ config, store, topology: d.topology, items, now, self: () => ctx }),
        ...(o.schedule === undefined ? {} : { schedule: o.schedule }),
        ...(o.evaluateDebounceMs === undefined ? {} : { evaluateDebounceMs: o.evaluateDebounceMs }),
        ...(o.commitInWorker === undefined ? {} : { commitInWorker: o.commitInWorker }),
      });
      served.push({ name: d.name, store, ctx });
    }
    const server = createDeploymentsServer({ config, deployments: served, globalStore, tls: o.tls ?? null, log });
    const { url, ws } = await server.start();
    log.info('planner.ready', { url, deployments: served.map((d) => d.name).join(','), data: config.data });
    // While no global admin token exists, a one-time admin link for the overview and every deployment.
    announceAdminLink({ store: globalStore, url, log });
    return {
      url, globalStore,
      deployments: new Map(served.map((d) => [d.name, { ...d, url: `${url}/d/${d.name}`, agentUrl: `${ws}/d/${d.name}/agent` }])),
      async stop() {
        await server.stop();
        close();
      },
    };
  } catch (e) {
    close();
    throw e;
  }
}
