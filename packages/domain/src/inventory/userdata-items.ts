import { sqlName, userPools } from '@lyncdr/topology';
import type { InventoryItem } from './model';
import { backEndHost, withOverlay, type InventoryContext } from './context';
import { backupFileName } from './backup-files';
import { REF } from './refs';

/**
 * User data (rtcxds) of every Front End pool and Standard Edition server: Export-CsUserData -PoolFqdn … -FileName …,
 * restored with Import-CsUserData while the Front End services are stopped.
 * [lync-server-2013-backing-up-core-data-and-settings.md step 8, lync-server-2013-backup-and-restoration-worksheets.md]
 */
export function userDataItems(ctx: InventoryContext): InventoryItem[] {
  return userPools(ctx.topology).map((pool) => {
    const be = backEndHost(ctx.topology, pool);
    const file = backupFileName(ctx.topology, 'userData', pool.fqdn);
    return withOverlay(
      ctx,
      {
        id: `export:userdata@${pool.fqdn}`,
        kind: 'database',
        category: 'userdata',
        name: 'rtcxds',
        database: 'rtcxds',
        sqlInstance: be ? sqlName(be) : null,
        description: `Rtc database on the Back End Server for user data (contact lists, permissions, scheduled conferences) of ${pool.fqdn}`,
        host: be?.server ?? null,
        scope: 'pool',
        scopeRef: pool.fqdn,
        pools: [pool.fqdn],
        tool: 'Export-CsUserData cmdlet',
        frequency: { periodHours: 24, text: 'daily (full backup every 24 hours)' },
        restore: `Stop-CsWindowsService; Import-CsUserData -PoolFqdn ${pool.fqdn} -FileName <zip>; Start-CsWindowsService`,
        ref: REF.coreData,
        backupService: pool.backupPool
          ? `user data replicated to ${pool.backupPool} by the Backup Service (module UserServices.PresenceFocus)`
          : null,
        notes: [],
      },
      ['database', 'sql'],
      file,
      (path) => `Export-CsUserData -PoolFqdn ${pool.fqdn} -FileName "${path}"`,
    );
  });
}
