import { LyncdrError } from '@lyncdr/errors';
import type { TokenRole } from '@lyncdr/store';
import type { PlannerConfig } from '../../server/config';
import { deploymentDbFile, deploymentSchema, findDeployment, PLANNER_SCHEMA } from '../../server/deployments/deployments-config';
import { dbFile } from '../../server/load-config';

export interface ScopeFlags {
  deployment?: string;
  global?: boolean;
}

/**
 * Where a token lives. One deployment (no `deployments:`): the planner's database. Several: the deployment's own
 * database (`--deployment <name>`; its tokens are unknown to the others), or the planner-level one for a global
 * admin token (`--global`).
 */
export function tokenStoreAt(config: PlannerConfig, flags: ScopeFlags, role?: TokenRole): { file: string; schema: string } {
  if (!config.deployments) {
    if (flags.deployment !== undefined || flags.global) {
      throw new LyncdrError('E_USAGE', `${flags.global ? '--global' : '--deployment'} is for a planner that serves several deployments (deployments: in planner.yaml); give --config with that file, or leave the option out`);
    }
    return { file: dbFile(config), schema: PLANNER_SCHEMA };
  }
  if (flags.global) {
    if (flags.deployment !== undefined) throw new LyncdrError('E_USAGE', 'give --deployment <name> or --global, not both');
    if (role !== undefined && role !== 'admin') throw new LyncdrError('E_USAGE', `a global token is an admin token; a ${role} token belongs to one deployment: --deployment <name>`);
    return { file: dbFile(config), schema: PLANNER_SCHEMA };
  }
  if (flags.deployment === undefined) {
    throw new LyncdrError('E_USAGE', `this planner serves several deployments (${config.deployments.map((d) => d.name).join(', ')}); say which with --deployment <name>, or --global for an admin token of them all`);
  }
  const { name } = findDeployment(config, flags.deployment);
  return { file: deploymentDbFile(config, name), schema: deploymentSchema(name) };
}
