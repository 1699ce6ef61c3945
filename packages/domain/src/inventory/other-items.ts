import { fileStoreOf, userPools } from '@lyncdr/topology';
import type { InventoryItem } from './model';
import { withOverlay, type InventoryContext } from './context';
import { REF } from './refs';

/**
 * Data outside SQL and the file-store copy that a restore still needs (REFERENCE §a.2): Call Park custom music on hold
 * and Announcement audio (not covered by any DR mechanism, lync-server-2013-backup-prerequisites-for-abc-pool-failover.md),
 * certificates, AD DS and the surrounding infrastructure (lync-server-2013-backup-and-restoration-requirements-data.md).
 */
export function otherItems(ctx: InventoryContext): InventoryItem[] {
  const t = ctx.topology;
  const items: InventoryItem[] = [];
  for (const pool of userPools(t)) {
    const fs = fileStoreOf(t, pool.fqdn);
    const where = fs ? fs.unc : 'the pool\u2019s file store';
    items.push(
      withOverlay(
        ctx,
        {
          id: `other:callpark-moh@${pool.fqdn}`,
          kind: 'other',
          category: 'callpark-moh',
          name: 'Call Park custom music on hold',
          description: `Call Park music-on-hold files of ${pool.fqdn} in ${where}\\…-ApplicationServer-…\\AppServerFiles\\CPS\\`,
          host: fs?.server ?? null,
          scope: 'pool',
          scopeRef: pool.fqdn,
          pools: [pool.fqdn],
          tool: 'Xcopy',
          frequency: { periodHours: 24, text: 'regularly and after every change' },
          afterChange: true,
          restore: 'Xcopy into the CPS folder of the target pool\u2019s file store, then Set-CsCpsConfiguration',
          ref: REF.abcPrerequisites,
          backupService: null,
          notes: ['not covered by any disaster-recovery mechanism'],
        },
        'filestore',
        null,
        null,
      ),
      withOverlay(
        ctx,
        {
          id: `other:announcements@${pool.fqdn}`,
          kind: 'other',
          category: 'announcements',
          name: 'Announcement audio files',
          description: `Announcement (unassigned number) audio files of ${pool.fqdn} in ${where}\\…-ApplicationServer-…\\AppServerFiles\\RGS\\AS`,
          host: fs?.server ?? null,
          scope: 'pool',
          scopeRef: pool.fqdn,
          pools: [pool.fqdn],
          tool: 'Xcopy',
          frequency: { periodHours: 24, text: 'regularly and after every change' },
          afterChange: true,
          restore: 'Import-CsAnnouncementFile and New-CsAnnouncement on the target pool',
          ref: REF.announcements,
          backupService: null,
          notes: ['keep the original audio files too'],
        },
        'filestore',
        null,
        null,
      ),
    );
  }
  const globalItem = (
    id: string,
    category: InventoryItem['category'],
    name: string,
    description: string,
    tool: string,
    frequency: InventoryItem['frequency'],
    restore: string,
  ): InventoryItem =>
    withOverlay(
      ctx,
      { id, kind: 'other', category, name, description, host: null, scope: 'global', scopeRef: 'global', pools: [], tool, frequency, restore, ref: REF.requirementsData, backupService: null, notes: [] },
      'other',
      null,
      null,
    );
  items.push(
    globalItem(
      'other:certificates@global',
      'certificates',
      'Certificates and private keys',
      `Server certificates of ${t.pools.reduce((n, p) => n + p.machines.length, 0)} servers (and the issuing CA)`,
      'Certificate export (exportable keys) or re-enrollment from the CA',
      { periodHours: 720, text: 'after every enrollment or renewal' },
      'import into the computer store, or re-enroll',
    ),
    globalItem(
      'other:ad-ds@global',
      'ad-ds',
      'Active Directory Domain Services',
      'User SIP attributes, Response Group and CAA contact objects, the Central Management store service connection point, RTC groups',
      'AD DS backup, at the same time as the Lync Server backups',
      { periodHours: 24, text: 'daily, at the same time as the Lync Server backups' },
      'AD DS restore; service connection point with Set-CsConfigurationStoreLocation',
    ),
    globalItem(
      'other:infrastructure@global',
      'infrastructure',
      'Infrastructure configuration',
      'DNS records, IP addresses, load balancers, IIS, firewalls, PSTN gateways and Survivable Branch Appliances, Exchange / Unified Messaging',
      'the vendor\u2019s or owner\u2019s procedure',
      { periodHours: 720, text: 'after every change' },
      'the vendor\u2019s or owner\u2019s procedure',
    ),
  );
  return items;
}
