import type { Inventory, InventoryItem } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { Block, Document, TableCell } from '../model';
import { backupSetCell, destinationCell, notesCell, scheduleCell, serverCell, sevenColumns, toolCell } from './cells';
import { approvalBlocks, headerBlocks, worksheetDocument } from './header';
import type { WorksheetOptions } from './options';
import { statusCells, statusColumns, statusIndex } from './status';
import { worksheetStrings } from './strings';

const CATEGORIES = ['userdata', 'archiving', 'monitoring-cdr', 'monitoring-qoe', 'persistentchat', 'sql-other'];

/** Row label: the Microsoft row text, then what makes this row this deployment's (pool, database, instance). */
export function rowLabel(item: InventoryItem, opts: WorksheetOptions): TableCell {
  const s = worksheetStrings(opts.lang);
  const label = item.category ? s.rows[item.category] : item.name;
  const scope = item.scope === 'pool' ? item.scopeRef : item.database && item.category === 'sql-other' ? item.database : null;
  return scope ? [{ text: label, style: 'bold' }, ' — ', { text: scope, style: 'code' }] : { text: label, style: 'bold' };
}

/**
 * The Database Backup and Restoration Worksheet [lync-server-2013-backup-and-restoration-worksheets.md]: one row per
 * pool for user data, one per SQL store for Archiving, Monitoring and Persistent Chat, and the databases that need
 * no backup with the reason.
 */
export function databaseBlocks(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Block[] {
  const s = worksheetStrings(opts.lang);
  const index = statusIndex(opts.status);
  const items = inventory.items.filter((i) => i.category && CATEGORIES.includes(i.category));
  const rows = items.map((item): TableCell[] => [
    rowLabel(item, opts),
    serverCell(item, opts.lang),
    scheduleCell(item, opts.lang),
    toolCell(item, opts.lang),
    backupSetCell(opts.lang),
    destinationCell(item, opts.lang),
    notesCell(item, opts.lang, topology),
    ...(index ? statusCells(index, item.id, opts.lang) : []),
  ]);
  const noBackup = inventory.notBackedUp.filter((n) => n.key !== 'pool-config');
  return [
    ...headerBlocks(s.database.title, topology, inventory, opts),
    { type: 'paragraph', text: s.database.intro },
    {
      type: 'table',
      caption: s.database.caption,
      columns: [...sevenColumns(s.database.columns), ...(index ? statusColumns(opts.lang) : [])],
      rows,
      repeatHeader: true,
    },
    { type: 'heading', level: 2, text: s.database.noBackupTitle },
    {
      type: 'table',
      columns: [
        { header: s.database.noBackupColumns[0]!, width: 12, wrap: 'words' },
        { header: s.database.noBackupColumns[1]!, width: 22, wrap: 'anywhere' },
        { header: s.database.noBackupColumns[2]!, width: 50, wrap: 'words' },
      ],
      rows: noBackup.map((n) => [
        { text: n.name, style: 'code' },
        n.host ?? '—',
        (n.key && s.noBackupReasons[n.key]) || n.reason,
      ]),
      repeatHeader: true,
    },
    ...approvalBlocks(opts.lang),
  ];
}

export function buildDatabaseWorksheet(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Document {
  return worksheetDocument(worksheetStrings(opts.lang).database.title, topology, inventory, opts, databaseBlocks(topology, inventory, opts));
}
