import { LyncdrError } from '@lyncdr/errors';
import type { GeneratedDocument } from '@lyncdr/store';
import { applyOverlay, topologyFingerprint, type Topology } from '@lyncdr/topology';
import { topologyChangesInWords } from '../topology-diff';

/** The newest CMS export an agent reported (the exports collector's `export:configuration` observation). */
export interface ReportedExport {
  file: string | null;
  observedAt: string;
  agent: string;
  /** Fingerprint of the export's topology as parsed by the agent (without the overlay). */
  fingerprint: string | null;
  /** The parsed model without its findings; absent when it was too large to send. */
  model: Omit<Topology, 'findings'> | null;
}

export interface StaleDocument extends GeneratedDocument {
  /** Made from another topology than the one the newest export (or, without an export, the deployment) holds. */
  stale: boolean;
}

export interface DocumentsDrift {
  export: { file: string | null; observedAt: string; agent: string; fingerprint: string | null } | null;
  /** Fingerprint of the deployment the planner serves (its topology, overlay and the versions agents reported). */
  deploymentFingerprint: string | null;
  /** Fingerprint of the newest export's topology seen through the same overlay and agent versions; null when unknown. */
  exportFingerprint: string | null;
  /** The deployment the planner serves is not the one in the newest export. */
  deploymentDiffers: boolean;
  /** What changed from the deployment the planner serves to the newest export, in words. */
  changes: string[];
  /** The newest generated document of each kind, name and language. */
  documents: StaleDocument[];
  /** Something printed (or served) no longer matches the newest export. */
  stale: boolean;
  /** Why nothing could be compared, when so. */
  unknown: string | null;
}

/**
 * The export's topology as the planner would serve it: the deployment's overlay applied (pairs, mirrors, routes and
 * targets are not in the XML) and the same agent-reported versions, so that an unchanged deployment gives the same
 * fingerprint. An overlay that no longer fits the export (it names a pool the export lost) is itself a difference:
 * the export is then compared as it is.
 */
export function asServed(model: Omit<Topology, 'findings'>, deployment: Topology, withAgents: (t: Topology) => Topology): Topology {
  const bare: Topology = { ...model, findings: [] };
  let overlaid = bare;
  if (deployment.overlay) {
    try {
      overlaid = applyOverlay(bare, deployment.overlay);
    } catch (e) {
      if (!(e instanceof LyncdrError)) throw e;
    }
  }
  return withAgents(overlaid);
}

/**
 * Compares the newest CMS export with the deployment the planner serves and with the documents it generated last.
 * `deployment` is the served topology (with the agents' versions, as the documents are made from it).
 */
export function compareDocuments(o: {
  deployment: Topology | null;
  reported: ReportedExport | null;
  documents: readonly GeneratedDocument[];
  withAgents: (t: Topology) => Topology;
}): DocumentsDrift {
  const deploymentFingerprint = o.deployment ? topologyFingerprint(o.deployment) : null;
  const exp = o.reported ? { file: o.reported.file, observedAt: o.reported.observedAt, agent: o.reported.agent, fingerprint: o.reported.fingerprint } : null;
  let exportTopology: Topology | null = null;
  let unknown: string | null = null;
  if (o.reported && o.deployment) {
    if (o.reported.model) exportTopology = asServed(o.reported.model, o.deployment, o.withAgents);
    else unknown = 'the newest CMS export\'s topology was too large to send; compare its fingerprint by eye';
  }
  const exportFingerprint = exportTopology ? topologyFingerprint(exportTopology) : null;
  const deploymentDiffers = exportFingerprint !== null && exportFingerprint !== deploymentFingerprint;
  const changes = deploymentDiffers && o.deployment && exportTopology ? topologyChangesInWords(o.deployment, exportTopology) : [];
  // Printed documents are judged against the newest export when there is one, else against the deployment served.
  const reference = exportFingerprint ?? (unknown ? null : deploymentFingerprint);
  const documents = o.documents.map((d) => ({ ...d, stale: reference !== null && d.fingerprint !== reference }));
  return {
    export: exp, deploymentFingerprint, exportFingerprint, deploymentDiffers, changes, documents,
    stale: deploymentDiffers || documents.some((d) => d.stale), unknown,
  };
}
