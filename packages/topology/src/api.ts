import { LyncdrError } from '@lyncdr/errors';
import type { Overlay, Topology } from './model';

/** Detects the format (published XML, .tbxml, CMS export zip) from the bytes and parses it into the model. */
export function parseTopologyDocument(_bytes: Uint8Array, opts: { file: string }): Topology {
  throw new LyncdrError('E_NOT_IMPLEMENTED', `topology parser not implemented yet (${opts.file})`);
}
/** Parses and schema-checks a lyncdr.yaml overlay. */
export function parseOverlay(_text: string, opts: { file: string }): Overlay {
  throw new LyncdrError('E_NOT_IMPLEMENTED', `overlay parser not implemented yet (${opts.file})`);
}
/** Merges an overlay into a topology: overlay values win, conflicts become findings. */
export function applyOverlay(t: Topology, _o: Overlay): Topology {
  return t;
}
/** The `topology show --json` shape of DESIGN §4. */
export function toShowJson(t: Topology): unknown {
  return t;
}
