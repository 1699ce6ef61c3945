import { buildInventory } from '@lyncdr/domain';
import { buildWorksheet, findRunbook, worksheetKinds, type Lang, type PlannerLink, type WorksheetKind } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import type { StatusSnapshot } from '@lyncdr/protocol';
import { renderDocument, type Format } from '@lyncdr/render';
import { topologyFingerprint, type Topology } from '@lyncdr/topology';
import { VERSION } from '../version';
import type { DocumentBuilder } from './api';

const contentTypes: Record<Format, string> = { pdf: 'application/pdf', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' };

function oneOf<T extends string>(value: string | null, allowed: readonly T[], name: string, dflt: T): T {
  if (value === null) return dflt;
  if (!(allowed as readonly string[]).includes(value)) throw new LyncdrError('E_USAGE', `${name}=${value} is not one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Documents on demand: `/api/documents/worksheet?kind=all&lang=en&format=pdf` (filled with the current status) and
 * `/api/documents/runbook?procedure=<id>&pool=<fqdn>&lang=en&format=pdf`.
 */
export function createDocumentBuilder(deps: {
  topology: () => Topology | null;
  snapshot: () => StatusSnapshot;
  now: () => Date;
  /** This planner and its peers, printed under the title (planner.yaml self: and peers:); none when absent. */
  planners?: () => PlannerLink[];
}): DocumentBuilder {
  return async (kind, q) => {
    const topology = deps.topology();
    if (!topology) throw new LyncdrError('E_NO_TOPOLOGY', 'no topology loaded; start the planner with --topology');
    const format = oneOf(q.get('format'), ['pdf', 'md', 'html'] as const, 'format', 'pdf');
    const lang = oneOf(q.get('lang'), ['en', 'fr'] as const, 'lang', (topology.overlay?.language as Lang | undefined) ?? 'en');
    const now = deps.now().toISOString();
    // The revision block: the fingerprint of the topology the document is built from, this planner's version, and the
    // planners that watch the deployment (where to look on the day).
    const revision = { fingerprint: topologyFingerprint(topology), version: VERSION, planners: deps.planners?.() ?? null };
    let doc;
    if (kind === 'worksheet') {
      const wk = oneOf(q.get('kind'), ['all', ...worksheetKinds] as const, 'kind', 'all') as WorksheetKind | 'all';
      doc = buildWorksheet(wk, topology, buildInventory(topology), { lang, now, inputRevision: null, ...revision, status: deps.snapshot() });
    } else if (kind === 'runbook') {
      const spec = findRunbook(q.get('procedure') ?? '');
      if (!spec) throw new LyncdrError('E_USAGE', `no runbook "${q.get('procedure') ?? ''}"; see lyncdr runbook --help for the procedures`);
      const opts = { lang, pools: q.getAll('pool'), now, inputRevision: null, ...revision };
      const why = spec.applies(topology, opts);
      if (why) throw new LyncdrError('E_RUNBOOK_APPLIES', `runbook ${spec.id} does not apply: ${why}`);
      doc = spec.build(topology, opts);
    } else {
      throw new LyncdrError('E_USAGE', `no document kind "${kind}"; use worksheet or runbook`);
    }
    return { contentType: contentTypes[format], body: await renderDocument(doc, { format }) };
  };
}
