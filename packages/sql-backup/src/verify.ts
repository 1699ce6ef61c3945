import { SqlFindingCode } from './errors';
import { analyzeBackups } from './analyze';
import type { SqlVerifyReport } from './report-types';
import { findBackupFiles, scanFiles, type ScanOptions } from './scan';

/** `lyncdr verify sql`: finds the backup files under the folders, reads their headers, checks the chains. */
export async function verifySqlFolders(folders: string[], opts: ScanOptions & { cwd?: string } = {}): Promise<SqlVerifyReport> {
  const { files, problems } = await findBackupFiles(folders, opts.cwd ?? process.cwd());
  const scanned = await scanFiles(files, opts);
  for (const p of problems) scanned.push({ path: p.path, size: null, header: null, error: { code: SqlFindingCode.unreadable, message: p.message } });
  return analyzeBackups(scanned);
}
