import { LyncdrError } from '@lyncdr/errors';
import type { Document, Paper } from '@lyncdr/documents';

export type Format = 'pdf' | 'md' | 'html';

export interface RenderOptions {
  format: Format;
  paper?: Paper;
}

/** Renders one Document: PDF bytes, or Markdown / HTML text. */
export async function renderDocument(_doc: Document, opts: RenderOptions): Promise<Uint8Array | string> {
  throw new LyncdrError('E_NOT_IMPLEMENTED', `rendering to ${opts.format} is not implemented yet`);
}
