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
  /** Stable key of what the item is, for grouping and translated labels. */
  category?: InventoryCategory;
  /** Physical database name when the item is a SQL database or its export (`rtcxds`, `LcsLog`, `xds`…). */
  database?: string | null;
  /** SQL instance as `server\instance` (or the server alone for the default instance), when the item lives in SQL. */
  sqlInstance?: string | null;
  /** Pools whose data this item holds (file stores, stores shared by several pools). */
  pools?: string[];
  /** Suggested frequency also says "and after every change" (CMS configuration, Response Group settings). */
  afterChange?: boolean;
  /** Backup schedule from the overlay, verbatim, or null when the overlay says nothing. */
  schedule?: string | null;
  /** Backup destination (UNC or path) from the overlay, or null. */
  destination?: string | null;
  /** Path of the backup file the command writes (and the restore reads), when the item is backed up to one file. */
  file?: string | null;
  /** Owner from the overlay (`name <email>`), or null. */
  owner?: string | null;
  /** What the Backup Service replicates of this item to the paired pool, or null when it does not protect it. */
  backupService?: string | null;
  /** Further notes (exclusions, caveats), in English. */
  notes?: string[];
}

/** Stable keys of inventory items. */
export type InventoryCategory =
  | 'userdata'
  | 'configuration'
  | 'lis'
  | 'rgs'
  | 'archiving'
  | 'monitoring-cdr'
  | 'monitoring-qoe'
  | 'persistentchat'
  | 'sql-other'
  | 'filestore'
  | 'callpark-moh'
  | 'announcements'
  | 'certificates'
  | 'ad-ds'
  | 'infrastructure';

export interface NoBackupItem {
  name: string;
  host: string | null;
  reason: string;
  ref: string;
  /** Database name in lower case (`rtcab`, `rgsdyn`…) or `pool-config` for pools whose settings live in the CMS. */
  key?: string;
  /** Pool FQDN, store id or `global`. */
  scopeRef?: string;
}

/** Something the inventory noticed (missing pairing, unknown database, no destination…): reported, never thrown. */
export interface InventoryFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  subject: string | null;
  ref: string | null;
}

/** What the Backup Service replicates between paired pools, and what it leaves to the backup plan (REFERENCE §0.6, §d.2). */
export interface BackupServiceCoverage {
  pairs: [string, string][];
  replicates: { module: string; what: string }[];
  doesNotProtect: { what: string; ref: string }[];
}

export interface Inventory {
  items: InventoryItem[];
  notBackedUp: NoBackupItem[];
  deployment?: string | null;
  findings?: InventoryFinding[];
  backupService?: BackupServiceCoverage;
}
