import type { StatusEntry } from '@lyncdr/protocol';
import type { DocumentsDrift } from './compare';

/** The status item of the printed documents. */
export const STALE_ITEM = 'documents:stale';

/** How many changes and documents a reason names before it says "+N more". */
const SHOWN = 8;

const some = (xs: string[]) => ({ shown: xs.slice(0, SHOWN), more: Math.max(0, xs.length - SHOWN) });
const words = (xs: string[], more: number) => xs.join('; ') + (more ? ` (+${more} more)` : '');

/** "worksheet all (en, pdf)": a generated document in words. */
export const documentWords = (d: { kind: string; name: string; lang: string; format: string }) => `${d.kind} ${d.name} (${d.lang}, ${d.format})`;

/**
 * The `documents:stale` status entry: late while a printed document (or the deployment the planner serves) no longer
 * matches the topology of the newest CMS export, ok when all match; none while there is nothing to compare (no export
 * and no document generated yet).
 */
export function staleEntry(d: DocumentsDrift, now: Date): StatusEntry | null {
  if (!d.export && !d.documents.length) return null;
  const base = { itemId: STALE_ITEM, lastGood: null, ageSeconds: null };
  if (d.unknown) return { ...base, status: 'unknown', reason: d.unknown, reasonCode: 'documents.unknown', reasonParams: {} };
  const reprint = d.documents.filter((x) => x.stale).map(documentWords);
  if (!d.stale) {
    const reason = d.export
      ? `the printed documents and the deployment match the newest CMS export (${d.export.file ?? 'reported'} at ${d.export.observedAt})`
      : 'the printed documents match the deployment the planner serves';
    return { ...base, status: 'ok', reason, reasonCode: 'documents.current', reasonParams: { file: d.export?.file ?? null, at: d.export?.observedAt ?? null } };
  }
  const changes = d.changes.length ? d.changes : d.deploymentDiffers ? ['the topology differs in versions, HA types or other details the fingerprint covers'] : [];
  const c = some(changes), r = some(reprint);
  const parts = ['printed documents are stale'];
  if (d.deploymentDiffers) parts.push(`the newest CMS export (${d.export?.file ?? 'reported'} at ${d.export?.observedAt ?? now.toISOString()}) differs from the deployment the planner serves: ${words(c.shown, c.more)}`);
  else if (d.export) parts.push('they were made from another topology than the newest CMS export\'s');
  else parts.push('they were made from another topology than the deployment the planner serves');
  parts.push(reprint.length ? `print again: ${words(r.shown, r.more)}` : 'print the documents again once the planner serves the new topology');
  return {
    ...base, status: 'late', reason: parts.join('; '), reasonCode: 'documents.stale',
    reasonParams: { file: d.export?.file ?? null, at: d.export?.observedAt ?? null, differs: d.deploymentDiffers, changes: c.shown, moreChanges: c.more, documents: r.shown, more: r.more },
  };
}
