import { z } from 'zod';
import { itemStatusValues, type ItemStatus } from '@lyncdr/protocol';
import { sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import { buildOpenApi, OPENAPI_PATH } from '../http/openapi';
import type { Operation } from '../http/openapi-operations';
import type { DeploymentContext } from './deployment-context';

export interface ServedDeployment {
  name: string;
  ctx: DeploymentContext;
}

/** One deployment as the overview shows it. */
export function deploymentSummary(d: ServedDeployment) {
  const snapshot = d.ctx.evaluator.latest();
  const counts = Object.fromEntries(itemStatusValues.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const e of snapshot.items) counts[e.status]++;
  const known = d.ctx.store.listTokens().filter((t) => t.role === 'agent' && !t.revokedAt).length;
  return {
    name: d.name,
    topology: snapshot.deployment,
    path: `/d/${d.name}/`,
    agentPath: `/d/${d.name}/agent`,
    counts,
    agents: { connected: d.ctx.endpoint.connected().length, known },
  };
}

const Counts = z.object(Object.fromEntries(itemStatusValues.map((s) => [s, z.number().int()])) as Record<ItemStatus, z.ZodNumber>);

/** What `/openapi.json` says of the overview (the deployments' own routes are described in openapi-operations.ts). */
export const overviewOperations: Record<string, Operation> = {
  'GET /api/deployments': {
    tag: 'status', summary: 'The deployments this planner serves, for a global admin token.',
    description: 'Each deployment with its name, its topology\u2019s name, the path of its dashboard and API (`/d/<name>/`), its items by status and its agents connected. Every other path of a deployment is under `/d/<name>`.',
    response: z.object({
      deployments: z.array(z.object({
        name: z.string(), topology: z.string().nullable(), path: z.string(), agentPath: z.string(), counts: Counts,
        agents: z.object({ connected: z.number().int(), known: z.number().int() }),
      })),
    }),
  },
};

/**
 * The planner's own routes when it serves several deployments: `GET /api/deployments` (the overview) and
 * `GET /openapi.json`, which describes every deployment's paths under `/d/{deployment}` and these.
 */
export function overviewRoutes(list: readonly ServedDeployment[]): Route[] {
  let cached: Record<string, unknown> | null = null;
  const own: Route[] = [
    { method: 'GET', path: '/api/deployments', role: 'admin', handle: ({ res }) => sendJson(res, 200, { deployments: list.map(deploymentSummary) }) },
    {
      method: 'GET', path: OPENAPI_PATH, role: 'admin',
      handle: ({ res }) => sendJson(res, 200, (cached ??= buildOpenApi(list[0]?.ctx.routes ?? [], { prefix: '/d/:deployment', root: own, more: overviewOperations }).document)),
    },
  ];
  return own;
}
