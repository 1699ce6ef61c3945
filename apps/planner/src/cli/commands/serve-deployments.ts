import { isLyncdrError, LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import type { DeploymentEntry } from '../../server/deployments/deployments-config';
import { loadDeployment } from '../io';

/** Reads each deployment's topology (and overlay); an error names the deployment it belongs to. */
export async function loadDeployments(list: readonly DeploymentEntry[], cwd: string): Promise<{ name: string; topology: Topology }[]> {
  const out: { name: string; topology: Topology }[] = [];
  for (const d of list) {
    try {
      out.push({ name: d.name, topology: await loadDeployment(d.topology, d.overlay ?? undefined, cwd) });
    } catch (e) {
      if (!isLyncdrError(e)) throw e;
      throw new LyncdrError<string>(e.code, `deployment ${d.name}: ${e.message}`, { cause: e, location: e.location, exitCode: e.exitCode });
    }
  }
  return out;
}
