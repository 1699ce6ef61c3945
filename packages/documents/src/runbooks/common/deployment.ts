import { backupFileName, type BackupFileKind } from '@lyncdr/domain';
import { storesOf, userPools, type Pool, type SqlStoreKind, type Topology } from '@lyncdr/topology';
import type { Lang } from '../../model';
import { tbd } from '../../text/index';

/** Pools that run the Response Group application (an ApplicationServer service or an application store). */
export function responseGroupPools(t: Topology): Pool[] {
  return userPools(t).filter((p) => p.services.some((s) => /-ApplicationServer-/i.test(s)) || storesOf(t, 'Application', p.fqdn).length > 0);
}

/** A backup file in the `$Backup` folder, named by the deployment's one naming scheme (domain backup-files.ts). */
export function inBackup(t: Topology, kind: BackupFileKind, scope?: string): string {
  return `$Backup\\${backupFileName(t, kind, scope)}`;
}

/** Quotes a PowerShell string argument. */
export function q(s: string): string {
  return `"${s.replace(/"/g, '`"')}"`;
}

/** The overlay value for the first key that has one. */
export function overlayValue(map: Record<string, string> | undefined, keys: string[]): string | null {
  if (!map) return null;
  for (const k of keys) if (map[k]) return map[k]!;
  return null;
}

/**
 * Owners named in the overlay for these scopes (pool FQDN, store id), each falling back to `global` then `default`;
 * one owner, or `owner (scope); …` when the scopes have different owners; null when the overlay names none.
 */
export function ownerOf(t: Topology, keys: string[]): string | null {
  const owners = t.overlay?.owners ?? {};
  const fmt = (k: string): string | null => {
    const o = owners[k] ?? owners['global'] ?? owners['default'];
    return o ? (o.email ? `${o.name} <${o.email}>` : o.name) : null;
  };
  const scoped = (keys.length ? keys : ['global']).map((k) => [k, fmt(k)] as const);
  const distinct = [...new Set(scoped.map(([, o]) => o))];
  if (distinct.every((o) => o === null)) return null;
  if (distinct.length === 1) return distinct[0]!;
  return scoped.map(([k, o]) => `${o ?? '?'} (${k})`).join('; ');
}

/** Where the copy of a file store goes: the overlay's `filestore` destination (dated), else $Backup\filestore. */
export function fileStoreCopyPath(t: Topology, f: { server: string; share: string }, day: string): string {
  const leaf = `${f.server}-${f.share}`.replace(/[^A-Za-z0-9.-]+/g, '_');
  const dest = t.overlay?.destinations?.['filestore'];
  return dest ? `${dest.replace(/[\\/]+$/, '')}\\${day}\\${leaf}` : `$Backup\\filestore\\${leaf}`;
}

/** The backup root from the overlay (`backup`, `settings`, `default` destinations), or the TBD blank. */
export function backupRoot(t: Topology, lang: Lang, keys: string[] = []): { value: string; known: boolean } {
  const v = overlayValue(t.overlay?.destinations, [...keys, 'backup', 'settings', 'default']);
  return v ? { value: v, known: true } : { value: tbd(lang), known: false };
}

/** The dated backup folder of one run (REFERENCE §b: each run gets a new folder, and $Backup points at it). */
export function backupFolder(root: string, now: string): string {
  const day = now.slice(0, 10);
  return `${root.replace(/[\\/]+$/, '')}\\${day}`;
}

/** Databases of a store that are backed up (transient ones are rebuilt: REFERENCE §a.1, worksheets page). */
export const NOT_BACKED_UP = new Set(['rtcab', 'rtcab1', 'rgsdyn', 'cpsdyn', 'rtcdyn', 'mgccomp']);

/** Database type names for Install-/Uninstall-CsMirrorDatabase and Invoke-CsDatabaseFailover, by store kind. */
export function databaseTypeOf(kind: SqlStoreKind): string | null {
  switch (kind) {
    case 'BackEnd':
      return 'User';
    case 'Application':
      return 'Application';
    case 'CentralManagement':
      return 'CentralMgmt';
    case 'Archiving':
      return 'Archiving';
    case 'Monitoring':
      return 'Monitoring';
    case 'PersistentChat':
      return 'PersistentChat';
    case 'PersistentChatCompliance':
      return 'PersistentChatCompliance';
    default:
      return null;
  }
}

/** Sorts and de-duplicates FQDNs. */
export function uniq(values: string[]): string[] {
  return [...new Set(values)].sort();
}
