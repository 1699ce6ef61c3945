import type { Block, Document, Lang, TableCell } from '@lyncdr/documents';

/** A document with every block type, a long table and long FQDNs/UNC paths: the renderer's test input. */
export function sampleDocument(opts: { lang?: Lang; rows?: number; orientation?: 'portrait' | 'landscape' } = {}): Document {
  const lang = opts.lang ?? 'en';
  const fr = lang === 'fr';
  const rows: TableCell[][] = Array.from({ length: opts.rows ?? 60 }, (_, i) => [
    `fe${String(i + 1).padStart(2, '0')}.pool-north-europe-primary.datacenter-one.corp.contoso.com`,
    `\\\\fileserver01.corp.contoso.com\\LyncShare\\1-WebServices-${i + 1}\\CoreDataBackups`,
    i % 3 === 0 ? { blank: true, hint: 'TBD — owner' } : fr ? 'Sauvegarde complète quotidienne' : 'Daily full backup',
    { checkbox: true, checked: i % 4 === 0 },
  ]);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: fr ? 'Objet' : 'Purpose' },
    { type: 'paragraph', text: [fr ? 'Ce document décrit la ' : 'This document describes the ', { text: fr ? 'restauration' : 'restore', style: 'bold' }, ' of ', { text: 'pool01.contoso.com', style: 'code' }, '. Owner: ', { text: 'TBD — owner', style: 'blank' }] },
    { type: 'paragraph', tone: 'note', text: fr ? 'Le basculement et la restauration automatique sont distincts de la restauration à partir d’une sauvegarde. Élève, ça, où, garçon, œuvre.' : 'Failover and failback are distinct from a restore from backup.' },
    { type: 'paragraph', tone: 'warning', text: 'Do not run this step while the pool is failed over.' },
    { type: 'paragraph', tone: 'erratum', text: 'The documentation prints -ReplaceExistingRgsSettings incorrectly; the corrected form is used here.' },
    { type: 'list', ordered: false, items: ['First item', ['Second ', { text: 'bold', style: 'bold' }, ' item']] },
    { type: 'list', ordered: true, items: ['One', 'Two', 'Three'] },
    { type: 'checklist', items: [{ text: 'Backups exist and are readable' }, { text: 'Topology published', checked: true }] },
    { type: 'keyvalue', pairs: [['Pool', 'pool01.contoso.com'], ['File store', '\\\\fs01.contoso.com\\share\\very\\long\\path\\that\\keeps\\going\\and\\going\\and\\going\\until\\it\\must\\wrap']] },
    { type: 'code', language: 'powershell', lines: ['Export-CsConfiguration -FileName "C:\\Backup\\CsConfiguration.zip"', 'Get-CsBackupServiceStatus -PoolFqdn pool01.contoso.com | Select-Object -ExpandProperty BackupServiceStatus | Format-List * -Force -SomeVeryLongParameterName value1 value2 value3'] },
    { type: 'step', n: 1, title: fr ? 'Exporter la configuration' : 'Export the configuration', body: 'Run this from a Lync Server Management Shell.', commands: ['Export-CsConfiguration -FileName C:\\Backup\\Config.zip'], verify: 'The zip file exists and opens.', on: 'fe01.pool01.contoso.com', durationMinutes: 5, timing: true, ref: 'lync-server-2013-backing-up-the-cms.md' },
    { type: 'step', n: 2, title: 'Check the Topology Builder publish', commands: [], manual: true, verify: 'Topology Builder shows no error.', timing: true },
    { type: 'table', caption: fr ? 'Magasins de fichiers' : 'File stores', columns: [
      { header: 'Server', width: 3, wrap: 'anywhere' },
      { header: 'UNC path', width: 4, wrap: 'anywhere' },
      { header: fr ? 'Planification' : 'Schedule', width: 2 },
      { header: 'Done', width: 1, align: 'center' },
    ], rows },
    { type: 'pagebreak' },
    { type: 'heading', level: 2, text: fr ? 'Approbation' : 'Approval' },
    { type: 'signature', roles: [fr ? 'Administrateur Lync' : 'Lync administrator', 'DBA'] },
  ];
  return {
    meta: {
      title: fr ? 'Restauration du pool pool01.contoso.com' : 'Restore of pool pool01.contoso.com',
      subtitle: 'contoso two-site',
      lang,
      deployment: 'contoso',
      generatedAt: '2026-01-15T09:30:00.000Z',
      inputRevision: 'a1b2c3d4',
      orientation: opts.orientation ?? 'portrait',
      keywords: ['lync', 'restore'],
    },
    blocks,
  };
}
