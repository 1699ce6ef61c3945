import type { PlannerLink } from '@lyncdr/documents';
import type { Store } from '@lyncdr/store';
import type { Topology } from '@lyncdr/topology';
import { createAgentProducts } from '../../dashboard/plan-routes';
import type { AgentEndpoint } from '../agents/endpoint';
import type { PlannerConfig } from '../config';
import type { Evaluator, PolicyItem } from '../evaluator';
import { createDocumentBuilder } from '../http/documents';
import { createReadinessService } from '../readiness/readiness-service';
import { VERSION } from '../version';
import type { DeploymentContextOptions } from './deployment-context';

export interface WiringInput {
  config: PlannerConfig;
  store: Store;
  topology: Topology | null;
  items: () => PolicyItem[];
  now: () => Date;
  /** The deployment's evaluator and endpoint, once made (they are asked for only when a request comes). */
  self: () => { evaluator: Evaluator; endpoint: AgentEndpoint };
  /** This planner and its peers, printed under the documents' title (peers/peers.ts); none when absent. */
  planners?: () => PlannerLink[];
}

/** What a deployment with a topology adds to its context: documents, readiness and runs. */
export function deploymentWiring(w: WiringInput): Pick<DeploymentContextOptions, 'documents' | 'readiness' | 'runs'> {
  const { config, store, topology, items, now } = w;
  const withAgents = createAgentProducts(store);
  return {
    // Worksheets and runbooks use the versions agents reported too (docs/topology.md "Product version").
    documents: createDocumentBuilder({ topology: () => topology && withAgents(topology), snapshot: () => w.self().evaluator.latest(), now, ...(w.planners ? { planners: w.planners } : {}) }),
    readiness: topology ? createReadinessService({
      store, now, topology: () => withAgents(topology), items, rules: config.policy.rules,
      agents: () => {
        const online = new Set(w.self().endpoint.connected());
        return store.listTokens().filter((a) => a.role === 'agent' && !a.revokedAt).map((a) => ({ name: a.name, host: a.host, connected: online.has(a.name), lastSeen: a.lastSeen }));
      },
    }) : null,
    runs: topology ? { deployment: () => ({ topology: withAgents(topology), fingerprint: (store.latestTopology()?.hash ?? '').slice(0, 16) }), version: VERSION } : null,
  };
}
