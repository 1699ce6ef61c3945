import { createHash } from 'node:crypto';
import type { Document } from '@lyncdr/documents';

/** Prefix of the document's SHA-256 in the PDF Keywords (`lyncdr-sha256:<hex>`). */
export const DOCUMENT_HASH_KEYWORD = 'lyncdr-sha256:';

/**
 * SHA-256 (hex) of the document model: the canonical JSON of the whole Document (meta and blocks, object keys
 * sorted, `undefined` members left out). The same content gives the same hash whatever the output format, so the hash
 * in a PDF's metadata can be checked against the Document the planner or the CLI builds again.
 */
export function documentSha256(doc: Document): string {
  return createHash('sha256').update(canonical(doc)).digest('hex');
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
