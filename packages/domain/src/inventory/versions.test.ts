import type { FileStore, KnownProduct, SqlStore, Topology } from '@lyncdr/topology';
import { describe, expect, it } from 'vitest';
import { buildInventory } from './build-inventory';
import { createSampleTopology } from './sample-topology';
import { databaseRemovedBy, poolRemovedBy, REMOVED_IN } from './versions';

const RED = 'pool-red.contoso.test';
const DUB = 'pool-dub.contoso.test';
const PCHAT = 'pchat-red.contoso.test';
const MGC = 'sql:mgc@sqlpc-red.contoso.test\\pchat';
const FS_RED = 'filestore:\\\\fs-red.contoso.test\\lyncshare';

/**
 * The sample deployment with Persistent Chat (its pool also uses the Paris file store), each pool's version from
 * `versions` (`*` for the rest; absent: unknown).
 */
function deployment(versions: Record<string, KnownProduct>, edit: (t: Topology) => Topology = (t) => t): Topology {
  const t = createSampleTopology({ persistentChat: true });
  const fileStores: FileStore[] = t.fileStores.map((f) => (f.pools.includes(RED) ? { ...f, pools: [...f.pools, PCHAT] } : f));
  const pools = t.pools.map((p) => {
    const product = versions[p.fqdn] ?? versions['*'];
    return product ? { ...p, product, productSource: 'overlay' as const } : p;
  });
  return edit({ ...t, pools, fileStores });
}

const ids = (t: Topology) => buildInventory(t).items.map((i) => i.id);
const noBackup = (t: Topology) => buildInventory(t).notBackedUp.map((n) => `${n.key}@${n.host}`);

describe('databases per product version', () => {
  it('Lync Server 2013: the Persistent Chat database, its compliance database and pool, and the pool on the file store', () => {
    const t = deployment({ '*': 'lync2013' });
    const inv = buildInventory(t);
    expect(ids(t)).toContain(MGC);
    expect(noBackup(t)).toEqual(expect.arrayContaining(['mgccomp@sqlpc-red.contoso.test\\pchat', `pool-config@${PCHAT}`]));
    expect(inv.items.find((i) => i.id === FS_RED)!.pools).toEqual([RED, PCHAT]);
    expect(inv.findings!.filter((f) => f.code === 'INV_VERSION_LACKS')).toEqual([]);
  });

  it('Skype for Business Server 2015: the same list as Lync Server 2013 (the reference names no difference)', () => {
    expect(ids(deployment({ '*': 'sfb2015' }))).toEqual(ids(deployment({ '*': 'lync2013' })));
    expect(noBackup(deployment({ '*': 'sfb2015' }))).toEqual(noBackup(deployment({ '*': 'lync2013' })));
    expect(REMOVED_IN.sfb2015).toEqual([]);
  });

  it('Skype for Business Server 2019: no Persistent Chat database, compliance database, pool or file-store use; the rest unchanged', () => {
    const t2019 = deployment({ '*': 'sfb2019' });
    const t2013 = deployment({ '*': 'lync2013' });
    const inv = buildInventory(t2019);
    expect(ids(t2013).filter((id) => !ids(t2019).includes(id))).toEqual([MGC]);
    expect(ids(t2019).filter((id) => !ids(t2013).includes(id))).toEqual([]);
    expect(inv.items.some((i) => i.category === 'persistentchat')).toBe(false);
    expect(noBackup(t2013).filter((n) => !noBackup(t2019).includes(n))).toEqual([
      'mgccomp@sqlpc-red.contoso.test\\pchat',
      `pool-config@${PCHAT}`,
    ]);
    expect(inv.items.find((i) => i.id === FS_RED)!.pools).toEqual([RED]);
    expect(inv.items.find((i) => i.id === FS_RED)!.description).not.toContain(PCHAT);
    const lacks = inv.findings!.filter((f) => f.code === 'INV_VERSION_LACKS');
    expect(lacks.map((f) => f.subject)).toEqual(['mgc@sqlpc-red.contoso.test\\pchat', 'mgccomp@sqlpc-red.contoso.test\\pchat']);
    expect(lacks[0]!.message).toContain('Skype for Business Server 2019');
    expect(lacks[0]!.ref).toBe('docs-sfb/SfBServer2019/deprecated.md');
  });

  it('a file store used only by a 2019 Persistent Chat pool is not listed', () => {
    const t = deployment({ '*': 'sfb2019' }, (x) => ({
      ...x,
      fileStores: [...x.fileStores, { id: '1-FileStore-9', server: 'fspc.contoso.test', share: 'pc', unc: '\\\\fspc.contoso.test\\pc', pools: [PCHAT] }],
    }));
    expect(ids(t)).not.toContain('filestore:\\\\fspc.contoso.test\\pc');
    const t2015 = deployment({ '*': 'sfb2015' }, (x) => ({ ...x, fileStores: [...x.fileStores, t.fileStores.at(-1)!] }));
    expect(ids(t2015)).toContain('filestore:\\\\fspc.contoso.test\\pc');
  });

  it('mixed: each item follows the version of the pool it belongs to', () => {
    // 2019 Front End pools next to a Persistent Chat pool left on 2015: Persistent Chat stays.
    const keep = deployment({ [RED]: 'sfb2019', [DUB]: 'sfb2019', [PCHAT]: 'sfb2015' });
    expect(ids(keep)).toContain(MGC);
    expect(noBackup(keep)).toContain(`pool-config@${PCHAT}`);
    expect(buildInventory(keep).items.find((i) => i.id === FS_RED)!.pools).toEqual([RED, PCHAT]);
    // A 2013 pool next to 2019 pools whose Persistent Chat pool is 2019: Persistent Chat goes, the 2013 pool keeps all.
    const drop = deployment({ [RED]: 'sfb2019', [DUB]: 'lync2013', [PCHAT]: 'sfb2019' });
    expect(ids(drop)).not.toContain(MGC);
    expect(ids(drop)).toEqual(expect.arrayContaining([`export:userdata@${DUB}`, `export:rgs@${DUB}`, `export:userdata@${RED}`]));
    // Unknown version: nothing is removed.
    expect(ids(deployment({ [RED]: 'sfb2019', [DUB]: 'sfb2019' }))).toContain(MGC);
  });

  it('a database is removed only when every pool of its store has a version that lacks it', () => {
    const t = deployment({ [RED]: 'sfb2019', [DUB]: 'sfb2015' });
    expect(databaseRemovedBy(t, [RED], 'MGC')?.feature).toBe('Persistent Chat');
    expect(databaseRemovedBy(t, [RED, DUB], 'mgc')).toBeNull();
    expect(databaseRemovedBy(t, [RED, PCHAT], 'mgc')).toBeNull();
    expect(databaseRemovedBy(t, [], 'mgc')).toBeNull();
    expect(databaseRemovedBy(t, [RED], 'rtcxds')).toBeNull();
    expect(poolRemovedBy(t, RED, 'PersistentChat')?.databases).toEqual(['mgc', 'mgccomp']);
    expect(poolRemovedBy(t, RED, 'FrontEnd')).toBeNull();
    expect(poolRemovedBy(t, DUB, 'PersistentChat')).toBeNull();
  });
});

