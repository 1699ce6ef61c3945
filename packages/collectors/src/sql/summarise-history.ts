import type { Finding } from '@lyncdr/protocol';
import type { HistoryBackup } from '@lyncdr/sql-backup';

export interface HistoryLast {
  start: string | null;
  finish: string | null;
  size: number | null;
  firstLsn: string | null;
  lastLsn: string | null;
  devices: string[];
  copyOnly: boolean;
  hasChecksums: boolean | null;
}

export interface DatabaseHistory {
  server: string;
  database: string;
  lastFull: HistoryLast | null;
  lastDiff: HistoryLast | null;
  lastLog: HistoryLast | null;
  backups: number;
  findings: Finding[];
}

const t = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

function last(rows: HistoryBackup[], type: HistoryBackup['type']): HistoryLast | null {
  let best: HistoryBackup | null = null;
  for (const r of rows) if (r.type === type && (!best || t(r.start) > t(best.start))) best = r;
  if (!best) return null;
  const { start, finish, size, firstLsn, lastLsn, devices, copyOnly, hasChecksums } = best;
  return { start, finish, size, firstLsn, lastLsn, devices, copyOnly, hasChecksums };
}

/** Per database: the last full, differential and log backup msdb recorded, and what is worth telling (pure). */
export function summariseHistory(backups: HistoryBackup[]): DatabaseHistory[] {
  const byDb = new Map<string, HistoryBackup[]>();
  for (const b of backups) {
    const k = `${b.server.toLowerCase()}\u0000${b.database.toLowerCase()}`;
    const list = byDb.get(k);
    if (list) list.push(b);
    else byDb.set(k, [b]);
  }
  const out: DatabaseHistory[] = [];
  for (const rows of byDb.values()) {
    const { server, database } = rows[0]!;
    const findings: Finding[] = [];
    const fulls = rows.filter((r) => r.type === 'full');
    if (!fulls.some((r) => !r.copyOnly)) {
      findings.push({ code: 'E_SQL_HISTORY_NO_FULL', message: `${server} ${database}: msdb lists no full backup (other than copy-only) in the period; the chain has no base — check the full backup job`, path: null, severity: 'error' });
    }
    const noChecksum = rows.filter((r) => r.hasChecksums === false).length;
    if (noChecksum) {
      findings.push({ code: 'E_SQL_NO_CHECKSUM', message: `${server} ${database}: ${noChecksum} of ${rows.length} backups were taken without CHECKSUM, so damage would only show at restore time; add WITH CHECKSUM to the backup job`, path: null, severity: 'info' });
    }
    out.push({ server, database, lastFull: last(rows, 'full'), lastDiff: last(rows, 'diff'), lastLog: last(rows, 'log'), backups: rows.length, findings });
  }
  return out.sort((a, b) => a.server.localeCompare(b.server) || a.database.localeCompare(b.database));
}
