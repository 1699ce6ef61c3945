import { createHash } from 'node:crypto';
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from './model';
import { buildModel } from './build/build-model';
import { decodeText } from './decode-text';
import { checkTopology } from './findings/check-topology';
import { readXmlTopology } from './read/read-xml-topology';
import { parseXml } from './xml/parse-xml';
import { readZip } from './zip/read-zip';
import { findTopologyInZip } from './zip/find-topology';

export { parseOverlay } from './overlay/parse-overlay';
export { applyOverlay } from './overlay/apply-overlay';
export { toShowJson, type ShowJson } from './show-json';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Largest topology document read (a real published topology is well under 5 MB). */
export const MAX_TOPOLOGY_BYTES = 32 * 1024 * 1024;

/**
 * Detects the format from the bytes — a zip (Export-CsConfiguration), a published topology (Get-CsTopology -AsXml)
 * or a Topology Builder document (.tbxml) — and parses it into the model, with its findings. Bad input throws a
 * LyncdrError with a stable code, the file, the line or element, and what to do.
 */
export function parseTopologyDocument(bytes: Uint8Array, opts: { file: string }): Topology {
  const { file } = opts;
  if (bytes.length > MAX_TOPOLOGY_BYTES) {
    throw new LyncdrError(
      'E_TOPOLOGY_TOO_LARGE',
      `${file} is ${bytes.length} bytes, over the ${MAX_TOPOLOGY_BYTES}-byte limit for a topology document (a real one is well under 5 MB); is this the right file?`,
      {
        location: { file },
      },
    );
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) {
    const found = findTopologyInZip(readZip(bytes, file), file);
    const model = buildModel(readXmlTopology(found.element, found.file), file);
    const t = {
      ...model,
      source: { ...model.source, format: 'cms-export' as const, sha256: sha256(bytes), documents: found.documents },
    };
    return { ...t, findings: checkTopology(t) };
  }
  const built = buildModel(readXmlTopology(parseXml(decodeText(bytes, file), file), file), file);
  const model = { ...built, source: { ...built.source, sha256: sha256(bytes) } };
  return { ...model, findings: checkTopology(model) };
}
