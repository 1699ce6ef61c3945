/**
 * The typed deployment model every other package reads. Produced by the parsers in this package from a published
 * topology (Get-CsTopology -AsXml), a Topology Builder document (.tbxml) or an Export-CsConfiguration zip, then merged
 * with the lyncdr.yaml overlay. Plain data only: no classes, no I/O, JSON-serialisable.
 * Shapes follow ../shared/reference/REFERENCE.md §f.3 (topology XML) and DESIGN §4 (`topology show --json`).
 */

/** Pool kinds. The first six are named by the CLI contract; the rest occur in real topologies. */
export type PoolKind =
  | 'FrontEnd'
  | 'StandardEdition'
  | 'Edge'
  | 'Director'
  | 'Mediation'
  | 'PersistentChat'
  | 'SqlServer'
  | 'FileServer'
  | 'OfficeWebApps'
  | 'VideoInterop'
  | 'TrustedApplication'
  | 'Other';

export interface Site {
  /** Site id as written in the topology (`1`, `2`, or a name in .tbxml). */
  id: string;
  name: string;
  location: string | null;
  kind: 'central' | 'branch';
}

export interface Pool {
  fqdn: string;
  /** Site id. */
  site: string;
  kind: PoolKind;
  /** Machine FQDNs, in ordinal order. */
  machines: string[];
  /** Service ids installed on this pool (`1-UserServices-1`, …). */
  services: string[];
  /** Paired backup pool (Backup Service / pool failover partner), from the overlay or the XML when it says so. */
  backupPool: string | null;
  /** Front End / Director: the Edge pool its Registrar uses (the Edge association), when the topology says so. */
  edgePool: string | null;
  /** Edge pools only: the next-hop pool (Front End or Director) the Edge pool sends to, when known. */
  nextHop: string | null;
  /** True when the pool's Front End services depend on a mirrored back end. */
  mirroredBackEnd: boolean;
  /** Product version of the pool and where it comes from (product/product-version.ts); absent means unknown. */
  product?: ProductVersion;
  productSource?: ProductSource;
}

/** Product versions lyncdr knows; `unknown` when neither the overlay, the topology nor an agent says (docs/topology.md). */
export type KnownProduct = 'lync2013' | 'sfb2015' | 'sfb2019';
export type ProductVersion = KnownProduct | 'unknown';
/** Where a version comes from, in order of precedence: the overlay, the topology, an agent's report (the planner only). */
export type ProductSource = 'overlay' | 'topology' | 'agent' | 'unknown';

/** High availability of a Back End SQL instance: SQL mirroring, AlwaysOn Availability Group, failover cluster instance. */
export type BackEndHaType = 'none' | 'mirror' | 'alwayson' | 'fci';
/**
 * Where the HA type comes from: the overlay's `backEndHa:`, its `mirrors:`, or nobody said (`unknown`). The topology
 * is not a source yet: how the XML encodes a mirror or an AlwaysOn listener is unknown (docs/topology.md).
 */
export type BackEndHaSource = 'overlay' | 'mirrors' | 'unknown';

/** Where a service is installed: a pool (cluster) or a SQL instance. */
export type InstalledOn = { kind: 'pool'; fqdn: string } | { kind: 'sql'; server: string; instance: string | null };

export interface Service {
  /** `SiteId-RoleName-Instance`, e.g. `1-WebServices-1` (the same id names file-store folders). */
  id: string;
  site: string;
  role: string;
  instance: string;
  installedOn: InstalledOn | null;
  /** Ids of the services this one depends on. */
  dependsOn: string[];
  /** Role-specific attributes flattened (ShareName, IsActive, IsDirector, …). */
  attributes: Record<string, string>;
  /** `Service@ServiceVersion` as written (`7`), null when absent; mapped to a product in product/product-version.ts. */
  serviceVersion?: string | null;
}

export type SqlStoreKind =
  | 'BackEnd'
  | 'Application'
  | 'CentralManagement'
  | 'Archiving'
  | 'Monitoring'
  | 'PersistentChat'
  | 'PersistentChatCompliance'
  | 'Edge'
  | 'Other';

export interface SqlStore {
  /** Id of the store service (`1-UserStore-1`). */
  id: string;
  kind: SqlStoreKind;
  /** SQL Server FQDN. */
  server: string;
  /** Named instance, or null for the default instance. */
  instance: string | null;
  /** Database names this store holds (xds, lis, rtcxds, rtcshared, rtcab, rgsconfig, …). */
  databases: string[];
  /** Pools whose services use this store. */
  pools: string[];
  /** Mirror server and instance when the store is mirrored. */
  mirror: { server: string; instance: string | null } | null;
  witness: { server: string; instance: string | null } | null;
  /** HA type of the SQL instance the store is on; absent means unknown. */
  haType?: BackEndHaType | 'unknown';
  haSource?: BackEndHaSource;
}

export interface FileStore {
  id: string;
  server: string;
  share: string;
  /** `\\server\share`. */
  unc: string;
  /** Pools whose services use this file store. */
  pools: string[];
}

