import type { Block, DocumentMeta, Inline, PlannerLink } from '../model';
import { textFor } from '../text/index';

/** What every worksheet, runbook and plan builder takes besides `inputRevision` to fill the revision block. */
export interface RevisionOptions {
  /** Topology fingerprint (`topologyFingerprint` in @lyncdr/topology), full SHA-256 hex; null when not known. */
  fingerprint?: string | null;
  /** lyncdr version that generates the document. */
  version?: string | null;
  /** The planners that watch the deployment, the one that makes the document first (none offline). */
  planners?: readonly PlannerLink[] | null;
}

/** The two meta fields the revision block prints, from the builder's options. */
export function revisionMeta(opts: RevisionOptions): Pick<DocumentMeta, 'fingerprint' | 'version' | 'planners'> {
  return { fingerprint: opts.fingerprint ?? null, version: opts.version ?? null, ...(opts.planners?.length ? { planners: [...opts.planners] } : {}) };
}

/** `paris https://lyncdr-paris.contoso.example (this planner)`: one planner in words. */
export function plannerWords(p: PlannerLink, thisOne: string): string {
  return [p.name, p.url, p.self ? `(${thisOne})` : null].filter(Boolean).join(' ');
}

/**
 * The revision block closing every generated document: topology fingerprint, lyncdr version, generation time and
 * input revision, under a short note saying what to do when the live deployment's fingerprint differs. A value that
 * is not known prints as a dash.
 */
export function revisionBlocks(meta: DocumentMeta): Block[] {
  const t = textFor(meta.lang).revision;
  const code = (s: string | null | undefined): Inline => (s ? { text: s, style: 'code' } : '—');
  return [
    { type: 'heading', level: 2, text: t.title, id: 'revision' },
    { type: 'paragraph', text: [t.intro[0], { text: 'lyncdr topology show', style: 'code' }, t.intro[1]], tone: 'note' },
    {
      type: 'keyvalue',
      pairs: [
        [t.fingerprint, code(meta.fingerprint)],
        [t.version, meta.version ?? '—'],
        [t.generated, formatTime(meta.generatedAt)],
        [t.inputRevision, code(meta.inputRevision)],
        ...(meta.planners?.length ? [[t.planners, meta.planners.map((p) => plannerWords(p, t.thisPlanner)).join(' · ')] as [string, string]] : []),
      ],
    },
  ];
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
