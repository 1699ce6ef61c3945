import { sqlName, type SqlStore } from '@lyncdr/topology';
import type { InventoryCategory, InventoryFinding, InventoryItem } from './model';
import { withOverlay, type InventoryContext } from './context';
import { NO_BACKUP_DATABASES, SETTINGS_DATABASES, USER_DATABASES } from './database-names';
import { backupFileName } from './backup-files';
import { REF } from './refs';
import { databaseRemovedBy, PRODUCT_NAMES, productsOfPools, type RemovedFeature } from './versions';

interface SqlRule {
  category: InventoryCategory;
  description: (host: string) => string;
  tool: string;
  restore: string;
  ref: string;
  text: string;
}

/**
 * Databases backed up with SQL Server itself, one row per SQL store
 * [lync-server-2013-backup-and-restoration-worksheets.md, lync-server-2013-backing-up-archiving-and-monitoring-databases.md,
 * lync-server-2013-backing-up-persistent-chat-databases.md]. Restores: lync-server-2013-restoring-monitoring-or-archiving-data.md,
 * lync-server-2013-restoring-persistent-chat-data.md.
 */
const SQL_RULES: Record<string, SqlRule> = {
  lcslog: {
    category: 'archiving',
    description: (h) => `LcsLog (default name) database on the Archiving database server ${h}: IM and meeting content archive`,
    tool: 'SQL Server management tool',
    restore: 'SQL Server Management Studio: Restore Database into LcsLog, then check that RTCComponentUniversalServices has the ServerRole role',
    ref: REF.archivingMonitoring,
    text: 'daily full SQL Server backup (keep as long as regulations require)',
  },
  lcscdr: {
    category: 'monitoring-cdr',
    description: (h) => `LcsCDR database on the Monitoring database server ${h} for call detail records (CDRs)`,
    tool: 'SQL Server management tool',
    restore: 'SQL Server Management Studio: Restore Database into LcsCDR, then check that RTCComponentUniversalServices has the ServerRole role',
    ref: REF.archivingMonitoring,
    text: 'daily full SQL Server backup (keep as long as regulations require)',
  },
  qoemetrics: {
    category: 'monitoring-qoe',
    description: (h) => `QoEMetrics database on the Monitoring database server ${h} for Quality of Experience (QoE) data`,
    tool: 'SQL Server management tool',
    restore: 'SQL Server Management Studio: Restore Database into QoEMetrics, then check that RTCComponentUniversalServices has the ServerRole role',
    ref: REF.archivingMonitoring,
    text: 'daily full SQL Server backup',
  },
  mgc: {
    category: 'persistentchat',
    description: (h) => `Persistent Chat database (mgc) on ${h}: chat rooms, their content, principals and roles`,
    tool: 'SQL Server management tool or Export-CsPersistentChatData cmdlet',
    restore: 'the same method as the backup: SQL Server restore, or Import-CsPersistentChatData -DBInstance <instance> -FileName <file>',
    ref: REF.persistentChat,
    text: 'daily (business-critical data; restores only to the last full backup)',
  },
};

const DEFAULT_DATABASES: Partial<Record<SqlStore['kind'], string[]>> = {
  Archiving: ['LcsLog'],
  Monitoring: ['LcsCDR', 'QoEMetrics'],
  PersistentChat: ['mgc'],
};

const KNOWN = new Set([...NO_BACKUP_DATABASES.keys(), ...SETTINGS_DATABASES, ...USER_DATABASES, ...Object.keys(SQL_RULES)]);

