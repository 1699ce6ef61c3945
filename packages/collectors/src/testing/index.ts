/** Test support for other packages' tests: build zips and CMS exports on disk without depending on fflate directly. */
import { strToU8, zipSync } from 'fflate';
export { cmsExportZip, miniTopologyXml, type MiniPool } from './cms-zip';

/** A zip of the given entries (text or bytes). */
export function makeZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
}