export interface CentralManagementStore {
  sqlServer: string;
  instance: string | null;
  /** Front End pool (or SE server) that hosts the CentralMgmt service. */
  pool: string;
  /** Pool holding the standby copy (the CMS pool's partner), when paired. */
  standbyPool: string | null;
}

export interface Federation {
  /** Edge pool that carries Lync / SIP federation, when known. */
  lyncEdge: string | null;
  /** Edge pool that carries XMPP federation, when known. */
  xmppEdge: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the topology or overlay: reported, never thrown. */
export interface TopologyFinding {
  code: string;
  severity: Severity;
  message: string;
  /** Pool, store or service the finding is about. */
  subject: string | null;
  /** Reference page the rule comes from (file name under shared/reference/docs-en). */
  ref: string | null;
}

export type SourceFormat = 'published' | 'tbxml' | 'cms-export';

export interface Owner {
  name: string;
  email: string | null;
}

/** Kinds of backup file the overlay's `backupFiles:` may rename, and the placeholder each name must hold. */
export const BACKUP_FILE_KEYS = { configuration: null, lis: null, userData: '{pool}', rgs: '{pool}', persistentChat: '{server}' } as const;
export type BackupFileKey = keyof typeof BACKUP_FILE_KEYS;

/** The lyncdr.yaml overlay, normalised. Minimum keys: deployment, pairs (DESIGN §4). */
export interface Overlay {
  deployment: string | null;
  pairs: [string, string][];
  language: 'en' | 'fr' | null;
  /** Default owner of backups, and owners per scope key (pool FQDN, store id, `global`). */
  owners: Record<string, Owner>;
  /** Backup destinations per data kind or scope (`filestore`, `sql`, `settings`, pool FQDN…): UNC or path. */
  destinations: Record<string, string>;
  /** Backup schedules per data kind or scope, free text or cron (e.g. `daily 01:00`). */
  schedules: Record<string, string>;
  /** RPO/RTO targets in minutes, global and per pool. */
  targets: {
    rpoMinutes: number | null;
    rtoMinutes: number | null;
    perPool: Record<string, { rpoMinutes?: number; rtoMinutes?: number }>;
  };
  /** Federation routes and Edge next hops, when the topology does not say. */
  federation: Partial<Federation>;
  nextHops: Record<string, string>;
  /**
   * Group Call Pickup orbit ranges (Identity of each Call Park orbit of type GroupPickup) per Front End pool that hosts
   * them; a pool listed with [] has none. Absent pools: unknown (plans print a TBD line).
   */
  groupPickup?: Record<string, string[]>;
  /** Backup file names per kind, overriding lyncdr's defaults (packages/domain inventory/backup-files.ts). */
  backupFiles?: Partial<Record<BackupFileKey, string>>;
  /** Unknown keys, kept for the findings. */
  extra: Record<string, unknown>;
  /** SQL mirroring of back-end instances (its XML encoding is unknown, REFERENCE §f.3): primary → mirror, witness. */
  mirrors?: { primary: SqlInstanceRef; mirror: SqlInstanceRef; witness: SqlInstanceRef | null }[];
  /** `product:`, the version of every pool the overlay does not name in `products:` (per pool FQDN). */
  product?: KnownProduct | null;
  products?: Record<string, KnownProduct>;
  /** `drills:` how often each DR goal must be drilled, in days, per goal name (`failover: 180`). */
  drills?: Record<string, number>;
  /** `backEndHa:` per SQL instance (`server\instance`, case-insensitive), in file order with its key. */
  backEndHa?: { key: string; sql: SqlInstanceRef; type: BackEndHaType }[];
  /** The overlay file, and the line of each key path (`pairs[0][1]`), for error messages. */
  file?: string;
  lines?: Record<string, number>;
}

/** A SQL Server instance: server FQDN and instance name (null for the default instance). */
export interface SqlInstanceRef {
  server: string;
  instance: string | null;
}

/** A document found in an Export-CsConfiguration zip (the topology and the others beside it). */
export interface SourceDocument {
  /** Zip entry name. */
  entry: string;
  /** Root element (or DocItem) local name, null when the entry is not XML. */
  element: string | null;
  namespace: string | null;
  /** DocItem Name attribute, when the document is a DocItem in a DocItemSet. */
  name: string | null;
  /** True for the document the topology was read from. */
  topology: boolean;
}

export interface Topology {
  source: {
    file: string;
    format: SourceFormat;
    sha256: string | null;
    signature: string | null;
    /** CMS export zip only: every document found in the zip. */
    documents?: SourceDocument[];
  };
  deployment: string | null;
  sites: Site[];
  pools: Pool[];
  services: Service[];
  sqlStores: SqlStore[];
  fileStores: FileStore[];
  cms: CentralManagementStore | null;
  /** Backup pool pairs, each once, in [a, b] order with a < b by FQDN. */
  pairs: [string, string][];
  federation: Federation;
  overlay: Overlay | null;
  /** Product version of the deployment (product/product-version.ts); absent means unknown. */
  product?: { version: ProductVersion; source: ProductSource };
  findings: TopologyFinding[];
}
