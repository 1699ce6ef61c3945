import type { StatusSnapshot } from '@lyncdr/protocol';
import type { Lang } from '../model';
import type { RevisionOptions } from '../revision/revision-block';

export const worksheetKinds = ['database', 'filestore', 'settings', 'restore'] as const;
export type WorksheetKind = (typeof worksheetKinds)[number];

/** Options of every worksheet builder. `now` is the injected clock (ISO 8601). */
export interface WorksheetOptions extends RevisionOptions {
  lang: Lang;
  now: string;
  /** Short hash of the inputs (topology + overlay + status), printed in the header. */
  inputRevision: string | null;
  /** A status snapshot adds last good backup, age and status to each row. */
  status?: StatusSnapshot | null;
}
