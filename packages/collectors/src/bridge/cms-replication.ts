import { z } from 'zod';
import type { Finding, Observation } from '@lyncdr/protocol';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { describe } from './backup-service';
import { bridgeFailure } from './failure';
import { productField, reportedProduct } from './product';
import { asList, bool, date, pick, text } from './shape';

export interface ReplicaState {
  replicaFqdn: string;
  upToDate: boolean | null;
  lastStatusReport: string | null;
  lastUpdateCreation: string | null;
  productVersion: string | null;
}

const Config = z.object({
  /** A replica whose last status report is older than this is stale even when UpToDate says True. */
  staleMinutes: z.number().int().positive().default(60),
});

/**
 * Normalises Get-CsManagementStoreReplicationStatus output (ReplicaState objects: ReplicaFqdn, UpToDate,
 * LastUpdateCreation per cmdlets/Get-CsManagementStoreReplicationStatus.md; LastStatusReport and ProductVersion read
 * when present).
 */
export function normaliseReplication(raw: unknown): { replicas: ReplicaState[]; findings: Finding[] } {
  const root = asList(raw)[0];
  const list = asList(root && pick(root, 'replicas') !== undefined ? pick(root, 'replicas') : raw);
  const findings: Finding[] = [];
  const replicas: ReplicaState[] = [];
  for (const r of list) {
    const replicaFqdn = text(pick(r, 'replicaFqdn', 'ReplicaFqdn'));
    if (!replicaFqdn) {
      findings.push({ code: 'CMS_REPLICA_SHAPE', message: `a replica record has no ReplicaFqdn (${describe(r)}); verify the output on the server`, path: null, severity: 'warning' });
      continue;
    }
    replicas.push({
      replicaFqdn,
      upToDate: bool(pick(r, 'upToDate', 'UpToDate')),
      lastStatusReport: date(pick(r, 'lastStatusReport', 'LastStatusReport')),
      lastUpdateCreation: date(pick(r, 'lastUpdateCreation', 'LastUpdateCreation')),
      productVersion: text(pick(r, 'productVersion', 'ProductVersion')),
    });
  }
  if (!replicas.length) findings.push({ code: 'CMS_REPLICA_SHAPE', message: `Get-CsManagementStoreReplicationStatus returned no replicas (got ${describe(raw)})`, path: null, severity: 'warning' });
  return { replicas, findings };
}

export const cmsReplicationCollector: Collector = {
  id: 'cms-replication',
  description: 'Get-CsManagementStoreReplicationStatus: is every replica of the Central Management store up to date?',
  async run(raw, ctx) {
    const cfg = checkCollectorConfig('cms-replication', Config, raw);
    let result: { replicas: ReplicaState[]; findings: Finding[] };
    let product: ReturnType<typeof reportedProduct> = null;
    try {
      const out = await ctx.bridge.run('cms-replication-status.ps1', {});
      product = reportedProduct(out);
      result = normaliseReplication(out);
    } catch (e) {
      result = { replicas: [], findings: [bridgeFailure('Get-CsManagementStoreReplicationStatus', 'the Central Management store', e)] };
    }
    const now = ctx.now().getTime();
    for (const r of result.replicas) {
      if (r.upToDate === false) {
        result.findings.push({ code: 'CMS_REPLICA_BEHIND', message: `${r.replicaFqdn}: UpToDate is False (last update created ${r.lastUpdateCreation ?? 'TBD'})`, path: null, severity: 'error' });
      } else if (r.upToDate === null) {
        result.findings.push({ code: 'CMS_REPLICA_SHAPE', message: `${r.replicaFqdn}: UpToDate is missing or not a boolean`, path: null, severity: 'warning' });
      }
      if (r.lastStatusReport && now - Date.parse(r.lastStatusReport) > cfg.staleMinutes * 60_000) {
        result.findings.push({ code: 'CMS_REPLICA_STALE', message: `${r.replicaFqdn}: last status report ${r.lastStatusReport} is older than ${cfg.staleMinutes} minutes`, path: null, severity: 'warning' });
      }
    }
    const ok = result.findings.every((f) => f.severity !== 'error') && result.replicas.length > 0;
    const obs: Observation = { kind: 'cms-replication', subject: 'cms', ok, lastGood: ok ? ctx.now().toISOString() : null, findings: result.findings, data: { replicas: result.replicas, ...productField(product) } };
    return { ok, observations: [obs], findings: [] };
  },
};
