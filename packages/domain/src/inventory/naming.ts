/**
 * Path of a backup file: in the overlay's destination when there is one, else in `$Backup`, the shared backup folder
 * of lync-server-2013-backing-up-core-data-and-settings.md (a new folder per run, `$Backup` repointed to it).
 */
export function backupFile(destination: string | null, file: string): string {
  const dir = destination ? destination.replace(/[\\/]+$/, '') : '$Backup';
  return `${dir}\\${file}`;
}
