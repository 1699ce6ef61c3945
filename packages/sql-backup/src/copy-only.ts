import { cmpLast, type BackupSet } from './backup-set';
import { cmpLsnText } from './lsn';

/**
 * Infers which full backups were COPY_ONLY. Every backup records the differential base the database had when it
 * started (SCIN+0xC8, reference/sql-backup-format.md §2): the BackupSetGUID of the last full that was not copy-only.
 * The first backup started after a full tells whether that full became the base: if it names another GUID, the full
 * was copy-only. Undecidable (null) when no later backup exists.
 */
export function inferCopyOnly(sets: BackupSet[]): void {
  const ordered = sets.filter((s) => !Number.isNaN(s.startMs)).sort((a, b) => a.startMs - b.startMs || cmpLast(a, b));
  for (const full of ordered) {
    if (full.header.kind !== 'full') continue;
    const finishMs = full.header.finish ? Date.parse(full.header.finish) : full.startMs;
    const next = ordered.find((s) => s !== full && s.startMs > finishMs && cmpLsnText(s.last, full.last) >= 0 && s.header.currentDifferentialBaseGuid);
    if (!next) continue;
    full.copyOnly = next.header.currentDifferentialBaseGuid !== full.guid;
  }
}
