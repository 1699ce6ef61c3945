import type { Inventory, InventoryItem } from '@lyncdr/domain';
import { fileStoreOf, type Topology } from '@lyncdr/topology';
import type { Block, Document, TableCell } from '../model';
import { blank, destinationCell, notesCell, scheduleCell, serverCell, sevenColumns, toolCell } from './cells';
import { rowLabel } from './database-worksheet';
import { approvalBlocks, headerBlocks, worksheetDocument } from './header';
import type { WorksheetOptions } from './options';
import { statusCells, statusColumns, statusIndex } from './status';
import { worksheetStrings } from './strings';

/**
 * Share (or folder) to copy. Call Park music on hold and Announcement audio are separate Xcopy copies of folders in
 * the pool's file store [lync-server-2013-backup-prerequisites-for-abc-pool-failover.md]; the folder names carry the
 * Application Server service id, which the topology's file store layout shows.
 */
function shareCell(item: InventoryItem, topology: Topology, opts: WorksheetOptions): TableCell {
  if (item.category === 'filestore') {
    const fs = topology.fileStores.find((f) => `filestore:${f.unc}` === item.id);
    return fs ? { text: fs.unc, style: 'code' } : blank(opts.lang);
  }
  const fs = fileStoreOf(topology, item.scopeRef);
  if (!fs) return blank(opts.lang);
  const sub = item.category === 'callpark-moh' ? 'AppServerFiles\\CPS\\' : 'AppServerFiles\\RGS\\AS';
  return { text: `${fs.unc}\\…-ApplicationServer-…\\${sub}`, style: 'code' };
}

/** The File Store Backup and Restoration Worksheet [lync-server-2013-backup-and-restoration-worksheets.md]. */
export function fileStoreBlocks(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Block[] {
  const s = worksheetStrings(opts.lang);
  const index = statusIndex(opts.status);
  const items = inventory.items.filter((i) => i.category === 'filestore' || i.category === 'callpark-moh' || i.category === 'announcements');
  const rows = items.map((item): TableCell[] => [
    rowLabel(item, opts),
    serverCell(item, opts.lang),
    scheduleCell(item, opts.lang),
    toolCell(item, opts.lang),
    shareCell(item, topology, opts),
    destinationCell(item, opts.lang),
    notesCell(item, opts.lang, topology),
    ...(index ? statusCells(index, item.id, opts.lang) : []),
  ]);
  return [
    ...headerBlocks(s.filestore.title, topology, inventory, opts),
    { type: 'paragraph', text: s.filestore.intro },
    {
      type: 'table',
      caption: s.filestore.caption,
      columns: [...sevenColumns(s.filestore.columns), ...(index ? statusColumns(opts.lang) : [])],
      rows,
      repeatHeader: true,
    },
    ...approvalBlocks(opts.lang),
  ];
}

export function buildFileStoreWorksheet(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Document {
  return worksheetDocument(worksheetStrings(opts.lang).filestore.title, topology, inventory, opts, fileStoreBlocks(topology, inventory, opts));
}
