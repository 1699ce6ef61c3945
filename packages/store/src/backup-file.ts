import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LyncdrError } from '@lyncdr/errors';

export interface BackupCheck {
  out: string;
  pages: number;
  integrity: string;
  reports: number;
  tokens: number;
}

/**
 * Copies a planner database with SQLite's online backup API (safe while the planner is running and writing), then
 * opens the copy and checks it: `PRAGMA integrity_check` and the row counts a restore would rely on.
 */
export async function backupDatabaseFile(source: string, out: string): Promise<BackupCheck> {
  if (!existsSync(source)) {
    throw new LyncdrError('E_STORE_OPEN', `no planner database at ${source}; give the planner's --data folder`);
  }
  const tmp = `${out}.partial`;
  let pages = 0;
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    const progress = await src.backup(tmp);
    pages = progress.totalPages;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new LyncdrError('E_STORE_BACKUP', `cannot back up ${source} to ${out}: ${(e as Error).message}; check the destination folder`, { cause: e });
  } finally {
    src.close();
  }
  const copy = new Database(tmp, { readonly: true, fileMustExist: true });
  let check: BackupCheck;
  try {
    const integrity = copy.pragma('integrity_check', { simple: true }) as string;
    const reports = copy.prepare('SELECT count(*) FROM reports').pluck().get() as number;
    const tokens = copy.prepare('SELECT count(*) FROM tokens').pluck().get() as number;
    check = { out, pages, integrity, reports, tokens };
  } catch (e) {
    copy.close();
    rmSync(tmp, { force: true });
    throw new LyncdrError('E_STORE_BACKUP', `the copy of ${source} does not read back (${(e as Error).message}); is it a lyncdr planner database?`, { cause: e });
  }
  copy.close();
  if (check.integrity !== 'ok') {
    rmSync(tmp, { force: true });
    throw new LyncdrError('E_STORE_BACKUP', `the copy of ${source} fails its integrity check: ${check.integrity}`);
  }

  renameSync(tmp, out);
  return check;
}
