import { backupFilePattern, type BackupFileKind } from '@lyncdr/domain';

/**
 * The five export kinds (REFERENCE §f.2) and the default name patterns that make a zip a candidate for a kind. A
 * candidate is then confirmed by its content where the content is known (configuration, user data).
 */
export const exportKinds = ['configuration', 'userdata', 'lis', 'rgs', 'persistentchat'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** The cmdlet that writes each kind (for messages and worksheets). */
export const exportCmdlet: Record<ExportKind, string> = {
  configuration: 'Export-CsConfiguration',
  userdata: 'Export-CsUserData',
  lis: 'Export-CsLisConfiguration',
  rgs: 'Export-CsRgsConfiguration',
  persistentchat: 'Export-CsPersistentChatData',
};

/** The backup file kind of the domain's naming scheme (inventory/backup-files.ts) that each export kind writes. */
const schemeKind: Record<ExportKind, BackupFileKind> = {
  configuration: 'configuration',
  userdata: 'userData',
  lis: 'lis',
  rgs: 'rgs',
  persistentchat: 'persistentChat',
};

/**
 * Default patterns: first the name lyncdr's worksheets and runbooks write (`Config.zip`, `ExportedUserData-*.zip`…),
 * then looser names for exports made by hand. When several kinds match, the most specific pattern wins (kindFromName).
 */
export const defaultPatterns: Record<ExportKind, string[]> = {
  configuration: [backupFilePattern(null, schemeKind.configuration), '*config*.zip', '*cms*.zip', '*topology*.zip', '*xds*.zip'],
  userdata: [backupFilePattern(null, schemeKind.userdata), '*user*.zip'],
  lis: [backupFilePattern(null, schemeKind.lis), '*lis*.zip', '*lis*.bak', '*e911*.zip', '*location*.zip'],
  rgs: [backupFilePattern(null, schemeKind.rgs), '*rgs*.zip', '*responsegroup*.zip'],
  persistentchat: [backupFilePattern(null, schemeKind.persistentchat), '*chat*.zip', '*pchat*.zip', '*persistent*.zip'],
};

/** How specific a pattern is: its number of literal characters. */
export function patternWeight(pattern: string): number {
  return pattern.replace(/[*?]/g, '').length;
}

/** Glob-like match on a file name: `*` any run, `?` one character, case-insensitive (Windows names). */
export function matchesPattern(name: string, pattern: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
  return re.test(name);
}

/** The first element name of an XML document head (after the declaration, comments and a BOM), or null. */
export function rootElement(head: Buffer): string | null {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const m = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
  if (!m) return null;
  const name = m[1]!;
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}
