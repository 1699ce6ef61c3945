/**
 * The data inventory: every item of a deployment that must be backed up (and every one that needs none, with the
 * reason). Source: ../shared/reference/REFERENCE.md §a and §b (lync-server-2013-backup-and-restoration-worksheets.md).
 */
export type InventoryScope = 'global' | 'site' | 'pool' | 'store' | 'server';
export type DataKind = 'database' | 'filestore' | 'settings' | 'other';

export interface InventoryItem {
  /**
   * Stable id, used as the key of status snapshots and policy evaluation. Forms:
   * `sql:<database>@<server>[\<instance>]`, `export:<what>@<scope ref>` (what = configuration, lis, userdata, rgs,
   * persistentchat), `filestore:\\<server>\<share>`, `other:<name>@<scope ref>`.
   */
  id: string;
  kind: DataKind;
  /** Database, export or content name (`rtcxds`, `LcsLog`, `Lync Server File Store`, `Export-CsConfiguration`…). */
  name: string;
  description: string;
  /** Server FQDN (or UNC) that holds the data, null when not tied to one host. */
  host: string | null;
  scope: InventoryScope;
  /** Pool FQDN, store id, site id or `global`. */
  scopeRef: string;
  /** Tool or cmdlet that backs it up (`Export-CsUserData cmdlet`, `SQL Server management tool`, `Robocopy`…). */
  tool: string;
  /** Exact backup command for this deployment when there is one, else null. */
  command: string | null;
  /** Suggested frequency: period in hours (policy default) and words. */
  frequency: { periodHours: number; text: string };
  /** How it is restored (cmdlet or method). */
  restore: string;
  /** Reference page (file name under shared/reference/docs-en). */
  ref: string;
}

export interface NoBackupItem {
  name: string;
  host: string | null;
  reason: string;
  ref: string;
}

export interface Inventory {
  items: InventoryItem[];
  notBackedUp: NoBackupItem[];
}
