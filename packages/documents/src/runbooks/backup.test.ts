import { describe, expect, it } from 'vitest';
import { backupRunbook } from './backup';
import { backupServiceRunbook } from './backup-service';
import { allText, commands, options, steps, topology } from '../testing/runbook-helpers';

describe('backup runbook', () => {
  const t = topology({ persistentChat: true, overlay: { deployment: 'Contoso', destinations: { settings: '\\\\bk01.contoso.test\\lync\\settings', filestore: '\\\\bk01.contoso.test\\lync\\files', sql: '\\\\bk01.contoso.test\\lync\\sql' } } });

  it('exports the CMS, LIS, user data and Response Group configuration of every pool, filled with this deployment', () => {
    const doc = backupRunbook.build(t, options());
    const cmds = commands(doc);
    expect(cmds[0]).toBe('$Backup = "\\\\bk01.contoso.test\\lync\\settings\\2026-03-01"');
    expect(cmds).toContain('Export-CsConfiguration -FileName "$Backup\\Config.zip"');
    expect(cmds).toContain('Export-CsLisConfiguration -FileName "$Backup\\E911Config.zip"');
    for (const pool of ['pool-red.contoso.test', 'pool-dub.contoso.test']) {
      expect(cmds).toContain(`Export-CsUserData -PoolFqdn ${pool} -FileName "$Backup\\ExportedUserData-${pool}.zip"`);
      expect(cmds).toContain(`Export-CsRgsConfiguration -Source "service:ApplicationServer:${pool}" -FileName "$Backup\\RgsConfiguration-${pool}.zip"`);
    }
    expect(cmds).toContain('Export-CsPersistentChatData -DBInstance "sqlpc-red.contoso.test\\pchat" -FileName "$Backup\\PersistentChatData-sqlpc-red.contoso.test.zip"');
  });

  it('copies every file store with robocopy, skipping Meeting.Active, to the overlay destination', () => {
    const cmds = commands(backupRunbook.build(t, options())).filter((c) => c.startsWith('robocopy'));
    expect(cmds).toEqual([
      'robocopy "\\\\fs-red.contoso.test\\lyncshare" "\\\\bk01.contoso.test\\lync\\files\\2026-03-01\\fs-red.contoso.test-lyncshare" /E /XF Meeting.Active /R:2 /W:5',
      'robocopy "\\\\fs-dub.contoso.test\\lyncshare" "\\\\bk01.contoso.test\\lync\\files\\2026-03-01\\fs-dub.contoso.test-lyncshare" /E /XF Meeting.Active /R:2 /W:5',
    ]);
  });

  it('names the SQL databases to back up and those that need none', () => {
    const text = allText(backupRunbook.build(t, options()));
    expect(text).toContain('LcsLog');
    expect(text).toContain('LcsCDR, QoEMetrics');
    expect(text).toMatch(/Not backed up.*rtcab.*rgsdyn.*cpsdyn.*mgccomp/);
  });

  it('prints a TBD blank where the overlay names no backup location', () => {
    const doc = backupRunbook.build(topology(), options());
    expect(commands(doc)[0]).toBe('$Backup = "TBD — owner"');
    expect(commands(doc).filter((c) => c.startsWith('robocopy'))[0]).toContain('"$Backup\\filestore\\fs-red.contoso.test-lyncshare"');
    const fr = backupRunbook.build(topology(), options({ lang: 'fr' }));
    expect(commands(fr)[0]).toBe('$Backup = "À compléter — responsable"');
    expect(fr.meta.title).toBe('Sauvegarder les données et paramètres de Lync Server');
  });

  it('limits the per-pool steps to the pools named with --pool', () => {
    const cmds = commands(backupRunbook.build(t, options({ pools: ['pool-dub.contoso.test'] })));
    expect(cmds.some((c) => c.includes('pool-red'))).toBe(false);
    expect(cmds.some((c) => c.includes('-PoolFqdn pool-dub.contoso.test'))).toBe(true);
    expect(backupRunbook.applies(t, options({ pools: ['sqlpc-red.contoso.test'] }))).toMatch(/no deployment|not a Front End|none of/);
  });

  it('numbers the steps in order and asks for timing boxes on each', () => {
    const s = steps(backupRunbook.build(t, options()));
    expect(s.map((x) => x.n)).toEqual(s.map((_, i) => i + 1));
    expect(s.every((x) => x.timing === true && x.verify !== undefined)).toBe(true);
  });
});

describe('backup-service runbook', () => {
  it('reads the configuration, then checks and syncs both directions of every pair', () => {
    const doc = backupServiceRunbook.build(topology(), options());
    const cmds = commands(doc);
    expect(cmds[0]).toBe('Get-CsBackupServiceConfiguration');
    for (const pool of ['pool-red.contoso.test', 'pool-dub.contoso.test']) {
      expect(cmds).toContain(`Get-CsBackupServiceStatus -PoolFqdn ${pool}`);
      expect(cmds).toContain(`Invoke-CsBackupServiceSync -PoolFqdn ${pool}`);
      expect(cmds).toContain(`Get-CsPoolBackupRelationship -PoolFqdn ${pool}`);
    }
    expect(cmds).toContain('Start-CsWindowsService -Name LYNCBACKUP');
    expect(cmds.some((c) => c.includes('-BackupModule'))).toBe(false);
    expect(allText(doc)).toMatch(/SteadyState or FinalState/);
  });

  it('does not apply to a deployment without pool pairs, and says why', () => {
    expect(backupServiceRunbook.applies(topology({ paired: false }), options())).toMatch(/no pool pair/);
    expect(backupServiceRunbook.applies(topology(), options())).toBeNull();
  });

  it('uses « service de sauvegarde » in French', () => {
    const doc = backupServiceRunbook.build(topology(), options({ lang: 'fr' }));
    expect(doc.meta.title).toBe('Configurer et surveiller le service de sauvegarde');
    expect(allText(doc)).toContain('restauration automatique');
  });
});
