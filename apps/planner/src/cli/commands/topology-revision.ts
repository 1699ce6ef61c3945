import { topologyFingerprint, type Topology } from '@lyncdr/topology';
import { VERSION } from '../../server/version';

/** What the revision block of a generated document prints besides the input revision: the fingerprint and version. */
export function revisionOf(topology: Topology): { fingerprint: string; version: string } {
  return { fingerprint: topologyFingerprint(topology), version: VERSION };
}
