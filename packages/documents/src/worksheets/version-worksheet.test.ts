import { describe, expect, it } from 'vitest';
import { buildInventory, createSampleTopology } from '@lyncdr/domain';
import type { KnownProduct, Topology } from '@lyncdr/topology';
import type { Block, Document, TableBlock, TableCell, Text } from '../model';
import type { WorksheetOptions } from './options';
import { buildWorksheet } from './build-worksheet';

const NOW = '2026-11-22T20:00:00.000Z';
const en: WorksheetOptions = { lang: 'en', now: NOW, inputRevision: 'r1' };
const fr: WorksheetOptions = { lang: 'fr', now: NOW, inputRevision: 'r1' };
const RED = 'pool-red.contoso.test';
const DUB = 'pool-dub.contoso.test';
const PCHAT = 'pchat-red.contoso.test';

function textOf(t: Text | TableCell | undefined): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map((x) => textOf(x)).join('');
  if ('blank' in t) return `[${t.hint ?? ''}]`;
  if ('checkbox' in t) return '[ ]';
  return t.text;
}
const tables = (d: Document) => d.blocks.filter((b): b is TableBlock => b.type === 'table');
const lists = (d: Document) => d.blocks.flatMap((b: Block) => (b.type === 'list' ? b.items.map(textOf) : []));
const sections = (d: Document) =>
  d.blocks.filter((b) => b.type === 'keyvalue').map((b) => textOf((b as { pairs: [string, Text][] }).pairs[1]?.[1]).split(' ')[0]);

/** The sample deployment with Persistent Chat, each pool's version from `versions` (`*` for the rest). */
function deployment(versions: Record<string, KnownProduct>): Topology {
  const t = createSampleTopology({ persistentChat: true });
  const pools = t.pools.map((p) => {
    const product = versions[p.fqdn] ?? versions['*'];
    return product ? { ...p, product, productSource: 'overlay' as const } : p;
  });
  const all = new Set(pools.map((p) => p.product));
  const version = all.size === 1 && pools[0]!.product ? pools[0]!.product : 'unknown';
  return { ...t, pools, product: { version, source: version === 'unknown' ? 'unknown' : 'overlay' } };
}

const worksheet = (kind: 'database' | 'settings' | 'restore' | 'filestore', t: Topology, o = en) => buildWorksheet(kind, t, buildInventory(t), o);
const labels = (d: Document, n = 0) => tables(d)[n]!.rows.map((r) => textOf(r[0]));
const rgsNote = (d: Document, pool: string) => textOf(tables(d)[0]!.rows.find((r) => textOf(r[0]).endsWith(pool))![6]);

describe('worksheets per product version', () => {
  it('Lync Server 2013: Persistent Chat rows, its compliance database, restore scenario c.10 and the 2013 Response Group note', () => {
    const t = deployment({ '*': 'lync2013' });
    expect(labels(worksheet('database', t)).filter((l) => l.startsWith('Persistent Chat Database'))).toHaveLength(1);
    expect(labels(worksheet('database', t), 1)).toContain('mgccomp');
    expect(sections(worksheet('restore', t))).toContain('c.10');
    const settings = worksheet('settings', t);
    expect(rgsNote(settings, RED)).toContain('Not replicated by the Lync Server 2013 Backup Service.');
    expect(lists(settings)).toContain('Persistent Chat (its own disaster-recovery design)');
  });

  it('Skype for Business Server 2015: the same rows as Lync Server 2013, the Response Group note names 2015', () => {
    const t = deployment({ '*': 'sfb2015' });
    expect(labels(worksheet('database', t))).toEqual(labels(worksheet('database', deployment({ '*': 'lync2013' }))));
    expect(labels(worksheet('database', t), 1)).toContain('mgccomp');
    expect(sections(worksheet('restore', t))).toContain('c.10');
    expect(rgsNote(worksheet('settings', t), RED)).toContain('Not replicated by the Skype for Business Server 2015 Backup Service.');
  });

  it('Skype for Business Server 2019: no Persistent Chat row, compliance database, restore scenario or coverage line', () => {
    const t = deployment({ '*': 'sfb2019' });
    const db = worksheet('database', t);
    expect(labels(db).some((l) => l.startsWith('Persistent Chat'))).toBe(false);
    expect(labels(db)).toHaveLength(8);
    expect(labels(db, 1)).not.toContain('mgccomp');
    const restore = worksheet('restore', t);
    expect(sections(restore)).not.toContain('c.10');
    expect(JSON.stringify(restore.blocks)).not.toContain(PCHAT);
    expect(JSON.stringify(restore.blocks)).not.toContain('Import-CsPersistentChatData');
    const settings = worksheet('settings', t);
    expect(lists(settings).some((l) => l.startsWith('Persistent Chat'))).toBe(false);
    expect(rgsNote(settings, RED)).toContain('only from the July 2019 cumulative update, once Set-CsBackupServiceConfiguration -EnableRgsBackupService 1 has been run');
    expect(JSON.stringify(worksheet('filestore', t).blocks)).not.toContain(PCHAT);
    expect(rgsNote(worksheet('settings', t, fr), RED)).toContain('à partir de la mise à jour cumulative de juillet 2019');
  });

  it('mixed: each row follows its own pool', () => {
    // 2019 Front End pools with a Persistent Chat pool left on 2015: Persistent Chat stays everywhere.
    const keep = deployment({ [RED]: 'sfb2019', [DUB]: 'sfb2019', [PCHAT]: 'sfb2015' });
    expect(labels(worksheet('database', keep)).filter((l) => l.startsWith('Persistent Chat Database'))).toHaveLength(1);
    expect(sections(worksheet('restore', keep))).toContain('c.10');
    expect(lists(worksheet('settings', keep))).toContain('Persistent Chat (its own disaster-recovery design)');
    // One 2019 pool, one 2013 pool: the Response Group note of each pool is its version's.
    const split = deployment({ [RED]: 'sfb2019', [DUB]: 'lync2013', [PCHAT]: 'sfb2019' });
    const settings = worksheet('settings', split);
    expect(rgsNote(settings, RED)).toContain('July 2019 cumulative update');
    expect(rgsNote(settings, DUB)).toContain('Lync Server 2013 Backup Service');
    expect(labels(worksheet('database', split)).some((l) => l.startsWith('Persistent Chat'))).toBe(false);
    expect(sections(worksheet('restore', split))).not.toContain('c.10');
  });
});

