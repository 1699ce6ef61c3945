import type { InventoryCategory } from '@lyncdr/domain';
import type { KnownProduct } from '@lyncdr/topology';
import type { Lang } from '../model';
import type { Schedule } from './schedule';
import { worksheetEn } from './strings-en';
import { worksheetFr } from './strings-fr';

/**
 * Fixed text of the worksheets. Titles, captions, column headers and row labels follow
 * lync-server-2013-backup-and-restoration-worksheets.md (docs-en) and its French translation (docs-fr).
 */
export interface WorksheetStrings {
  allTitle: string;
  headerNote: string;
  suggested: string;
  afterChange: string;
  every: (hours: number) => string;
  /** An overlay schedule read by parseSchedule, in words. */
  schedule: (s: Schedule) => string;
  backupSet: [string, string];
  ownerLabel: string;
  exactCommand: string;
  backupServiceLabel: string;
  /** Header row: the product versions of the deployment's pools, by their names in this language. */
  productLabel: string;
  productNames: Record<KnownProduct, string>;
  /** Note of an item whose SQL Server is an AlwaysOn Availability Group listener (docs-sfb/alwayson-availability-group.md). */
  alwaysOnListener: (instance: string) => string;
  statusColumns: [string, string, string];
  noStatusEntry: string;
  statusAsOf: string;
  database: { title: string; intro: string; caption: string; columns: string[]; noBackupTitle: string; noBackupColumns: string[] };
  filestore: { title: string; intro: string; caption: string; columns: string[]; shareText: (unc: string) => string };
  settings: { title: string; intro: string; caption: string; columns: string[]; otherTitle: string; otherColumns: string[] };
  coverage: { title: string; replicates: string; notProtected: string; pairs: string; noPairs: string };
  restore: {
    title: string;
    intro: string;
    columns: string[];
    whatFailed: string;
    procedure: string;
    rtoTarget: string;
    rtoFromOverlay: string;
    rtoFromReference: string;
    decidedBy: string;
    backupFiles: string;
    preconditionsTitle: string;
    preconditions: string[];
  };
  rows: Record<InventoryCategory, string>;
  tools: Record<string, string>;
  notes: Partial<Record<InventoryCategory, string[]>>;
  /** Notes that replace `notes` for an item of a pool of this version. */
  versionNotes: Partial<Record<InventoryCategory, Partial<Record<KnownProduct, string[]>>>>;
  noBackupReasons: Record<string, string>;
  poolConfig: (kind: string) => string;
  serviceText: { userdata: (p: string) => string; conference: (pairs: string) => string; cms: (p: string) => string };
  doesNotProtect: string[];
  /** The Persistent Chat line of `doesNotProtect`, left out where no pool can have Persistent Chat (Skype for Business Server 2019). */
  doesNotProtectPersistentChat: string;
  /** Content and tool of the data outside Lync Server. */
  other: Record<'certificates' | 'ad-ds' | 'infrastructure', { content: string; tool: string }>;
}

export function worksheetStrings(lang: Lang): WorksheetStrings {
  return lang === 'fr' ? worksheetFr : worksheetEn;
}
