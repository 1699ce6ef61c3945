import type { Finding } from '@lyncdr/protocol';
import type { HistoryBackup } from '@lyncdr/sql-backup';
import { asList, bool, pick, text } from '../bridge/shape';

/** msdb backupset.type letters (D database, I differential, L log, F file/filegroup, G diff file, P partial, Q diff partial). */
const TYPES: Record<string, HistoryBackup['type']> = { D: 'full', I: 'diff', L: 'log', F: 'file', G: 'file-diff', P: 'partial', Q: 'partial-diff' };

/** A local msdb time plus backupset.time_zone (15-minute units, 127 = unknown) as ISO 8601 with its offset. */
export function historyTime(local: string | null, zone: number | null): string | null {
  if (!local || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(local)) return null;
  if (zone === null || zone === 127 || !Number.isInteger(zone) || Math.abs(zone) > 56) return local;
  if (zone === 0) return `${local}Z`;
  const m = Math.abs(zone) * 15;
  return `${local}${zone < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const lsn = (v: unknown) => {
  const t = text(v);
  return t && /^\d+$/.test(t) ? t : null;
};
const num = (v: unknown) => {
  const t = text(v);
  return t !== null && /^-?\d+$/.test(t) ? Number(t) : null;
};

/**
 * Normalises the JSON printed by apps/agent/scripts/sql-history.ps1 (one row per media family) into one
 * HistoryBackup per backup set, its stripe devices gathered. Rows without a database or type become findings.
 */
export function normaliseSqlHistory(raw: unknown, instance: string): { backups: HistoryBackup[]; truncated: boolean; findings: Finding[] } {
  const root = asList(raw)[0];
  const rows = asList(root && pick(root, 'backups') !== undefined ? pick(root, 'backups') : raw);
  const findings: Finding[] = [];
  const bySet = new Map<string, HistoryBackup>();
  rows.forEach((r, i) => {
    const database = text(pick(r, 'database', 'database_name'));
    const letter = text(pick(r, 'type'));
    if (!database || !letter) {
      findings.push({ code: 'E_SQL_HISTORY_SHAPE', message: `${instance}: msdb history row ${i + 1} has no ${database ? 'type' : 'database'}; the sql-history script output is not what lyncdr expects — update the agent`, path: null, severity: 'warning' });
      return;
    }
    const zone = num(pick(r, 'timeZone', 'time_zone'));
    const guid = text(pick(r, 'backupSetGuid', 'backup_set_uuid'))?.toLowerCase() ?? null;
    const device = text(pick(r, 'device', 'physical_device_name'));
    const key = guid ?? `${database}|${text(pick(r, 'startLocal'))}|${i}`;
    const existing = bySet.get(key);
    if (existing) {
      if (device && !existing.devices.includes(device)) existing.devices.push(device);
      return;
    }
    bySet.set(key, {
      server: text(pick(r, 'server', 'server_name')) ?? instance,
      database,
      type: TYPES[letter.toUpperCase()] ?? 'unknown',
      start: historyTime(text(pick(r, 'startLocal', 'start_local')), zone),
      finish: historyTime(text(pick(r, 'finishLocal', 'finish_local')), zone),
      firstLsn: lsn(pick(r, 'firstLsn', 'first_lsn')),
      lastLsn: lsn(pick(r, 'lastLsn', 'last_lsn')),
      databaseBackupLsn: lsn(pick(r, 'databaseBackupLsn', 'database_backup_lsn')),
      backupSetGuid: guid,
      size: num(pick(r, 'size', 'backup_size')),
      compressedSize: num(pick(r, 'compressedSize', 'compressed_backup_size')),
      copyOnly: bool(pick(r, 'copyOnly', 'is_copy_only')) ?? false,
      hasChecksums: bool(pick(r, 'hasChecksums', 'has_backup_checksums')),
      devices: device ? [device] : [],
    });
  });
  const truncated = bool(root ? pick(root, 'truncated') : undefined) === true;
  if (truncated) findings.push({ code: 'E_SQL_HISTORY_TRUNCATED', message: `${instance}: msdb history was cut at the row limit; lower days or raise maxRows in the collector config`, path: null, severity: 'warning' });
  return { backups: [...bySet.values()], truncated, findings };
}
