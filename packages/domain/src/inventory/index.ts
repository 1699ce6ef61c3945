export type {
  BackupServiceCoverage, DataKind, Inventory, InventoryCategory, InventoryFinding, InventoryItem, InventoryScope,
  NoBackupItem
} from './model';
export { buildInventory } from './build-inventory';
export { createOverlayLookup, type OverlayLookup } from './overlay-lookup';
export { BACKUP_FILE_KINDS, DEFAULT_BACKUP_FILES, backupFileName, backupFilePattern, fileTag, type BackupFileKind } from './backup-files';
export { createSampleTopology, type SampleTopologyOptions } from './sample-topology';
