import { describe, expect, it } from 'vitest';
import { buildInventory } from './build-inventory';
import { createSampleTopology } from './sample-topology';

const ids = (inv: ReturnType<typeof buildInventory>) => inv.items.map((i) => i.id);

describe('buildInventory', () => {
  it('lists user data, settings, SQL stores and file stores of a paired Enterprise Edition deployment', () => {
    const inv = buildInventory(createSampleTopology({ edition: 'ee', sites: 2 }));
    expect(ids(inv)).toEqual(
      expect.arrayContaining([
        'export:userdata@pool-red.contoso.test',
        'export:userdata@pool-dub.contoso.test',
        'export:configuration@global',
        'export:lis@global',
        'export:rgs@pool-red.contoso.test',
        'export:rgs@pool-dub.contoso.test',
        'sql:LcsLog@sqlarch-red.contoso.test\\arch',
        'sql:LcsCDR@sqlarch-dub.contoso.test\\mon',
        'sql:QoEMetrics@sqlarch-red.contoso.test\\mon',
        'filestore:\\\\fs-red.contoso.test\\lyncshare',
        'filestore:\\\\fs-dub.contoso.test\\lyncshare',
        'other:callpark-moh@pool-red.contoso.test',
        'other:announcements@pool-dub.contoso.test',
        'other:ad-ds@global',
        'other:certificates@global',
      ]),
    );
    const user = inv.items.find((i) => i.id === 'export:userdata@pool-red.contoso.test')!;
    expect(user.command).toBe('Export-CsUserData -PoolFqdn pool-red.contoso.test -FileName "$Backup\\ExportedUserData-pool-red.contoso.test.zip"');
    expect(user.host).toBe('sql-red.contoso.test');
    expect(user.sqlInstance).toBe('sql-red.contoso.test\\rtc');
    expect(user.backupService).toContain('pool-dub.contoso.test');
    const rgs = inv.items.find((i) => i.id === 'export:rgs@pool-dub.contoso.test')!;
    expect(rgs.command).toBe('Export-CsRgsConfiguration -Source "service:ApplicationServer:pool-dub.contoso.test" -FileName "$Backup\\RgsConfiguration-pool-dub.contoso.test.zip"');
    const cms = inv.items.find((i) => i.id === 'export:configuration@global')!;
    expect(cms.command).toBe('Export-CsConfiguration -FileName "$Backup\\Config.zip"');
    expect(cms.host).toBe('sql-red.contoso.test');
    expect(cms.backupService).toContain('pool-dub.contoso.test');
    expect(inv.items.find((i) => i.id === 'export:lis@global')!.command).toBe('Export-CsLisConfiguration -FileName "$Backup\\E911Config.zip"');
    expect(inv.items.find((i) => i.kind === 'filestore')!.notes!.join(' ')).toContain('Meeting.Active');
    expect(inv.findings!.filter((f) => f.code === 'INV_UNPAIRED_POOL')).toEqual([]);
  });

  it('lists the databases that need no backup with their reason, per store', () => {
    const inv = buildInventory(createSampleTopology({ persistentChat: true }));
    const names = inv.notBackedUp.map((n) => `${n.name}@${n.host}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'Rtcdyn@null',
        'rtcab@sql-red.contoso.test\\rtc',
        'rgsdyn@sql-dub.contoso.test\\rtc',
        'cpsdyn@sql-red.contoso.test\\rtc',
        'mgccomp@sqlpc-red.contoso.test\\pchat',
        'rtcshared@sql-red.contoso.test\\rtc',
      ]),
    );
    expect(inv.notBackedUp.find((n) => n.key === 'rtcab')!.reason).toMatch(/Active Directory/);
    expect(ids(inv)).not.toContain('sql:rtcab@sql-red.contoso.test\\rtc');
  });

  it('adds Persistent Chat with its export command only when the store exists', () => {
    const without = buildInventory(createSampleTopology({ persistentChat: false }));
    expect(without.items.some((i) => i.category === 'persistentchat')).toBe(false);
    const inv = buildInventory(createSampleTopology({ persistentChat: true }));
    const pc = inv.items.find((i) => i.category === 'persistentchat')!;
    expect(pc.id).toBe('sql:mgc@sqlpc-red.contoso.test\\pchat');
    expect(pc.command).toBe('Export-CsPersistentChatData -DBInstance "sqlpc-red.contoso.test\\pchat" -FileName "$Backup\\PersistentChatData-sqlpc-red.contoso.test.zip"');
    expect(pc.tool).toBe('SQL Server management tool or Export-CsPersistentChatData cmdlet');
    expect(inv.notBackedUp.some((n) => n.host === 'pchat-red.contoso.test' && n.key === 'pool-config')).toBe(true);
  });

  it('leaves Archiving and Monitoring out when the topology has no such store', () => {
    const inv = buildInventory(createSampleTopology({ archiving: false, monitoring: false }));
    expect(inv.items.filter((i) => i.id.startsWith('sql:'))).toEqual([]);
  });

  it('handles a Standard Edition pair: user data on the SE server itself', () => {
    const inv = buildInventory(createSampleTopology({ edition: 'se', archiving: false, monitoring: false }));
    const user = inv.items.filter((i) => i.category === 'userdata');
    expect(user.map((u) => u.host)).toEqual(['se-red.contoso.test', 'se-dub.contoso.test']);
    expect(user[0]!.command).toContain('-PoolFqdn se-red.contoso.test');
    expect(inv.items.find((i) => i.kind === 'filestore')!.host).toBe('se-red.contoso.test');
  });

  it('reports unpaired pools and a missing CMS as findings, still listing the global exports', () => {
    const t = createSampleTopology({ sites: 1, paired: false, cms: false });
    const inv = buildInventory(t);
    expect(inv.findings!.map((f) => f.code)).toEqual(expect.arrayContaining(['INV_UNPAIRED_POOL', 'INV_NO_CMS']));
    const cms = inv.items.find((i) => i.id === 'export:configuration@global')!;
    expect(cms.host).toBeNull();
    expect(cms.command).toContain('Export-CsConfiguration');
    expect(inv.items.find((i) => i.category === 'userdata')!.backupService).toBeNull();
    expect(inv.backupService!.replicates).toEqual([]);
    expect(inv.backupService!.doesNotProtect.map((d) => d.what).join(' ')).toMatch(/E9-1-1/);
  });

  it('uses the overlay: destination in the command, schedule and owner by the most specific key', () => {
    const t = createSampleTopology({
      overlay: {
        deployment: 'Contoso DR',
        destinations: { default: '\\\\backup01\\lync', 'pool-dub.contoso.test': '\\\\backup02\\dub\\' },
        schedules: { sql: 'daily 01:00', 'export:configuration@global': 'daily 02:00 and after changes' },
        owners: { default: { name: 'Lync team', email: 'lync@contoso.test' }, filestore: { name: 'File team', email: null } },
      },
    });
    const inv = buildInventory(t);
    expect(inv.deployment).toBe('Contoso DR');
    const byId = (id: string) => inv.items.find((i) => i.id === id)!;
    expect(byId('export:userdata@pool-red.contoso.test').command).toBe('Export-CsUserData -PoolFqdn pool-red.contoso.test -FileName "\\\\backup01\\lync\\ExportedUserData-pool-red.contoso.test.zip"');
    expect(byId('export:userdata@pool-dub.contoso.test').command).toContain('-FileName "\\\\backup02\\dub\\ExportedUserData-pool-dub.contoso.test.zip"');
    expect(byId('export:configuration@global').schedule).toBe('daily 02:00 and after changes');
    expect(byId('sql:LcsLog@sqlarch-red.contoso.test\\arch').schedule).toBe('daily 01:00');
    expect(byId('export:lis@global').schedule).toBeNull();
    expect(byId('filestore:\\\\fs-red.contoso.test\\lyncshare').owner).toBe('File team');
    expect(byId('export:lis@global').owner).toBe('Lync team <lync@contoso.test>');
    expect(inv.findings!.some((f) => f.code === 'INV_NO_DESTINATION')).toBe(false);
  });

  it('flags a database the reference does not name and still lists it', () => {
    const t = createSampleTopology();
    t.sqlStores.push({ id: '1-OtherStore-1', kind: 'Other', server: 'sqlx.contoso.test', instance: null, databases: ['custom'], pools: [], mirror: null, witness: null });
    const inv = buildInventory(t);
    expect(inv.findings!.find((f) => f.code === 'INV_UNKNOWN_DATABASE')!.message).toContain('custom');
    expect(ids(inv)).toContain('sql:custom@sqlx.contoso.test');
  });

  it('gives every item a unique id, a reference page and a positive period', () => {
    const inv = buildInventory(createSampleTopology({ sites: 6, persistentChat: true, edge: true, director: true, mirrored: true }));
    expect(new Set(ids(inv)).size).toBe(inv.items.length);
    for (const i of inv.items) {
      expect(i.ref).toMatch(/\.md$/);
      expect(i.frequency.periodHours).toBeGreaterThan(0);
    }
    expect(inv.items.find((i) => i.category === 'archiving')).toBeDefined();
  });

  it('still lists the global items for a topology with no pools or stores', () => {
    const t = createSampleTopology({ sites: 1 });
    const empty = { ...t, pools: [], sqlStores: [], fileStores: [], cms: null, pairs: [] };
    const inv = buildInventory(empty);
    expect(ids(inv)).toEqual(['export:configuration@global', 'export:lis@global', 'other:certificates@global', 'other:ad-ds@global', 'other:infrastructure@global']);
    expect(inv.notBackedUp.map((n) => n.key)).toEqual(['rtcdyn']);
  });
});