describe('Backup Service coverage per version', () => {
  const pchatLine = (t: Topology) => buildInventory(t).backupService!.doesNotProtect.some((d) => d.what.startsWith('Persistent Chat'));
  const withDeploymentVersion = (t: Topology, version: KnownProduct): Topology => ({ ...t, product: { version, source: 'overlay' } });

  it('names Persistent Chat among what it does not protect, except in a 2019 deployment that keeps none', () => {
    expect(pchatLine(withDeploymentVersion(deployment({ '*': 'lync2013' }), 'lync2013'))).toBe(true);
    expect(pchatLine(withDeploymentVersion(deployment({ '*': 'sfb2015' }), 'sfb2015'))).toBe(true);
    expect(pchatLine(withDeploymentVersion(deployment({ '*': 'sfb2019' }), 'sfb2019'))).toBe(false);
    expect(pchatLine(withDeploymentVersion(deployment({ '*': 'sfb2019', [PCHAT]: 'sfb2015' }), 'sfb2019'))).toBe(true);
  });
});

describe('Response Group replication note per version', () => {
  it('names the version of the pool the export belongs to', () => {
    const inv = buildInventory(deployment({ [RED]: 'sfb2019', [DUB]: 'sfb2015' }));
    const note = (pool: string) => inv.items.find((i) => i.id === `export:rgs@${pool}`)!.notes;
    expect(note(RED)).toEqual([
      'replicated to the paired pool by the Backup Service only from the July 2019 cumulative update, once Set-CsBackupServiceConfiguration -EnableRgsBackupService 1 has been run; keep this export',
    ]);
    expect(note(DUB)).toEqual(['not replicated by the Skype for Business Server 2015 Backup Service']);
    const old = buildInventory(deployment({ [RED]: 'lync2013' }));
    expect(old.items.find((i) => i.id === `export:rgs@${RED}`)!.notes).toEqual(['not replicated by the Lync Server 2013 Backup Service']);
    expect(old.items.find((i) => i.id === `export:rgs@${DUB}`)!.notes).toEqual(['not replicated by the Lync Server 2013 Backup Service']);
  });
});

describe('back-end HA in the inventory', () => {
  const withHa = (t: Topology, kinds: SqlStore['kind'][], haType: SqlStore['haType']): Topology => ({
    ...t,
    sqlStores: t.sqlStores.map((s) => (kinds.includes(s.kind) ? { ...s, haType } : s)),
  });

  it('AlwaysOn: the item names the store server, which is the Availability Group listener, and says so', () => {
    const inv = buildInventory(withHa(deployment({ '*': 'sfb2019' }), ['Archiving'], 'alwayson'));
    const arch = inv.items.find((i) => i.category === 'archiving' && i.sqlInstance === 'sqlarch-red.contoso.test\\arch')!;
    expect(arch.host).toBe('sqlarch-red.contoso.test');
    expect(arch.notes).toContain('AlwaysOn Availability Group: sqlarch-red.contoso.test\\arch is its listener (the SQL Server FQDN of the store in Topology Builder)');
    const plain = buildInventory(deployment({ '*': 'sfb2019' })).items.find((i) => i.id === arch.id)!;
    expect(plain.notes).toEqual([]);
  });

  it('a Persistent Chat database on an AlwaysOn instance is reported (not supported there)', () => {
    const inv = buildInventory(withHa(deployment({ '*': 'sfb2015' }), ['PersistentChat'], 'alwayson'));
    expect(inv.items.map((i) => i.id)).toContain(MGC);
    expect(inv.findings!.filter((f) => f.code === 'INV_PCHAT_ALWAYSON').map((f) => f.ref)).toEqual(['docs-sfb/alwayson-availability-group.md']);
    expect(buildInventory(deployment({ '*': 'sfb2015' })).findings!.some((f) => f.code === 'INV_PCHAT_ALWAYSON')).toBe(false);
  });
});
