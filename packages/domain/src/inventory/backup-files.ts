/**
 * The one naming scheme of backup files: what worksheets, runbooks and plans export and import, and what the agent
 * looks for by default. The defaults are the names of Microsoft's backup procedure
 * (lync-server-2013-backing-up-core-data-and-settings.md: `Config.zip`, `E911Config.zip`, `ExportedUserData.zip`,
 * `RgsConfiguration.zip`; cmdlets/Export-CsPersistentChatData.md: `PersistentChatData.zip`), with the
 * pool (or SQL Server of the Persistent Chat store) added where there is one file per pool. The overlay's
 * `backupFiles:` key overrides any of them (docs/overlay.md).
 */
import { BACKUP_FILE_KEYS, type BackupFileKey, type Topology } from '@lyncdr/topology';

/** The kinds and their placeholders are the overlay's schema (@lyncdr/topology), so that both read one list. */
export type BackupFileKind = BackupFileKey;
export const BACKUP_FILE_KINDS = Object.keys(BACKUP_FILE_KEYS) as BackupFileKind[];

/** Default file names; `{pool}` is the pool FQDN, `{server}` the SQL Server FQDN of the Persistent Chat store. */
export const DEFAULT_BACKUP_FILES: Readonly<Record<BackupFileKind, string>> = {
  configuration: 'Config.zip',
  lis: 'E911Config.zip',
  userData: 'ExportedUserData-{pool}.zip',
  rgs: 'RgsConfiguration-{pool}.zip',
  persistentChat: 'PersistentChatData-{server}.zip',
};

/** A file-name-safe form of an FQDN (anything but letters, digits, dot and dash becomes `_`). */
export function fileTag(s: string): string {
  return s.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** The file name of a backup of this kind for the deployment (overlay override, else the default). */
export function backupFileName(t: Pick<Topology, 'overlay'> | null, kind: BackupFileKind, scope?: string): string {
  const template = t?.overlay?.backupFiles?.[kind] ?? DEFAULT_BACKUP_FILES[kind];
  const placeholder = BACKUP_FILE_KEYS[kind];
  return placeholder ? template.split(placeholder).join(fileTag(scope ?? '')) : template;
}

/** A file-name pattern (`*` for the pool or server) that matches every file of this kind (null: the default names). */
export function backupFilePattern(t: Pick<Topology, 'overlay'> | null, kind: BackupFileKind): string {
  const template = t?.overlay?.backupFiles?.[kind] ?? DEFAULT_BACKUP_FILES[kind];
  const placeholder = BACKUP_FILE_KEYS[kind];
  return placeholder ? template.split(placeholder).join('*') : template;
}
