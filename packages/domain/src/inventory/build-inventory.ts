import { userPools, type Topology } from '@lyncdr/topology';
import type { Inventory, InventoryFinding } from './model';
import { createOverlayLookup } from './overlay-lookup';
import { userDataItems } from './userdata-items';
import { sqlStoreItems } from './sql-store-items';
import { settingsItems } from './settings-items';
import { fileStoreItems } from './filestore-items';
import { otherItems } from './other-items';
import { notBackedUpItems } from './not-backed-up';
import { backupServiceCoverage } from './backup-service';
import { REF } from './refs';

/**
 * Every data item of the deployment that must be backed up, and every one that needs none with the reason
 * (REFERENCE §a, §b). Pure: the same topology (with its overlay) always gives the same inventory, in a stable order:
 * databases, settings, file stores, other.
 */
export function buildInventory(topology: Topology): Inventory {
  const ctx = { topology, lookup: createOverlayLookup(topology.overlay) };
  const sql = sqlStoreItems(ctx);
  const settings = settingsItems(ctx);
  const items = [...userDataItems(ctx), ...sql.items, ...settings.items, ...fileStoreItems(ctx), ...otherItems(ctx)];
  const findings: InventoryFinding[] = [...sql.findings, ...settings.findings];
  for (const pool of userPools(topology)) {
    if (!pool.backupPool) {
      findings.push({
        code: 'INV_UNPAIRED_POOL',
        severity: 'warning',
        message: `${pool.fqdn} has no backup pool: its user data and conference content are protected only by the backups in this inventory, and it cannot be failed over`,
        subject: pool.fqdn,
        ref: 'lync-server-2013-supported-pool-pairing-options-and-best-practices.md',
      });
    }
  }
  const noDestination = items.filter((i) => !i.destination);
  if (noDestination.length) {
    findings.push({
      code: 'INV_NO_DESTINATION',
      severity: 'info',
      message: `${noDestination.length} of ${items.length} items have no backup destination in the overlay (destinations:); commands write to $Backup and worksheets leave the cell blank`,
      subject: null,
      ref: REF.coreData,
    });
  }
  const noOwner = items.filter((i) => !i.owner);
  if (noOwner.length) {
    findings.push({
      code: 'INV_NO_OWNER',
      severity: 'info',
      message: `${noOwner.length} of ${items.length} items have no owner in the overlay (owners:); the plan must name who is responsible for each backup`,
      subject: null,
      ref: 'lync-server-2013-establishing-a-backup-and-restoration-plan.md',
    });
  }
  const ids = new Set<string>();
  const unique = items.filter((i) => {
    if (!ids.has(i.id)) return ids.add(i.id);
    findings.push({ code: 'INV_DUPLICATE_ITEM', severity: 'warning', message: `the topology yields item ${i.id} twice; check for duplicate stores`, subject: i.id, ref: null });
    return false;
  });
  return {
    deployment: topology.overlay?.deployment ?? topology.deployment,
    items: unique,
    notBackedUp: notBackedUpItems(topology),
    findings,
    backupService: backupServiceCoverage(topology),
  };
}
