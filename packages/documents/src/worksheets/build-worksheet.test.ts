import { describe, expect, it } from 'vitest';
import { buildInventory, createSampleTopology } from '@lyncdr/domain';
import type { StatusSnapshot } from '@lyncdr/protocol';
import type { Block, Document, TableBlock, TableCell, Text } from '../model';
import { buildWorksheet } from './build-worksheet';
import { parseStatusSnapshot, statusWarnings } from './status';

const NOW = '2026-11-22T20:00:00.000Z';
const opts = { lang: 'en' as const, now: NOW, inputRevision: 'abc123def456' };

function textOf(t: Text | TableCell | undefined): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map((x) => textOf(x)).join('');
  if ('blank' in t) return `[${t.hint ?? ''}]`;
  if ('checkbox' in t) return '[ ]';
  return t.text;
}
/** The worksheet's own tables (the readiness table a status snapshot adds on the first page is tested beside it). */
const tables = (d: Document) => d.blocks.filter((b): b is TableBlock => b.type === 'table' && b.columns[0]?.header !== 'Goal');
const allText = (d: Document) =>
  d.blocks
    .map((b: Block) => {
      if (b.type === 'table') return [b.columns.map((c) => c.header).join('|'), ...b.rows.map((r) => r.map(textOf).join('|'))].join('\n');
      if (b.type === 'heading') return b.text;
      if (b.type === 'paragraph') return textOf(b.text);
      if (b.type === 'keyvalue') return b.pairs.map(([k, v]) => `${k}: ${textOf(v)}`).join('\n');
      if (b.type === 'list') return b.items.map(textOf).join('\n');
      if (b.type === 'checklist') return b.items.map((i) => textOf(i.text)).join('\n');
      if (b.type === 'signature') return b.roles.join(' ');
      return '';
    })
    .join('\n');

describe('database worksheet', () => {
  const t = createSampleTopology({ persistentChat: true });
  const inv = buildInventory(t);
  const doc = buildWorksheet('database', t, inv, opts);

  it('has the seven columns of the Microsoft worksheet and one row per pool and per SQL store', () => {
    const [main, none] = tables(doc);
    expect(main!.columns.map((c) => c.header)).toEqual(['Database', 'Server name (FQDN)', 'Backup schedule', 'Database backup tool', 'Backup set', 'Backup destination', 'Notes']);
    const labels = main!.rows.map((r) => textOf(r[0]));
    expect(labels.filter((l) => l.startsWith('Rtc database on Back End Server for user data'))).toEqual([
      'Rtc database on Back End Server for user data — pool-red.contoso.test',
      'Rtc database on Back End Server for user data — pool-dub.contoso.test',
    ]);
    expect(labels.filter((l) => l.startsWith('LcsLog'))).toHaveLength(2);
    expect(labels.filter((l) => l.startsWith('LcsCdr'))).toHaveLength(2);
    expect(labels.filter((l) => l.startsWith('QoEMetrics'))).toHaveLength(2);
    expect(labels.filter((l) => l.startsWith('Persistent Chat Database'))).toHaveLength(1);
    expect(main!.rows).toHaveLength(9);
    for (const r of main!.rows) expect(r).toHaveLength(7);
    expect(none!.rows.map((r) => textOf(r[0]))).toEqual(expect.arrayContaining(['Rtcdyn', 'rtcab', 'rgsdyn', 'cpsdyn', 'mgccomp']));
  });

  it('pre-fills what is known and leaves ruled blanks for the rest', () => {
    const row = tables(doc)[0]!.rows[0]!;
    expect(textOf(row[1])).toBe('sql-red.contoso.test\\rtc');
    expect(textOf(row[2])).toBe('Suggested: daily (every 24 hours)');
    expect(textOf(row[3])).toBe('Export-CsUserData cmdlet: Export-CsUserData -PoolFqdn pool-red.contoso.test -FileName "$Backup\\ExportedUserData-pool-red.contoso.test.zip"');
    expect(textOf(row[4])).toMatch(/^Name: \u00a0+ Expiration: \u00a0+$/);
    expect(row[5]).toEqual({ blank: true, hint: 'TBD — owner' });
    expect(textOf(row[6])).toContain('User data replicated to pool-dub.contoso.test');
    expect(textOf(row[6])).toContain('Owner: TBD — owner');
    const text = allText(doc);
    expect(text).toContain('Deployment: Contoso');
    expect(text).toContain('Generated: 2026-11-22 20:00 UTC');
    expect(text).toContain('Input revision: abc123def456');
    expect(doc.blocks.some((b) => b.type === 'signature')).toBe(true);
    expect(doc.meta.orientation).toBe('landscape');
  });

  it('uses the overlay destination, schedule and owner', () => {
    const t2 = createSampleTopology({ overlay: { deployment: 'Fabrikam', destinations: { sql: '\\\\bk\\sql', default: '\\\\bk\\lync' }, schedules: { userdata: 'nightly 23:00' }, owners: { default: { name: 'Ops', email: null } } } });
    const d = buildWorksheet('database', t2, buildInventory(t2), opts);
    const rows = tables(d)[0]!.rows;
    expect(textOf(rows[0]![2])).toBe('nightly 23:00');
    expect(textOf(rows[0]![5])).toBe('\\\\bk\\sql');
    const settings = tables(buildWorksheet('settings', t2, buildInventory(t2), opts))[0]!.rows;
    expect(textOf(settings[0]![5])).toBe('\\\\bk\\lync');
    expect(textOf(rows.find((r) => textOf(r[0]).startsWith('LcsLog'))![5])).toBe('\\\\bk\\sql');
    expect(textOf(rows[0]![6])).toContain('Owner: Ops');
    expect(d.meta.deployment).toBe('Fabrikam');
  });
});

