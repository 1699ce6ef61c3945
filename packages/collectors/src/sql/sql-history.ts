import { z } from 'zod';
import type { Finding, Observation } from '@lyncdr/protocol';
import { crossCheckHistory, findBackupFiles, scanFiles, type HistoryBackup } from '@lyncdr/sql-backup';
import { bridgeFailure } from '../bridge/failure';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { latest, toFinding, zonedOrNull } from './lyncdr-finding';
import { normaliseSqlHistory } from './normalise-history';
import { summariseHistory } from './summarise-history';

const Instance = z.union([
  z.string().min(1).transform((instance) => ({ instance })),
  z.object({ instance: z.string().min(1), databases: z.array(z.string().min(1)).min(1).optional(), days: z.number().int().min(1).max(3650).optional() }),
]);
const Config = z.object({
  instances: z.array(Instance).min(1, 'list the SQL Server instances of the topology (e.g. SQLBE01.contoso.com\\RTC)'),
  /** Backup folders to cross-check against msdb (a backup in msdb whose file is gone, a file msdb does not know). */
  folders: z.array(z.string().min(1)).optional(),
  maxRows: z.number().int().min(1).max(100_000).optional(),
});

/**
 * sql-history: msdb backup history of the Lync databases on each SQL instance, through the bridge script
 * apps/agent/scripts/sql-history.ps1; optionally cross-checked against the backup files in `folders`.
 */
export const sqlHistoryCollector: Collector = {
  id: 'sql-history',
  description: 'msdb backup history (last full/diff/log, sizes, LSNs, devices, copy-only, checksums) per Lync database, cross-checked with the files.',
  async run(raw, ctx) {
    const cfg = checkCollectorConfig('sql-history', Config, raw);
    const observations: Observation[] = [];
    const runFindings: Finding[] = [];
    const history: HistoryBackup[] = [];
    const perDb = new Map<string, Finding[]>();
    for (const inst of cfg.instances) {
      const args: Record<string, string | number> = { SqlInstance: inst.instance };
      if ('databases' in inst && inst.databases) args.Databases = inst.databases.join(',');
      if ('days' in inst && inst.days) args.Days = inst.days;
      if (cfg.maxRows) args.MaxRows = cfg.maxRows;
      try {
        const n = normaliseSqlHistory(await ctx.bridge.run('sql-history.ps1', args), inst.instance);
        history.push(...n.backups);
        runFindings.push(...n.findings);
      } catch (e) {
        runFindings.push(bridgeFailure('msdb backup history', inst.instance, e));
      }
    }
    const key = (server: string, db: string) => `${server.toLowerCase()}\u0000${db.toLowerCase()}`;
    if (cfg.folders?.length) {
      const { files } = await findBackupFiles(cfg.folders, process.cwd());
      const scanned = await scanFiles(files, { onProgress: (done, total) => ctx.progress?.('backup headers read', done, total) });
      const onDisk = scanned.flatMap((s) => (s.header ? [{ path: s.path, database: s.header.database, server: s.header.server, backupSetGuid: s.header.backupSetGuid, start: s.header.start }] : []));
      const byFile = new Map(onDisk.map((f) => [f.path, f]));
      for (const f of crossCheckHistory(history, onDisk)) {
        const file = f.file ? byFile.get(f.file) : undefined;
        const owner = file ? key(file.server, file.database) : history.find((h) => f.file && h.devices.includes(f.file));
        const k = typeof owner === 'string' ? owner : owner ? key(owner.server, owner.database) : null;
        if (k) perDb.set(k, (perDb.get(k) ?? []).concat(toFinding(f)));
        else runFindings.push(toFinding(f));
      }
    }
    for (const d of summariseHistory(history)) {
      const findings = [...d.findings, ...(perDb.get(key(d.server, d.database)) ?? [])];
      const { findings: _omit, ...data } = d;
      observations.push({
        kind: 'sql-history',
        subject: `${d.server}/${d.database}`,
        lastGood: zonedOrNull(latest([d.lastFull?.finish, d.lastDiff?.finish, d.lastLog?.finish])),
        ok: findings.every((f) => f.severity !== 'error'),
        findings,
        data: data as unknown as Record<string, unknown>,
      });
    }
    return { ok: observations.every((o) => o.ok) && runFindings.every((f) => f.severity !== 'error'), observations, findings: runFindings };
  },
};
