import { describe, expect, it } from 'vitest';
import { allText, commands, options, steps, topology } from '../../testing/runbook-helpers';
import { restoreBackEndRunbook } from './back-end';
import { restoreCmsRunbook } from './cms';
import { restoreFileStoreRunbook } from './file-store';
import { restoreMemberRunbook } from './member';
import { restoreMirrorRunbook } from './mirror';
import { restoreMirrorPrimaryRunbook } from './mirror-primary';
import { restoreMonitoringArchivingRunbook } from './monitoring-archiving';
import { restorePersistentChatRunbook } from './persistent-chat';
import { restorePoolRunbook } from './pool';
import { restoreResponseGroupRunbook } from './response-group';
import { restoreStandardEditionRunbook } from './standard-edition';

const ee = topology({ mirrored: true, persistentChat: true, edge: true, director: true });

describe('restore-cms', () => {
  it('re-creates the store, points the location at it, imports the backup and enables the topology, in that order', () => {
    const cmds = commands(restoreCmsRunbook.build(ee, options()));
    const at = (prefix: string): number => cmds.findIndex((c) => c.startsWith(prefix));
    expect(cmds).toContain('Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn sql-red.contoso.test -SqlInstanceName rtc -Verbose');
    expect(cmds).toContain('Set-CsConfigurationStoreLocation -SqlServerFqdn sql-red.contoso.test -SqlInstanceName rtc -MirrorSqlServerFqdn sql-red-m.contoso.test -MirrorSqlInstanceName rtc -Verbose');
    const order = ['Get-CsService -CentralManagement', 'Install-CsDatabase', 'Set-CsConfigurationStoreLocation', 'Import-CsConfiguration', 'Enable-CsTopology', 'Stop-CsWindowsService', 'Import-CsUserData', 'Start-CsWindowsService', 'Import-CsLisConfiguration'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('says when the named pool does not host the store', () => {
    expect(restoreCmsRunbook.applies(ee, options({ pools: ['pool-dub.contoso.test'] }))).toMatch(/Central Management store is on pool-red\.contoso\.test/);
    expect(restoreCmsRunbook.applies({ ...ee, cms: null }, options())).toMatch(/does not say where the Central Management store is/);
  });
});

describe('restore-mirror-primary and restore-mirror', () => {
  it('fails over to the mirror, then removes mirroring on the mirror server (primary lost)', () => {
    const cmds = commands(restoreMirrorPrimaryRunbook.build(ee, options()));
    expect(cmds).toEqual([
      'Invoke-CsDatabaseFailover -PoolFqdn pool-dub.contoso.test -DatabaseType User -NewPrincipal Mirror -Force -Verbose',
      'Invoke-CsDatabaseFailover -PoolFqdn pool-dub.contoso.test -DatabaseType Application -NewPrincipal Mirror -Force -Verbose',
      'Stop-CsWindowsService',
      'Start-CsWindowsService',
      'Uninstall-CsMirrorDatabase -DatabaseType User -SqlServerFqdn sql-dub-m.contoso.test -SqlInstanceName rtc -Verbose',
      'Uninstall-CsMirrorDatabase -DatabaseType Application -SqlServerFqdn sql-dub-m.contoso.test -SqlInstanceName rtc -Verbose',
    ]);
  });

  it('sends the instance that holds the Central Management store to restore-cms', () => {
    expect(restoreMirrorPrimaryRunbook.applies(ee, options({ pools: ['pool-red.contoso.test'] }))).toMatch(/holds the Central Management store.*restore-cms/);
    expect(restoreMirrorRunbook.applies(ee, options({ pools: ['pool-red.contoso.test'] }))).toMatch(/restore-cms/);
    expect(restoreMirrorPrimaryRunbook.applies(ee, options({ pools: ['pool-dub.contoso.test'] }))).toBeNull();
  });

  it('removes mirroring on the primary when the mirror is lost, and notes the erratum', () => {
    const doc = restoreMirrorRunbook.build(ee, options({ pools: ['pool-dub.contoso.test'] }));
    expect(commands(doc)).toEqual([
      'Uninstall-CsMirrorDatabase -DatabaseType User -SqlServerFqdn sql-dub.contoso.test -SqlInstanceName rtc -Verbose',
      'Uninstall-CsMirrorDatabase -DatabaseType Application -SqlServerFqdn sql-dub.contoso.test -SqlInstanceName rtc -Verbose',
    ]);
    expect(doc.blocks.some((b) => b.type === 'paragraph' && b.tone === 'erratum')).toBe(true);
    expect(allText(doc)).toContain('Uninstall -CsMirrorDatabase');
  });

  it('does not apply without a mirrored Back End', () => {
    expect(restoreMirrorRunbook.applies(topology(), options())).toMatch(/no mirrored Back End/);
    expect(restoreMirrorPrimaryRunbook.applies(topology(), options())).toMatch(/no mirrored Back End/);
  });
});

describe('restore-response-group', () => {
  it('imports with -OverwriteOwner and explains the -ReplaceExistingRgsSettings erratum', () => {
    const doc = restoreResponseGroupRunbook.build(ee, options());
    expect(commands(doc)).toContain('Import-CsRgsConfiguration -Destination "service:ApplicationServer:pool-red.contoso.test" -OverwriteOwner -FileName "$Backup\\RgsConfiguration-pool-red.contoso.test.zip"');
    expect(allText(doc)).toMatch(/-ReplaceExistingSettings.*-ReplaceExistingRgsSettings/s);
  });
});

describe('restore-standard-edition, restore-back-end, restore-member, restore-pool', () => {
  const se = topology({ edition: 'se' });

  it('restores a Standard Edition server that does not host the CMS, and sends the CMS one to restore-cms', () => {
    expect(restoreStandardEditionRunbook.applies(ee, options())).toMatch(/no Standard Edition server/);
    expect(restoreStandardEditionRunbook.applies(se, options({ pools: ['se-red.contoso.test'] }))).toMatch(/use the restore-cms runbook/);
    const doc = restoreStandardEditionRunbook.build(se, options());
    expect(doc.meta.subtitle).toBe('se-dub.contoso.test');
    const cmds = commands(doc);
    expect(cmds).toContain('Import-CsUserData -PoolFqdn se-dub.contoso.test -FileName "$Backup\\ExportedUserData-se-dub.contoso.test.zip"');
    expect(cmds.some((c) => c.startsWith('robocopy') && c.endsWith('"\\\\se-dub.contoso.test\\share" /E /R:2 /W:5'))).toBe(true);
  });

  it('restores a Back End with Topology Builder then user data; not for the CMS Back End', () => {
    expect(restoreBackEndRunbook.applies(ee, options({ pools: ['pool-red.contoso.test'] }))).toMatch(/restore-cms/);
    const doc = restoreBackEndRunbook.build(ee, options());
    expect(steps(doc).some((s) => s.title.includes('Topology Builder'))).toBe(true);
    expect(commands(doc)).toContain('Import-CsUserData -PoolFqdn pool-dub.contoso.test -FileName "$Backup\\ExportedUserData-pool-dub.contoso.test.zip"');
  });

  it('rebuilds Edge servers with an exported configuration imported into the local store', () => {
    const doc = restoreMemberRunbook.build(ee, options({ pools: ['edge-red.contoso.test'] }));
    expect(commands(doc)).toEqual(['Export-CsConfiguration -FileName "C:\\EdgeConfiguration.zip"', 'Import-CsConfiguration -FileName "C:\\EdgeConfiguration.zip" -LocalStore', 'Get-CsWindowsService']);
    expect(restoreMemberRunbook.applies(ee, options({ pools: ['sql-red.contoso.test'] }))).toMatch(/not a pool with member servers|none of/);
  });

  it('restores the Back End before the Front Ends, and offers failover for a paired pool', () => {
    const doc = restorePoolRunbook.build(ee, options({ pools: ['pool-dub.contoso.test'] }));
    const titles = steps(doc).map((s) => s.title);
    expect(titles[0]).toMatch(/fail over to pool-red\.contoso\.test, or restore/);
    expect(titles.findIndex((x) => x.startsWith('Restore the Back End first'))).toBeLessThan(titles.findIndex((x) => x.startsWith('Run the Deployment Wizard')));
    expect(commands(doc)).toContain('Get-CsPool -Identity pool-dub.contoso.test');
  });
});

describe('restore-file-store, restore-monitoring-archiving, restore-persistent-chat', () => {
  it('copies the file store back to the same share and resets the ACLs', () => {
    const cmds = commands(restoreFileStoreRunbook.build(ee, options({ pools: ['pool-red.contoso.test'] })));
    expect(cmds).toEqual(['$Backup = "TBD — owner"', 'robocopy "$Backup\\filestore\\fs-red.contoso.test-lyncshare" "\\\\fs-red.contoso.test\\lyncshare" /E /R:2 /W:5', 'Enable-CsTopology']);
  });

  it('restores each Archiving and Monitoring database and checks the RTCComponentUniversalServices user', () => {
    const doc = restoreMonitoringArchivingRunbook.build(ee, options({ pools: ['pool-red.contoso.test'] }));
    const titles = steps(doc).map((s) => s.title).join('\n');
    for (const db of ['LcsLog', 'LcsCDR', 'QoEMetrics']) expect(titles).toContain(`Restore ${db} in SQL Server Management Studio`);
    expect(allText(doc)).toContain('ServerRole');
    expect(commands(doc)).toContain('Test-CsDatabase -DatabaseType Monitoring -SqlServerFqdn sqlarch-red.contoso.test -SqlInstanceName mon');
  });

  it('imports Persistent Chat data into the right SQL instance', () => {
    const cmds = commands(restorePersistentChatRunbook.build(ee, options()));
    expect(cmds).toContain('Import-CsPersistentChatData -DBInstance "sqlpc-red.contoso.test\\pchat" -FileName "$Backup\\PersistentChatData-sqlpc-red.contoso.test.zip"');
    expect(restorePersistentChatRunbook.applies(topology(), options())).toMatch(/no Persistent Chat store/);
  });

  it('writes French with « restauration » for restore', () => {
    const doc = restoreFileStoreRunbook.build(ee, options({ lang: 'fr' }));
    expect(doc.meta.title).toBe('Restauration d’un magasin de fichiers');
    expect(allText(doc)).toContain('Conditions préalables');
  });
});