describe('product version in the worksheet header', () => {
  const header = (d: Document) => (d.blocks.find((b) => b.type === 'keyvalue') as { pairs: [string, Text][] }).pairs.map(([k, v]) => `${k}: ${textOf(v)}`);

  it('names the versions of the pools, oldest first, and nothing when none is known', () => {
    expect(header(worksheet('database', deployment({ '*': 'sfb2019' })))).toContain('Product version: Skype for Business Server 2019');
    expect(header(worksheet('database', deployment({ [RED]: 'sfb2019', [DUB]: 'lync2013' })))).toContain('Product version: Lync Server 2013, Skype for Business Server 2019');
    expect(header(worksheet('database', deployment({ '*': 'sfb2015' }), fr))).toContain('Version du produit: Skype Entreprise Server 2015');
    expect(header(worksheet('database', createSampleTopology())).some((l) => l.startsWith('Product version'))).toBe(false);
  });
});

describe('AlwaysOn back ends in the worksheets', () => {
  const onAg = (t: Topology): Topology => ({ ...t, sqlStores: t.sqlStores.map((st) => (st.kind === 'BackEnd' && st.pools.includes(RED) ? { ...st, haType: 'alwayson' } : st)) });
  const userRow = (d: Document, pool: string) => tables(d)[0]!.rows.find((r) => textOf(r[0]).endsWith(pool))!;

  it('says that the server of an item on an AlwaysOn store is the Availability Group listener, in both languages', () => {
    const t = onAg(deployment({ '*': 'sfb2019' }));
    const row = userRow(worksheet('database', t), RED);
    expect(textOf(row[1])).toBe('sql-red.contoso.test\\rtc');
    expect(textOf(row[6])).toContain('sql-red.contoso.test\\rtc is the listener of an AlwaysOn Availability Group');
    expect(textOf(userRow(worksheet('database', t), DUB)[6])).not.toContain('AlwaysOn');
    expect(textOf(userRow(worksheet('database', t, fr), RED)[6])).toContain('est l’écouteur d’un groupe de disponibilité AlwaysOn');
    expect(textOf(userRow(worksheet('database', deployment({ '*': 'sfb2019' })), RED)[6])).not.toContain('AlwaysOn');
  });

  it('restores an AlwaysOn back end by rebuilding the replicas and the listener, then updating each replica', () => {
    const onAllAg = (t: Topology): Topology => ({ ...t, sqlStores: t.sqlStores.map((st) => (['BackEnd', 'Application', 'CentralManagement'].includes(st.kind) ? { ...st, haType: 'alwayson' } : st)) });
    const d = worksheet('restore', onAllAg(deployment({ '*': 'sfb2019' })));
    const text = JSON.stringify(d.blocks);
    expect(text).toContain('Enterprise Edition Back End Server sql-dub.contoso.test (AlwaysOn Availability Group listener, every replica lost)');
    expect(text).toContain('sql-dub.contoso.test is the listener of an AlwaysOn Availability Group, not a server');
    expect(text).toContain('sql-red.contoso.test is the listener of an AlwaysOn Availability Group, not a server');
    expect(text).not.toContain('Start with a new server with the same FQDN as sql-dub.contoso.test');
    expect(text).not.toContain('Start with a new server with the same FQDN as sql-red.contoso.test');
    expect(text.match(/Install-CsDatabase -Update/g)).toHaveLength(2);
    expect(text).toContain('(not ReportServer or ReportServerTempDB)');
    const withPchat = JSON.stringify(worksheet('restore', onAllAg(deployment({ '*': 'sfb2015' }))).blocks);
    expect(withPchat).toContain('(not ReportServer, ReportServerTempDB or Persistent Chat databases)');
    const plain = JSON.stringify(worksheet('restore', deployment({ '*': 'sfb2019' })).blocks);
    expect(plain).toContain('Enterprise Edition Back End Server sql-dub.contoso.test (not mirrored)');
    expect(plain).toContain('Start with a new server with the same FQDN as sql-dub.contoso.test');
    expect(plain).not.toContain('Install-CsDatabase -Update');
    const french = JSON.stringify(worksheet('restore', onAllAg(deployment({ '*': 'sfb2019' })), fr).blocks);
    expect(french).toContain('écouteur d’un groupe de disponibilité AlwaysOn, tous les réplicas perdus');
  });
});
