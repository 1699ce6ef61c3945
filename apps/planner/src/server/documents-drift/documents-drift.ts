import type { StatusEntry } from '@lyncdr/protocol';
import type { Store, StoredObservation } from '@lyncdr/store';
import { topologyFingerprint, type Topology } from '@lyncdr/topology';
import { agentProductsOf, createAgentProducts, type ServedDocument } from '../../dashboard/plan-routes';
import { sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import type { Judged } from '../evaluator';
import type { DocumentBuilder } from '../http/api';
import { compareDocuments, type DocumentsDrift, type ReportedExport } from './compare';
import { STALE_ITEM, staleEntry } from './stale-entry';

export interface DocumentsDriftService {
  /** Records a document the planner served with the fingerprint of its topology. */
  record(d: ServedDocument): void;
  /** Wraps the worksheet and runbook builder so each document it serves is recorded. */
  recording(builder: DocumentBuilder | null): DocumentBuilder | null;
  /** The `documents:stale` entry judged beside the backup items (the evaluator's `more`, with the observations it read). */
  entries(now: Date, judged: Pick<Judged, 'observations'>): StatusEntry[];
  /** The comparison as the Documents view shows it. */
  compare(): DocumentsDrift;
  /** `GET /api/stale-documents`. */
  routes: Route[];
}

/** The newest `export:configuration` observation that carries a topology fingerprint. */
export function newestExport(observations: readonly StoredObservation[]): ReportedExport | null {
  let best: StoredObservation | null = null;
  for (const o of observations) {
    if (o.observation.kind !== 'export' || o.observation.subject !== 'export:configuration') continue;
    if (typeof o.observation.data.topologyFingerprint !== 'string') continue;
    if (!best || o.observedAt > best.observedAt) best = o;
  }
  if (!best) return null;
  const data = best.observation.data;
  const model = data.topology && typeof data.topology === 'object' ? (data.topology as ReportedExport['model']) : null;
  return { file: typeof data.topologyFile === 'string' ? data.topologyFile : null, observedAt: best.observedAt, agent: best.agentId, fingerprint: data.topologyFingerprint as string, model };
}

/**
 * Printed documents against the newest CMS export: every document served is recorded with its topology fingerprint;
 * on each evaluation the topology of the newest `Export-CsConfiguration` export an agent reported is compared with the
 * deployment the planner serves and with the documents generated last (docs/planner.md "Stale documents").
 */
export function createDocumentsDrift(d: { store: Store; now: () => Date }): DocumentsDriftService {
  const withAgents = createAgentProducts(d.store);
  let parsed: { version: number; topology: Topology } | null = null;
  // The deployment the planner serves: its newest topology version (parsed once per version), with the agents' versions.
  const served = (): Topology | null => {
    const v = d.store.latestTopology();
    if (!v) return null;
    if (parsed?.version !== v.version) parsed = { version: v.version, topology: JSON.parse(v.json) as Topology };
    return withAgents(parsed.topology);
  };
  // Worked out again only after a new export, a document or a new topology version (evaluations come often).
  let recorded = 0;
  let shown = false;
  let wasShown: boolean | null = null;
  let cached: { key: string; drift: DocumentsDrift } | null = null;
  const compare = (observations: readonly StoredObservation[] = d.store.latestObservations()): DocumentsDrift => {
    const reported = newestExport(observations);
    // The versions agents report change the deployment served (and so its fingerprint): part of the key too.
    const products = [...agentProductsOf(observations)].map(([pool, p]) => `${pool}=${p.product}`).sort().join(',');
    const key = `${reported?.observedAt ?? ''}|${reported?.fingerprint ?? ''}|${products}|${recorded}|${d.store.listTopologies(1)[0]?.version ?? 0}`;
    if (cached?.key !== key) {
      const documents = d.store.lastDocuments();
      // Nothing printed and no export: the deployment need not be worked out (the common case between reports).
      const deployment = reported || documents.length ? served() : null;
      cached = { key, drift: compareDocuments({ deployment, reported, documents, withAgents }) };
    }
    return cached.drift;
  };
  const record = (doc: ServedDocument) => {
    d.store.recordDocument({ at: d.now().toISOString(), kind: doc.kind, name: doc.name, lang: doc.lang, format: doc.format, fingerprint: topologyFingerprint(doc.topology) });
    recorded++;
  };
  return {
    record,
    recording(builder) {
      if (!builder) return null;
      return async (kind, q) => {
        const out = await builder(kind, q);
        const t = served();
        if (t) {
          const name = kind === 'worksheet' ? q.get('kind') ?? 'all' : [q.get('procedure') ?? '', ...q.getAll('pool')].join(' ');
          const lang = q.get('lang') ?? t.overlay?.language ?? 'en';
          record({ kind, name, lang, format: q.get('format') ?? 'pdf', topology: t });
        }
        return out;
      };
    },
    entries(now, judged) {
      // Judged from the first CMS export or stale document on (then always, so a recovery is seen); a deployment that
      // cannot be compared (a topology this planner cannot read) leaves the item out rather than stop the evaluation.
      try {
        const drift = compare(judged.observations);
        // Read once: an item the planner already judged (before a restart) goes on being judged.
        wasShown ??= d.store.currentStatus().some((x) => x.itemId === STALE_ITEM);
        shown ||= wasShown || drift.export !== null || drift.stale;
        const e = shown ? staleEntry(drift, now) : null;
        return e ? [e] : [];
      } catch {
        return [];
      }
    },
    compare: () => compare(),
    routes: [{ method: 'GET', path: '/api/stale-documents', role: 'read', handle: ({ res }) => sendJson(res, 200, compare()) }],
  };
}