/** SQL-backed databases of every store, plus a finding for each database the reference does not name. */
export function sqlStoreItems(ctx: InventoryContext): { items: InventoryItem[]; findings: InventoryFinding[] } {
  const items: InventoryItem[] = [];
  const findings: InventoryFinding[] = [];
  for (const store of ctx.topology.sqlStores) {
    const databases = store.databases.length > 0 ? store.databases : (DEFAULT_DATABASES[store.kind] ?? []);
    const instance = sqlName(store);
    for (const db of databases) {
      const key = db.toLowerCase();
      const removed = databaseRemovedBy(ctx.topology, store.pools, db);
      if (removed) {
        findings.push(versionLacksFinding(ctx, store, instance, db, removed));
        continue;
      }
      const rule = SQL_RULES[key];
      const base = {
        id: `sql:${db}@${instance}`,
        kind: 'database' as const,
        name: db,
        database: db,
        sqlInstance: instance,
        host: store.server,
        scope: 'store' as const,
        scopeRef: store.id,
        pools: store.pools,
        backupService: null,
      };
      if (rule) {
        const mirror = [...haNotes(store, instance)];
        if (rule.category === 'persistentchat' && store.haType === 'alwayson') findings.push(pchatAlwaysOnFinding(store, instance, db));
        items.push(
          withOverlay(
            ctx,
            {
              ...base,
              category: rule.category,
              description: rule.description(instance),
              tool: rule.tool,
              frequency: { periodHours: 24, text: rule.text },
              restore: rule.restore,
              ref: rule.ref,
              notes: rule.category === 'persistentchat'
                ? ['a SQL Server backup is about 20 times larger than the Export-CsPersistentChatData file', ...mirror]
                : mirror,
            },
            'sql',
            rule.category === 'persistentchat' ? backupFileName(ctx.topology, 'persistentChat', store.server) : null,
            (path) => `Export-CsPersistentChatData -DBInstance "${instance}" -FileName "${path}"`,
          ),
        );
      } else if (!KNOWN.has(key)) {
        findings.push({
          code: 'INV_UNKNOWN_DATABASE',
          severity: 'warning',
          message: `database ${db} on ${instance} (store ${store.id}) is not named by the backup reference; it is listed for a SQL Server backup until someone decides otherwise`,
          subject: `${db}@${instance}`,
          ref: REF.requirementsData,
        });
        items.push(
          withOverlay(
            ctx,
            {
              ...base,
              category: 'sql-other',
              description: `${db} database on ${instance} (not named by the backup reference)`,
              tool: 'SQL Server management tool',
              frequency: { periodHours: 24, text: 'daily full SQL Server backup' },
              restore: `SQL Server Management Studio: Restore Database into ${db}`,
              ref: REF.bestPractices,
              notes: ['confirm whether this database needs a backup'],
            },
            'sql',
            null,
            null,
          ),
        );
      }
    }
  }
  return { items, findings };
}

/**
 * What the store's high availability means for its backup. Mirror: a copy, not a backup. AlwaysOn: the SQL Server FQDN
 * of the store in Topology Builder is the Availability Group listener ("in the SQL Server FQDN box, change the value to
 * the FQDN of the Listener of the AG", docs-sfb/alwayson-availability-group.md), so `instance` already names it.
 */
function haNotes(store: SqlStore, instance: string): string[] {
  const out: string[] = [];
  if (store.mirror) out.push(`mirrored to ${sqlName(store.mirror)}: mirroring is not a backup`);
  if (store.haType === 'alwayson') out.push(`AlwaysOn Availability Group: ${instance} is its listener (the SQL Server FQDN of the store in Topology Builder)`);
  return out;
}

function versionLacksFinding(ctx: InventoryContext, store: SqlStore, instance: string, db: string, removed: RemovedFeature): InventoryFinding {
  const versions = [...new Set(productsOfPools(ctx.topology, store.pools))].map((v) => (v === 'unknown' ? v : PRODUCT_NAMES[v]));
  return {
    code: 'INV_VERSION_LACKS',
    severity: 'warning',
    message: `database ${db} on ${instance} (store ${store.id}) belongs to ${store.pools.join(', ')} (${versions.join(', ')}), which has no ${removed.feature}: it is not listed; if the store is real, correct product:/products: in lyncdr.yaml`,
    subject: `${db}@${instance}`,
    ref: removed.ref,
  };
}

/** "Using an AG with a Persistent Chat Server role is not supported" (docs-sfb/alwayson-availability-group.md). */
function pchatAlwaysOnFinding(store: SqlStore, instance: string, db: string): InventoryFinding {
  return {
    code: 'INV_PCHAT_ALWAYSON',
    severity: 'warning',
    message: `Persistent Chat database ${db} on ${instance} (store ${store.id}) is on an AlwaysOn Availability Group, which Persistent Chat does not support: keep its databases out of the group`,
    subject: `${db}@${instance}`,
    ref: 'docs-sfb/alwayson-availability-group.md',
  };
}
