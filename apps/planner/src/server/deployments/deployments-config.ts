import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import type { PlannerConfig } from '../config';

/** A deployment's name: its URL segment (`/d/<name>/`), its data folder and its PostgreSQL schema. */
export const DEPLOYMENT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export type DeploymentEntry = NonNullable<PlannerConfig['deployments']>[number];

/**
 * Checks the `deployments:` list of planner.yaml: names are slugs (lower-case letters, digits and inner dashes, at
 * most 40), none repeated, and the list is not mixed with the single `topology:`, the demo or `peers:`. Throws
 * E_DEPLOYMENT_CONFIG.
 */
export function checkDeployments(config: Pick<PlannerConfig, 'deployments' | 'topology' | 'demo'> & { peers?: readonly unknown[] }, file = 'planner.yaml'): void {
  const list = config.deployments;
  if (list === null) return;
  const fail = (message: string, where: string) => {
    throw new LyncdrError('E_DEPLOYMENT_CONFIG', message, { location: { file, where } });
  };
  if (!list.length) fail('deployments: is empty; list at least one { name, topology }, or remove it for a single deployment', 'deployments');
  if (config.topology !== null) fail('topology: and deployments: are both given; move the topology into the deployments list (each entry has its own topology and overlay)', 'topology');
  if (config.demo) fail('the demo runs with a single deployment; remove deployments: or the demo', 'demo');
  if (config.peers?.length) fail('peers: is for a planner of one deployment; run a planner per deployment to pair planners, or remove peers:', 'peers');
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (!DEPLOYMENT_NAME.test(d.name)) {
      fail(`deployment name "${d.name.slice(0, 60)}" is not a slug; use 1 to 40 lower-case letters, digits and dashes (not first or last), e.g. "contoso-fr"`, `deployments.${i}.name`);
    }
    if (seen.has(d.name)) fail(`deployment name "${d.name}" is given twice; each deployment needs its own name`, `deployments.${i}.name`);
    seen.add(d.name);
  });
}

/** The deployment of this name, or E_DEPLOYMENT_UNKNOWN naming those there are. */
export function findDeployment(config: Pick<PlannerConfig, 'deployments'>, name: string): DeploymentEntry {
  const list = config.deployments ?? [];
  const found = list.find((d) => d.name === name);
  if (!found) {
    const known = list.map((d) => d.name).join(', ');
    throw new LyncdrError('E_DEPLOYMENT_UNKNOWN', `no deployment named "${name.slice(0, 60)}"${known ? `; the planner serves ${known}` : '; planner.yaml has no deployments: list'}`);
  }
  return found;
}

/** The data folder of one deployment: `<data>/deployments/<name>`. */
export const deploymentDir = (config: Pick<PlannerConfig, 'data'>, name: string) => path.join(config.data, 'deployments', name);

/** The SQLite file of one deployment (its agents, reports, tokens, runs): `<data>/deployments/<name>/planner.sqlite`. */
export const deploymentDbFile = (config: Pick<PlannerConfig, 'data'>, name: string) => path.join(deploymentDir(config, name), 'planner.sqlite');

/** The PostgreSQL schema of the planner's own store (one deployment, or the global tokens of several). */
export const PLANNER_SCHEMA = 'lyncdr';

/** A deployment's PostgreSQL schema: its name with dashes as underscores, after a `d_` (never a reserved word). */
export const deploymentSchema = (name: string) => `d_${name.replace(/-/g, '_')}`;