describe('file store and settings worksheets', () => {
  const t = createSampleTopology();
  const inv = buildInventory(t);

  it('lists every file store with its share and the Meeting.Active exclusion', () => {
    const d = buildWorksheet('filestore', t, inv, opts);
    const main = tables(d)[0]!;
    expect(main.columns.map((c) => c.header)[4]).toBe('File share to be backed up');
    const fs = main.rows.filter((r) => textOf(r[0]) === 'Lync Server File Store');
    expect(fs.map((r) => textOf(r[4]))).toEqual(['\\\\fs-red.contoso.test\\lyncshare', '\\\\fs-dub.contoso.test\\lyncshare']);
    expect(textOf(fs[0]![6])).toContain('Meeting.Active');
    expect(main.rows.some((r) => textOf(r[4]).endsWith('AppServerFiles\\CPS\\'))).toBe(true);
  });

  it('has the settings rows (global CMS and LIS, RgsConfig per pool) with the file name', () => {
    const d = buildWorksheet('settings', t, inv, opts);
    const main = tables(d)[0]!;
    expect(main.columns.map((c) => c.header)).toEqual(['Database', 'Server name (FQDN)', 'Backup schedule', 'Backup tool', 'Configuration file name', 'Backup location', 'Notes']);
    expect(main.rows).toHaveLength(4);
    expect(textOf(main.rows[0]![4])).toBe('Config.zip');
    expect(textOf(main.rows[2]![3])).toContain('Export-CsRgsConfiguration -Source "service:ApplicationServer:pool-red.contoso.test"');
    const text = allText(d);
    expect(text).toContain('What the Backup Service protects');
    expect(text).toContain('Location Information Service (E9-1-1) data');
    expect(text).toContain('pool-dub.contoso.test ⇄ pool-red.contoso.test');
  });
});

