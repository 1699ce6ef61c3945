import type { InventoryItem } from './model';
import { withOverlay, type InventoryContext } from './context';
import { REF } from './refs';
import { poolRemovedBy } from './versions';

/**
 * Every Lync Server file store, copied with Robocopy or another file tool to `$Backup\filestore`, skipping files named
 * Meeting.Active (locked during meetings); restored to the identical path and share name, then Enable-CsTopology if
 * Topology Builder was not run. [lync-server-2013-backing-up-file-stores.md, lync-server-2013-restoring-a-file-store.md,
 * lync-server-2013-backup-and-restoration-worksheets.md]
 * A pool of a role its version lacks (versions.ts: a Persistent Chat pool marked Skype for Business Server 2019) is
 * not named, and a file store used only by such pools is not listed.
 */
export function fileStoreItems(ctx: InventoryContext): InventoryItem[] {
  const t = ctx.topology;
  return t.fileStores.flatMap((store) => {
    const pools = store.pools.filter((fqdn) => {
      const pool = t.pools.find((p) => p.fqdn === fqdn);
      return !pool || !poolRemovedBy(t, fqdn, pool.kind);
    });
    if (store.pools.length > 0 && pools.length === 0) return [];
    const fs = { ...store, pools };
    const paired = fs.pools
      .map((p) => t.pools.find((x) => x.fqdn === p))
      .filter((p) => p?.backupPool)
      .map((p) => `${p!.fqdn} → ${p!.backupPool}`);
    return withOverlay(
      ctx,
      {
        id: `filestore:${fs.unc}`,
        kind: 'filestore',
        category: 'filestore',
        name: 'Lync Server File Store',
        description: `File store ${fs.unc} used by ${fs.pools.length ? fs.pools.join(', ') : 'no pool named in the topology'}: meeting content and metadata, meeting compliance logs, device-update files, Response Group / Call Park / Announcement audio`,
        host: fs.server,
        scope: 'store',
        scopeRef: fs.id,
        pools: fs.pools,
        tool: 'Standard backup tool, such as Robocopy',
        frequency: { periodHours: 24, text: 'daily' },
        restore: `copy back to ${fs.unc} (same server, path and share name), share it, then Enable-CsTopology if Topology Builder has not been run`,
        ref: REF.fileStores,
        backupService: paired.length
          ? `conference content replicated by the Backup Service (module ConfServices.DataConf): ${paired.join(', ')}`
          : null,
        notes: ['do not back up files named Meeting.Active (in use and locked during a meeting)'],
      },
      'filestore',
      null,
      null,
    );
  });
}
