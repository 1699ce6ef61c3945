import { isKnownProduct, type KnownProduct } from '@lyncdr/topology';
import { asList, pick, text } from './shape';

/**
 * The product version a Lync bridge script printed (`product`: lync2013, sfb2015 or sfb2019, from the management shell
 * module it loaded; docs/agent.md). Anything else, or output without it (a raw cmdlet capture), gives null: the value
 * is dropped, never an error.
 */
export function reportedProduct(raw: unknown): KnownProduct | null {
  if (Array.isArray(raw)) return null;
  const v = text(pick(asList(raw)[0], 'product'));
  return v !== null && isKnownProduct(v) ? v : null;
}

/** `{ product }` when a version is known, else nothing: spread into an observation's data. */
export function productField(p: KnownProduct | null | undefined): { product?: KnownProduct } {
  return p ? { product: p } : {};
}