describe('restoration worksheet', () => {
  it('gives each applicable scenario ordered steps with this deployment’s FQDNs, a checkbox and timing cells', () => {
    const t = createSampleTopology({ mirrored: true, persistentChat: true, edge: true });
    const d = buildWorksheet('restore', t, buildInventory(t), opts);
    const text = allText(d);
    expect(text).toContain('Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn sql-red.contoso.test -SqlInstanceName rtc -Verbose');
    expect(text).toContain('Set-CsConfigurationStoreLocation -SqlServerFqdn sql-red.contoso.test -SqlInstanceName rtc -Verbose');
    expect(text).toContain('Import-CsConfiguration -FileName "$Backup\\Config.zip"');
    // The user data zip is copied to a local folder and imported from there: one path in both steps.
    expect(text).toContain('Copy $Backup\\ExportedUserData-pool-dub.contoso.test.zip to C:\\Logs\\ExportedUserData-pool-dub.contoso.test.zip');
    expect(text).toContain('Import-CsUserData -PoolFqdn pool-dub.contoso.test -FileName "C:\\Logs\\ExportedUserData-pool-dub.contoso.test.zip"');
    expect(text).toContain('Invoke-CsDatabaseFailover -PoolFqdn pool-red.contoso.test -DatabaseType User -NewPrincipal Mirror -Force -Verbose');
    expect(text).toContain('Invoke-CsDatabaseFailover -PoolFqdn pool-red.contoso.test -DatabaseType CentralMgmt -NewPrincipal Mirror -Force -Verbose');
    const failovers = [...text.matchAll(/Invoke-CsDatabaseFailover -PoolFqdn pool-red\.contoso\.test -DatabaseType (\w+)/g)].map((m) => m[1]);
    expect(failovers).toEqual(['User', 'Application', 'CentralMgmt']);
    expect(text).toContain('Uninstall-CsMirrorDatabase -DatabaseType User -SqlServerFqdn sql-red-m.contoso.test -SqlInstanceName rtc -Verbose');
    expect(text).toContain('Import-CsConfiguration -FileName "$Backup\\Config.zip" -LocalStore');
    expect(text).toContain('Import-CsPersistentChatData -DBInstance "sqlpc-red.contoso.test\\pchat"');
    expect(text).toContain('Import-CsRgsConfiguration -Destination "service:ApplicationServer:pool-red.contoso.test" -OverwriteOwner');
    for (const table of tables(d)) {
      expect(table.columns.map((c) => c.header)).toEqual(['Done', '#', 'Step', 'Command', 'Run on', 'Started', 'Finished', 'Initials']);
      for (const row of table.rows) {
        expect(row[0]).toEqual({ checkbox: true });
        expect(row.slice(5)).toEqual([{ blank: true }, { blank: true }, { blank: true }]);
      }
    }
    const sections = d.blocks.filter((b) => b.type === 'keyvalue').map((b) => textOf((b as { pairs: [string, Text][] }).pairs[1]?.[1]));
    expect(sections.filter((s) => /^c\.\d/.test(s)).map((s) => s.split(' ')[0])).toEqual(
      expect.arrayContaining(['c.2', 'c.3', 'c.4', 'c.5', 'c.6', 'c.7', 'c.8', 'c.9', 'c.10', 'c.11']),
    );
  });

  it('prints the RTO target from the overlay, else Microsoft’s figure, else a blank', () => {
    const t = createSampleTopology({ overlay: { targets: { rpoMinutes: null, rtoMinutes: 240, perPool: { 'pool-dub.contoso.test': { rtoMinutes: 45 } } } } });
    const text = allText(buildWorksheet('restore', t, buildInventory(t), opts));
    expect(text).toContain('RTO target: 240 minutes (from lyncdr.yaml)');
    expect(text).toContain('RTO target: 45 minutes (from lyncdr.yaml)');
    const plain = createSampleTopology({ sites: 2 });
    const text2 = allText(buildWorksheet('restore', plain, buildInventory(plain), opts));
    expect(text2).toContain('RTO target: 30 minutes (Microsoft engineering target, lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md)');
    expect(text2).toContain('RTO target: TBD — owner');
  });

  it('covers a Standard Edition deployment with scenario c.1', () => {
    const t = createSampleTopology({ edition: 'se', archiving: false, monitoring: false });
    const text = allText(buildWorksheet('restore', t, buildInventory(t), opts));
    expect(text).toContain('Standard Edition server se-dub.contoso.test');
    expect(text).toContain('Import-CsUserData -PoolFqdn se-dub.contoso.test');
    expect(text).toContain('Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn se-red.contoso.test -SqlInstanceName rtc -Verbose');
  });
});

describe('French', () => {
  it('translates headers, blanks and terms with Microsoft’s vocabulary', () => {
    const t = createSampleTopology();
    const d = buildWorksheet('all', t, buildInventory(t), { ...opts, lang: 'fr' });
    const text = allText(d);
    expect(text).toContain('Feuille de travail de sauvegarde et de restauration de la base de données');
    expect(text).toContain('Nom de domaine complet (FQDN) du serveur');
    expect(text).toContain('Base de données Rtc sur le serveur principal pour les données utilisateur');
    expect(text).toContain('Applet de commande Export-CsUserData');
    expect(text).toContain('À compléter — responsable');
    expect(text).toContain('magasin central de gestion');
    expect(text).toContain('basculement du pool');
    expect(text).toContain('Feuille de travail de restauration');
    expect(text).not.toContain('TBD — owner');
    const row = tables(d)[0]!.rows[0]!;
    expect(textOf(row[4])).toMatch(/^Nom : \u00a0+ Expiration : \u00a0+$/);
    expect(d.meta.lang).toBe('fr');
  });
});

