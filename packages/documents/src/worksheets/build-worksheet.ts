import type { Inventory } from '@lyncdr/domain';
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import type { Block, Document } from '../model';
import { databaseBlocks } from './database-worksheet';
import { fileStoreBlocks } from './filestore-worksheet';
import { worksheetDocument } from './header';
import { worksheetKinds, type WorksheetKind, type WorksheetOptions } from './options';
import { readinessBlocks } from './readiness-table';
import { restoreBlocks } from './restore-worksheet';
import { settingsBlocks } from './settings-worksheet';
import { worksheetStrings } from './strings';

const builders: Record<WorksheetKind, (t: Topology, i: Inventory, o: WorksheetOptions) => Block[]> = {
  database: databaseBlocks,
  filestore: fileStoreBlocks,
  settings: settingsBlocks,
  restore: restoreBlocks,
};

function titleOf(kind: WorksheetKind | 'all', o: WorksheetOptions): string {
  const s = worksheetStrings(o.lang);
  return kind === 'all' ? s.allTitle : kind === 'filestore' ? s.filestore.title : s[kind].title;
}

/**
 * Builds one worksheet (database, filestore, settings, restore) or all four in one document, each starting on a new
 * page. Pure: the same inputs and options give the same Document.
 */
export function buildWorksheet(kind: WorksheetKind | 'all', topology: Topology, inventory: Inventory, opts: WorksheetOptions): Document {
  if (kind !== 'all' && !worksheetKinds.includes(kind)) {
    throw new LyncdrError('E_USAGE', `unknown worksheet kind "${String(kind)}"; use one of all, ${worksheetKinds.join(', ')}`);
  }
  const kinds = kind === 'all' ? [...worksheetKinds] : [kind];
  const title = titleOf(kind, opts);
  const blocks = kinds.flatMap((k, i): Block[] => [...(i > 0 ? [{ type: 'pagebreak' } as const] : []), ...builders[k](topology, inventory, opts)]);
  // A single worksheet's own title is the document title, which the renderer already prints.
  const first = blocks[0];
  if (kind !== 'all' && first?.type === 'heading' && first.level === 1 && first.text === title) blocks.shift();
  // With a status snapshot, the readiness table goes on the first page, under the first header.
  const header = blocks.findIndex((b) => b.type === 'keyvalue');
  blocks.splice(header + 1, 0, ...readinessBlocks(topology, opts));
  return worksheetDocument(title, topology, inventory, opts, blocks);
}
