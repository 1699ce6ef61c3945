import { z } from 'zod';
import type { Finding, Observation } from '@lyncdr/protocol';
import { verifySqlFolders } from '@lyncdr/sql-backup';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { toFinding, zonedOrNull } from './lyncdr-finding';

const Config = z.object({
  folders: z.array(z.string().min(1)).min(1, 'list the folders (or UNC shares) the SQL Server backups are written to'),
});

/**
 * sql-files: reads the headers of the .bak/.trn files in the backup folders (no SQL Server needed) and checks each
 * database's restore chain. One observation per database; unreadable or foreign files are run-level findings.
 */
export const sqlFilesCollector: Collector = {
  id: 'sql-files',
  description: 'Reads SQL Server .bak/.trn headers in the backup folders and checks every restore chain (gaps, missing bases, stripes).',
  async run(raw, ctx) {
    const cfg = checkCollectorConfig('sql-files', Config, raw);
    const report = await verifySqlFolders(cfg.folders, { onProgress: (done, total) => ctx.progress?.('backup headers read', done, total) });
    const observations: Observation[] = report.databases.map((d) => {
      const findings: Finding[] = d.findings.map(toFinding);
      return {
        kind: 'sql-files',
        subject: `${d.server}/${d.name}`,
        lastGood: d.chainOk ? zonedOrNull(d.restorableTo) : null,
        ok: d.chainOk && findings.every((f) => f.severity !== 'error'),
        findings,
        data: {
          server: d.server,
          database: d.name,
          created: d.created,
          lastFull: d.lastFull,
          lastDiff: d.lastDiff,
          lastLog: d.lastLog,
          restorableTo: d.restorableTo,
          chainOk: d.chainOk,
          restoreSequence: d.restoreSequence,
          files: report.files.filter((f) => f.database === d.name && f.server === d.server).length,
        },
      };
    });
    const findings = report.findings.map(toFinding);
    return { ok: observations.every((o) => o.ok) && findings.length === 0, observations, findings };
  },
};