describe('all, status and errors', () => {
  const t = createSampleTopology();
  const inv = buildInventory(t);

  it('concatenates the four worksheets, each on a new page', () => {
    const d = buildWorksheet('all', t, inv, opts);
    expect(d.blocks.filter((b) => b.type === 'pagebreak')).toHaveLength(3);
    expect(d.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual([
      'Database Backup and Restoration Worksheet',
      'File Store Backup and Restoration Worksheet',
      'Settings Backup and Restoration Worksheet',
      'Restoration Worksheet',
    ]);
  });

  it('adds last good backup, age and status from a snapshot, unknown when an item has no entry', () => {
    const status: StatusSnapshot = {
      kind: 'lyncdr.status',
      v: 1,
      generatedAt: NOW,
      deployment: 'Contoso',
      items: [
        { itemId: 'export:userdata@pool-red.contoso.test', status: 'ok', reason: 'fresh and the zip opens', lastGood: '2026-11-22T01:00:00Z', ageSeconds: 19 * 3600 },
        { itemId: 'export:userdata@pool-dub.contoso.test', status: 'late', reason: 'older than 24 h + 2 h grace', lastGood: '2026-11-20T01:00:00Z', ageSeconds: 67 * 3600 },
      ],
    };
    const d = buildWorksheet('database', t, inv, { ...opts, status });
    const main = tables(d)[0]!;
    expect(main.columns.map((c) => c.header).slice(7)).toEqual(['Last good backup', 'Age', 'Status']);
    expect(main.rows[0]!.slice(7).map(textOf)).toEqual(['2026-11-22 01:00 UTC', '19 hours', 'OK — fresh and the zip opens']);
    expect(main.rows[1]!.slice(7).map(textOf)).toEqual(['2026-11-20 01:00 UTC', '2 days', 'Late — older than 24 h + 2 h grace']);
    expect(textOf(main.rows[2]![9])).toBe('Unknown — no entry in the status snapshot');
    expect(allText(d)).toContain('Backup status as of: 2026-11-22 20:00 UTC');
    expect(statusWarnings(status, inv, 'Contoso')).toEqual([]);
    // The planner's own items are not inventory items.
    const planners = ['drill:failover', 'readiness:failover:pool01.contoso.example', 'documents:stale'].map((itemId) => ({ ...status.items[0]!, itemId }));
    expect(statusWarnings({ ...status, items: [...status.items, ...planners] }, inv, 'Contoso')).toEqual([]);
    expect(statusWarnings({ ...status, deployment: 'Fabrikam', items: [...status.items, { ...status.items[0]!, itemId: 'sql:gone@old' }] }, inv, 'Contoso')).toEqual([
      'the status snapshot is for deployment "Fabrikam", the topology is "Contoso"',
      '1 status entries match no inventory item (sql:gone@old); is the snapshot from an older topology?',
    ]);
  });

  it('does not repeat the document title as the first heading of a single worksheet', () => {
    const d = buildWorksheet('settings', t, inv, opts);
    expect(d.meta.title).toBe('Settings Backup and Restoration Worksheet');
    expect(d.blocks[0]!.type).toBe('keyvalue');
  });

  it('rejects an unknown kind and an invalid snapshot, naming the field', () => {
    expect(() => buildWorksheet('bogus' as never, t, inv, opts)).toThrow(/unknown worksheet kind "bogus"/);
    expect(() => parseStatusSnapshot('{', 's.json')).toThrow(/s.json is not JSON/);
    const bad = JSON.stringify({ kind: 'lyncdr.status', v: 1, generatedAt: NOW, deployment: null, items: [{ itemId: 'x', status: 'great', reason: '', lastGood: null, ageSeconds: null }] });
    try {
      parseStatusSnapshot(bad, 's.json');
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_STATUS_INVALID');
      expect((e as { location: { where: string } }).location.where).toBe('items[0].status');
    }
    expect(parseStatusSnapshot('\uFEFF' + JSON.stringify({ kind: 'lyncdr.status', v: 1, generatedAt: NOW, deployment: null, items: [] }), 's.json').items).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildWorksheet('all', t, inv, opts))).toBe(JSON.stringify(buildWorksheet('all', t, buildInventory(t), opts)));
  });
});
