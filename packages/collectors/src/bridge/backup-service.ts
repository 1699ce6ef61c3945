import { z } from 'zod';
import type { Finding, Observation } from '@lyncdr/protocol';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { asList, pick, text } from './shape';
import { bridgeFailure } from './failure';
import { reportedProduct } from './product';

/**
 * State vocabulary of Get-CsBackupServiceStatus BackupModules (REFERENCE §d.4; names from the jenstr blog and
 * fixtures/cmdlet-output, lync-server-2013-configuring-and-monitoring-the-backup-service.md for steady/final).
 */
export const exportStates = ['FinalState', 'SteadyState', 'NonSteadyState', 'NotInitialized', 'ErrorState'] as const;
export const importStates = ['NormalState', 'ErrorState'] as const;
const healthyExport = new Set(['FinalState', 'SteadyState']);

export interface BackupModuleState {
  identity: string;
  exportStatus: string | null;
  importStatus: string | null;
  healthy: boolean;
}

const Config = z.object({
  pools: z.array(z.string().min(1)).min(1, 'list the paired Front End pools (FQDNs) to check'),
  /** The pool that holds the active CMS master: only there must CentralMgmt.CMSMaster have exported. */
  cmsMasterPool: z.string().nullable().default(null),
  relationships: z.boolean().default(true),
});

/** Normalises one pool's status (our script's shape or the raw cmdlet object) and applies the REFERENCE §d.4 health rule. */
export function normaliseBackupStatus(pool: string, raw: unknown, cmsMasterPool: string | null): { modules: BackupModuleState[]; overall: Record<string, string | null>; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows = asList(raw);
  const root = rows[0] ?? null;
  // Our script prints { backupModules: [...] }; a raw `$status.BackupModules | ConvertTo-Json` prints the modules.
  const bare = rows.length > 0 && rows.every((r) => pick(r, 'Identity') !== undefined && pick(r, 'ExportStatus') !== undefined);
  const list = bare ? rows : asList(pick(root, 'backupModules', 'BackupModules'));
  if (!root || !list.length) {
    findings.push({ code: 'BACKUP_STATUS_SHAPE', message: `${pool}: Get-CsBackupServiceStatus returned no BackupModules collection (got ${describe(raw)}); check the output on the server`, path: null, severity: 'warning' });
  }
  // OverallExportStatus / OverallImportStatus are unconfirmed (REFERENCE §i.1): kept when present, never required.
  const overall = { overallExportStatus: text(pick(root, 'OverallExportStatus')), overallImportStatus: text(pick(root, 'OverallImportStatus')) };
  const modules: BackupModuleState[] = [];
  for (const m of list) {
    const identity = text(pick(m, 'identity', 'Identity')) ?? '(no identity)';
    const exportStatus = text(pick(m, 'exportStatus', 'ExportStatus'));
    const importStatus = text(pick(m, 'importStatus', 'ImportStatus'));
    for (const [side, v, known] of [['export', exportStatus, exportStates], ['import', importStatus, importStates]] as const) {
      if (v !== null && !(known as readonly string[]).includes(v)) {
        findings.push({ code: 'BACKUP_STATE_UNKNOWN', message: `${pool} ${identity}: ${side} state "${v}" is not in the documented vocabulary (${known.join(', ')}); verify on the server`, path: null, severity: 'warning' });
      }
    }
    const isCmsOnOtherPool = identity === 'CentralMgmt.CMSMaster' && (!cmsMasterPool || cmsMasterPool.toLowerCase() !== pool.toLowerCase());
    const exportOk = exportStatus !== null && (healthyExport.has(exportStatus) || (exportStatus === 'NotInitialized' && isCmsOnOtherPool));
    const importOk = importStatus === 'NormalState';
    if (!exportOk) findings.push({ code: exportStatus === 'NonSteadyState' ? 'BACKUP_BACKLOG' : 'BACKUP_EXPORT_STATE', message: `${pool} → partner, ${identity}: export state ${exportStatus ?? 'missing'} (healthy: SteadyState or FinalState)`, path: null, severity: 'error' });
    if (!importOk) findings.push({ code: 'BACKUP_IMPORT_STATE', message: `partner → ${pool}, ${identity}: import state ${importStatus ?? 'missing'} (healthy: NormalState)`, path: null, severity: 'error' });
    modules.push({ identity, exportStatus, importStatus, healthy: exportOk && importOk });
  }
  return { modules, overall, findings };
}

export const backupServiceCollector: Collector = {
  id: 'backup-service',
  description: 'Get-CsBackupServiceStatus and Get-CsPoolBackupRelationship for each paired pool (both directions).',
  async run(raw, ctx) {
    const cfg = checkCollectorConfig('backup-service', Config, raw);
    const observations: Observation[] = [];
    for (const pool of cfg.pools) {
      const data: Record<string, unknown> = {};
      let findings: Finding[] = [];
      // The version the scripts report (their management shell module), kept for the planner (docs/agent.md).
      let product: ReturnType<typeof reportedProduct> = null;
      try {
        const out = await ctx.bridge.run('backup-service-status.ps1', { PoolFqdn: pool });
        product = reportedProduct(out);
        const status = normaliseBackupStatus(pool, out, cfg.cmsMasterPool);
        data.modules = status.modules;
        data.overall = status.overall;
        findings = status.findings;
      } catch (e) {
        findings.push(bridgeFailure('Get-CsBackupServiceStatus', pool, e));
      }
      if (cfg.relationships) {
        try {
          // BackupRelation's fields are unconfirmed (REFERENCE §d.4, §i.1): kept verbatim for the planner.
          const out = await ctx.bridge.run('pool-backup-relationship.ps1', { PoolFqdn: pool });
          product ??= reportedProduct(out);
          const rel = asList(pick(asList(out)[0] ?? null, 'relationships') ?? null);
          data.relationships = rel;
          if (!rel.length) findings.push({ code: 'BACKUP_RELATIONSHIP_SHAPE', message: `${pool}: Get-CsPoolBackupRelationship returned nothing recognisable; is the pool paired?`, path: null, severity: 'warning' });
        } catch (e) {
          findings.push(bridgeFailure('Get-CsPoolBackupRelationship', pool, e));
        }
      }
      if (product) data.product = product;
      const ok = findings.every((f) => f.severity !== 'error');
      observations.push({ kind: 'backup-service', subject: pool, ok, lastGood: ok ? ctx.now().toISOString() : null, findings, data });
    }
    return { ok: observations.every((o) => o.ok), observations, findings: [] };
  },
};

export function describe(raw: unknown): string {
  if (raw === null || raw === undefined) return 'nothing';
  if (Array.isArray(raw)) return `an array of ${raw.length}`;
  if (typeof raw === 'object') return `an object with ${Object.keys(raw).slice(0, 6).join(', ') || 'no properties'}`;
  return typeof raw;
}
