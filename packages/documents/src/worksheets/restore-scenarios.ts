import type { Inventory } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { RestoreScenario } from './restore-model';
import { backEndScenarios, cmsScenario, mirrorScenarios, standardEditionScenarios } from './restore-scenarios-servers';
import {
  fileStoreScenarios,
  memberScenarios,
  monitoringArchivingScenarios,
  persistentChatScenarios,
  rgsScenarios,
  wholePoolScenarios,
} from './restore-scenarios-data';

/**
 * Every failure scenario of the decision table (REFERENCE §c, lync-server-2013-preparing-to-restore-lync-server.md)
 * that applies to this deployment, in the table's order.
 */
export function restoreScenarios(topology: Topology, inventory: Inventory): RestoreScenario[] {
  return [
    ...standardEditionScenarios(topology, inventory),
    ...cmsScenario(topology, inventory),
    ...backEndScenarios(topology, inventory),
    ...mirrorScenarios(topology),
    ...memberScenarios(topology, inventory),
    ...wholePoolScenarios(topology),
    ...fileStoreScenarios(topology),
    ...monitoringArchivingScenarios(topology),
    ...persistentChatScenarios(topology, inventory),
    ...rgsScenarios(topology, inventory),
  ];
}
