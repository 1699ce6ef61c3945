import type { Inventory } from '@lyncdr/domain';
import { findPool, type Topology } from '@lyncdr/topology';
import type { Block, Document, TableCell } from '../model';
import { tbd } from '../text/index';
import { blank, destinationCell, notesCell, scheduleCell, serverCell, sevenColumns, toolCell } from './cells';
import { rowLabel } from './database-worksheet';
import { approvalBlocks, headerBlocks, worksheetDocument } from './header';
import type { WorksheetOptions } from './options';
import { statusCells, statusColumns, statusIndex } from './status';
import { worksheetStrings } from './strings';

/**
 * What the Backup Service replicates between this deployment's pairs, and what it leaves to these worksheets
 * (REFERENCE §d.2). Persistent Chat is left out of a Skype for Business Server 2019 deployment that lists none: 2019
 * has no Persistent Chat (docs-sfb/SfBServer2019/deprecated.md).
 */
function coverageBlocks(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Block[] {
  const s = worksheetStrings(opts.lang).coverage;
  const all = worksheetStrings(opts.lang);
  const blocks: Block[] = [{ type: 'heading', level: 2, text: s.title }];
  if (topology.pairs.length === 0) blocks.push({ type: 'paragraph', text: s.noPairs, tone: 'warning' });
  else {
    blocks.push({ type: 'keyvalue', pairs: [[s.pairs, topology.pairs.map(([a, b]) => `${a} ⇄ ${b}`).join(', ')]] });
    const cmsPartner = topology.cms?.standbyPool ?? (topology.cms ? findPool(topology, topology.cms!.pool)?.backupPool : null);
    blocks.push({ type: 'paragraph', text: { text: s.replicates, style: 'bold' } });
    blocks.push({
      type: 'list',
      ordered: false,
      items: [
        all.serviceText.userdata(topology.pairs.map(([a, b]) => `${a} ⇄ ${b}`).join(', ')),
        all.serviceText.conference(topology.pairs.map(([a, b]) => `${a} ⇄ ${b}`).join(', ')),
        ...(cmsPartner ? [all.serviceText.cms(cmsPartner)] : []),
      ],
    });
  }
  blocks.push({ type: 'paragraph', text: { text: s.notProtected, style: 'bold' } });
  const persistentChat = topology.product?.version !== 'sfb2019' || inventory.items.some((i) => i.category === 'persistentchat');
  const notProtected = [...all.doesNotProtect];
  if (persistentChat) notProtected.splice(5, 0, all.doesNotProtectPersistentChat);
  blocks.push({ type: 'list', ordered: false, items: notProtected });
  return blocks;
}

function otherText(category: string | undefined, key: 'content' | 'tool', opts: WorksheetOptions): string | null {
  const o = worksheetStrings(opts.lang).other;
  return category === 'certificates' || category === 'ad-ds' || category === 'infrastructure' ? o[category][key] : null;
}

/** The Settings Backup and Restoration Worksheet [lync-server-2013-backup-and-restoration-worksheets.md], plus the data outside Lync Server. */
export function settingsBlocks(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Block[] {
  const s = worksheetStrings(opts.lang);
  const index = statusIndex(opts.status);
  const items = inventory.items.filter((i) => i.category === 'configuration' || i.category === 'lis' || i.category === 'rgs');
  const rows = items.map((item): TableCell[] => [
    rowLabel(item, opts),
    serverCell(item, opts.lang),
    scheduleCell(item, opts.lang),
    toolCell(item, opts.lang),
    item.file ? { text: item.file.split('\\').pop() ?? item.file, style: 'code' } : blank(opts.lang),
    destinationCell(item, opts.lang),
    notesCell(item, opts.lang, topology),
    ...(index ? statusCells(index, item.id, opts.lang) : []),
  ]);
  const other = inventory.items.filter((i) => i.kind === 'other' && i.category !== 'callpark-moh' && i.category !== 'announcements');
  return [
    ...headerBlocks(s.settings.title, topology, inventory, opts),
    { type: 'paragraph', text: s.settings.intro },
    {
      type: 'table',
      caption: s.settings.caption,
      columns: [...sevenColumns(s.settings.columns), ...(index ? statusColumns(opts.lang) : [])],
      rows,
      repeatHeader: true,
    },
    ...coverageBlocks(topology, inventory, opts),
    { type: 'heading', level: 2, text: s.settings.otherTitle },
    {
      type: 'table',
      columns: s.settings.otherColumns.map((header, i) => ({ header, width: [14, 26, 12, 16, 12, 14][i] ?? 10, wrap: 'words' as const })),
      rows: other.map((item): TableCell[] => [
        rowLabel(item, opts),
        otherText(item.category, 'content', opts) ?? item.description,
        scheduleCell(item, opts.lang),
        otherText(item.category, 'tool', opts) ?? item.tool,
        item.owner ?? { blank: true, hint: tbd(opts.lang) },
        destinationCell(item, opts.lang),
      ]),
      repeatHeader: true,
    },
    ...approvalBlocks(opts.lang),
  ];
}

export function buildSettingsWorksheet(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Document {
  return worksheetDocument(worksheetStrings(opts.lang).settings.title, topology, inventory, opts, settingsBlocks(topology, inventory, opts));
}
