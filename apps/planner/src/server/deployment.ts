import { createHash } from 'node:crypto';
import { buildInventory, type InventoryItem } from '@lyncdr/domain';
import type { Logger } from '@lyncdr/logger';
import type { Store } from '@lyncdr/store';
import type { Topology } from '@lyncdr/topology';
import { topologyChangesInWords } from './topology-diff';

/** Records the deployment as a new topology version when it changed (with the differences in words). */
export function recordTopology(store: Store, topology: Topology, log: Logger): void {
  const json = JSON.stringify(topology);
  const hash = createHash('sha256').update(json).digest('hex');
  const previous = store.latestTopology();
  const diff = topologyChangesInWords(previous ? (JSON.parse(previous.json) as Topology) : null, topology);
  const saved = store.saveTopology(topology.source.file, hash, json, diff);
  if (saved) log.info('topology.version', { version: saved.version, source: saved.source, changes: diff.length });
}

/** Inventory items the policy judges. */
export function inventoryItems(topology: Topology | null): InventoryItem[] {
  return topology ? buildInventory(topology).items : [];
}
