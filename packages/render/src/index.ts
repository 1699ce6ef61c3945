import { LyncdrError } from '@lyncdr/errors';
import type { Document, Paper } from '@lyncdr/documents';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf/render-pdf';

export type Format = 'pdf' | 'md' | 'html';

export const formats: readonly Format[] = ['pdf', 'md', 'html'];

export interface RenderOptions {
  format: Format;
  paper?: Paper;
}

/** Renders one Document: PDF bytes, or Markdown / HTML text. */
export async function renderDocument(doc: Document, opts: RenderOptions): Promise<Uint8Array | string> {
  switch (opts.format) {
    case 'pdf':
      return renderPdf(doc, opts.paper ?? 'a4');
    case 'md':
      return renderMarkdown(doc);
    case 'html':
      return renderHtml(doc, opts.paper ?? 'a4');
    default:
      throw new LyncdrError('E_USAGE', `unknown format "${String(opts.format)}": use pdf, md or html`);
  }
}

export { renderPdf } from './pdf/render-pdf';
export { renderMarkdown } from './markdown';
export { renderHtml } from './html';
export { writePlainTextPdf } from './pdf/plain-text';
export { documentPlainLines } from './walk-text';
export { DOCUMENT_HASH_KEYWORD, documentSha256 } from './document-hash';
