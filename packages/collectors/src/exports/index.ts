import { z } from 'zod';
import type { Finding, Observation } from '@lyncdr/protocol';
import { diffTopologies, parseTopologyDocument, topologyFingerprint, type Topology } from '@lyncdr/topology';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { discoverExports } from './discover';
import { exportCmdlet, exportKinds, type ExportKind } from './kinds';
import { verifyExport, type ExportFileResult, type ParseTopology } from './verify-export';

export { verifyExport, kindFromName, type ExportFileResult, type ParseTopology, type VerifyExportOptions } from './verify-export';
export { exportKinds, exportCmdlet, defaultPatterns, matchesPattern, rootElement, type ExportKind } from './kinds';

const ExportsConfig = z.object({
  folders: z.array(z.string().min(1)).min(1, 'list the backup folders that hold the export zips'),
  patterns: z.partialRecord(z.enum(exportKinds), z.array(z.string().min(1))).default({}),
  /** Kinds that must be present; a missing one is a finding. */
  expect: z.array(z.enum(exportKinds)).default(['configuration']),
  /** How many of the newest files of each kind to open and check on each run. */
  checkNewest: z.number().int().min(1).max(50).default(2),
  maxDepth: z.number().int().min(0).max(8).default(2),
});

/** Builds the exports collector; the topology parser is injectable for tests. */
export function createExportsCollector(parseTopology: ParseTopology = (b, file) => parseTopologyDocument(b, { file })): Collector {
  return {
    id: 'exports',
    description: 'Finds and checks Export-CsConfiguration, -CsLisConfiguration, -CsUserData, -CsRgsConfiguration and -CsPersistentChatData zips.',
    async run(raw, ctx) {
      const cfg = checkCollectorConfig('exports', ExportsConfig, raw);
      const findings: Finding[] = [];
      const candidates = await discoverExports(cfg.folders, cfg.patterns, cfg.maxDepth, (f) => findings.push(f));
      const observations: Observation[] = [];
      for (const kind of exportKinds) {
        const mine = candidates.filter((c) => c.kind === kind).slice(0, cfg.checkNewest);
        if (!mine.length && !cfg.expect.includes(kind)) continue;
        const results: ExportFileResult[] = [];
        for (const c of mine) {
          ctx.progress?.(`checking ${c.file}`);
          results.push(await verifyExport(c.file, { parseTopology, expect: kind, patterns: cfg.patterns }));
        }
        observations.push(observe(kind, results));
      }
      return { ok: findings.length === 0 && observations.every((o) => o.ok), observations, findings };
    },
  };
}

function observe(kind: ExportKind, results: ExportFileResult[]): Observation {
  const good = results.filter((r) => r.ok);
  const findings = results.flatMap((r) => r.findings);
  if (!results.length) {
    findings.push({ code: 'EXPORT_NONE_FOUND', message: `no ${exportCmdlet[kind]} zip was found in the backup folders`, path: null, severity: 'error' });
  }
  const data: Record<string, unknown> = {
    cmdlet: exportCmdlet[kind],
    files: results.map((r) => ({ file: r.file, ok: r.ok, bytes: r.bytes, modified: r.modified, confirmedBy: r.confirmedBy, documents: r.documents.slice(0, 50) })),
  };
  if (kind === 'configuration') {
    const withTopology = good.filter((r) => r.topology);
    const newest = withTopology[0]?.topology;
    if (newest) {
      data.pools = newest.pools.map((p) => p.fqdn);
      // What the planner compares with the deployment it serves and with the documents it printed (docs/planner.md).
      data.topologyFingerprint = topologyFingerprint(newest);
      data.topologyFile = withTopology[0]?.file ?? null;
      const model = modelForPlanner(newest);
      if (model) data.topology = model;
    }
    const older = withTopology[1]?.topology;
    if (newest && older) data.changesSincePrevious = diffTopologies(older, newest);
  }
  return {
    kind: 'export',
    subject: `export:${kind}`,
    lastGood: good[0]?.modified ?? null,
    ok: good.length > 0 && results[0]?.ok === true,
    findings,
    data,
  };
}

/** Largest topology model (as JSON) sent with an observation; a bigger one is sent as its fingerprint only. */
export const MAX_TOPOLOGY_JSON = 1024 * 1024;

/** The parsed model without its findings (the planner works them out again), or null when it is too large to send. */
function modelForPlanner(t: Topology): Omit<Topology, 'findings'> | null {
  const { findings: _findings, ...model } = t;
  return JSON.stringify(model).length <= MAX_TOPOLOGY_JSON ? model : null;
}

export const exportsCollector = createExportsCollector();
