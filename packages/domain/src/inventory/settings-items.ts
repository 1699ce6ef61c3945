import { poolProduct, sqlName, userPools, type Pool, type Topology } from '@lyncdr/topology';
import type { InventoryFinding, InventoryItem } from './model';
import { backEndHost, storeOf, withOverlay, type InventoryContext } from './context';
import { backupFileName } from './backup-files';
import { REF } from './refs';

function cmsLocation(t: Topology): { server: string; instance: string | null; pool: string | null; standby: string | null } | null {
  if (t.cms) return { server: t.cms.sqlServer, instance: t.cms.instance, pool: t.cms.pool, standby: t.cms.standbyPool };
  const store = t.sqlStores.find((s) => s.kind === 'CentralManagement');
  return store ? { server: store.server, instance: store.instance, pool: store.pools[0] ?? null, standby: null } : null;
}

/**
 * Settings: the Central Management store (xds, Export-CsConfiguration), E9-1-1 locations (lis,
 * Export-CsLisConfiguration) and each pool's Response Group configuration (rgsconfig, Export-CsRgsConfiguration
 * -Source "service:ApplicationServer:<pool>"). [lync-server-2013-backing-up-core-data-and-settings.md steps 4–10,
 * lync-server-2013-backup-and-restoration-worksheets.md (Settings worksheet), lync-server-2013-backup-prerequisites-for-abc-pool-failover.md]
 */
export function settingsItems(ctx: InventoryContext): { items: InventoryItem[]; findings: InventoryFinding[] } {
  const t = ctx.topology;
  const findings: InventoryFinding[] = [];
  const cms = cmsLocation(t);
  if (!cms) {
    findings.push({
      code: 'INV_NO_CMS',
      severity: 'warning',
      message: 'the topology does not say where the Central Management store is; Export-CsConfiguration and Export-CsLisConfiguration are still required (find the store with Get-CsService -CentralManagement)',
      subject: null,
      ref: REF.restoreCms,
    });
  }
  const cmsInstance = cms ? sqlName(cms) : null;
  const global = {
    kind: 'settings' as const,
    host: cms?.server ?? null,
    scope: 'global' as const,
    scopeRef: 'global',
    sqlInstance: cmsInstance,
    pools: cms?.pool ? [cms.pool] : [],
  };
  const items: InventoryItem[] = [
    withOverlay(
      ctx,
      {
        ...global,
        id: 'export:configuration@global',
        category: 'configuration',
        name: 'xds',
        database: 'xds',
        description: 'Xds database in the Central Management store: topology, configuration and policies (global)',
        tool: 'Export-CsConfiguration cmdlet',
        frequency: { periodHours: 24, text: 'daily and after every change made with Topology Builder, Control Panel or cmdlets' },
        afterChange: true,
        restore: 'Install-CsDatabase -CentralManagementDatabase -Clean; Set-CsConfigurationStoreLocation; Import-CsConfiguration -FileName <zip>; Enable-CsTopology',
        ref: REF.coreData,
        backupService: cms?.standby
          ? `standby copy of the Central Management store kept in ${cms.standby} by the Backup Service (module CentralMgmt.CMSMaster)`
          : null,
        notes: ['Edge Servers take this file too: Import-CsConfiguration -LocalStore when an Edge Server is restored'],
      },
      'settings',
      backupFileName(t, 'configuration'),
      (path) => `Export-CsConfiguration -FileName "${path}"`,
    ),
    withOverlay(
      ctx,
      {
        ...global,
        id: 'export:lis@global',
        category: 'lis',
        name: 'lis',
        database: 'lis',
        description: 'Lis database in the Central Management store: E9-1-1 location information (global)',
        tool: 'Export-CsLisConfiguration cmdlet',
        frequency: { periodHours: 24, text: 'daily' },
        restore: 'Import-CsLisConfiguration -FileName <file> (merges; deleted records come back), then Publish-CsLisConfiguration',
        ref: REF.coreData,
        backupService: null,
        notes: [
          'not replicated to the backup pool: after a failover, import the latest LIS backup into the backup pool',
          'Export-CsLisConfiguration does not overwrite an existing file; from a remote session use -AsBytes',
        ],
      },
      'settings',
      backupFileName(t, 'lis'),
      (path) => `Export-CsLisConfiguration -FileName "${path}"`,
    ),
  ];
  for (const pool of userPools(t)) {
    const store = storeOf(t, pool.fqdn, ['Application', 'BackEnd']);
    const host = store ? { server: store.server, instance: store.instance } : backEndHost(t, pool);
    items.push(
      withOverlay(
        ctx,
        {
          id: `export:rgs@${pool.fqdn}`,
          kind: 'settings',
          category: 'rgs',
          name: 'rgsconfig',
          database: 'rgsconfig',
          description: `RgsConfig database on the Back End Server: Response Group configuration of ${pool.fqdn} (pool)`,
          host: host?.server ?? null,
          sqlInstance: host ? sqlName(host) : null,
          scope: 'pool',
          scopeRef: pool.fqdn,
          pools: [pool.fqdn],
          tool: 'Export-CsRgsConfiguration cmdlet',
          frequency: { periodHours: 24, text: 'daily and after every Response Group change' },
          afterChange: true,
          restore: `Import-CsRgsConfiguration -Destination "service:ApplicationServer:${pool.fqdn}" -OverwriteOwner -FileName <zip>`,
          ref: REF.coreData,
          backupService: null,
          notes: [rgsReplicationNote(pool)],
        },
        'settings',
        backupFileName(t, 'rgs', pool.fqdn),
        (path) => `Export-CsRgsConfiguration -Source "service:ApplicationServer:${pool.fqdn}" -FileName "${path}"`,
      ),
    );
  }
  return { items, findings };
}

/**
 * Whether the Backup Service replicates the pool's Response Group data: from the Skype for Business Server 2019 July
 * 2019 cumulative update, once switched on (docs-sfb/SfBServer2019/backup-rgs-data.md; -EnableRgsBackupService is
 * "Applicable: Skype for Business Server 2019" only, docs-sfb/cmdlets/Set-CsBackupServiceConfiguration.md); never
 * before (lync-server-2013-backup-prerequisites-for-abc-pool-failover.md).
 */
function rgsReplicationNote(pool: Pool): string {
  switch (poolProduct(pool)) {
    case 'sfb2019':
      return 'replicated to the paired pool by the Backup Service only from the July 2019 cumulative update, once Set-CsBackupServiceConfiguration -EnableRgsBackupService 1 has been run; keep this export';
    case 'sfb2015':
      return 'not replicated by the Skype for Business Server 2015 Backup Service';
    default:
      return 'not replicated by the Lync Server 2013 Backup Service';
  }
}
