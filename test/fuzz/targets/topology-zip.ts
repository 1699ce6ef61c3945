import { parseTopologyDocument } from '../../../packages/topology/src/index';
import type { FuzzTarget } from '../harness/target';
import { zipInputs } from './zip-seeds';

/** CMS export zips through the topology parser (format detection, zip reader, topology search, model). */
export const target: FuzzTarget = {
  name: 'topology-zip',
  input: zipInputs(),
  run: (bytes) => parseTopologyDocument(bytes, { file: 'export.zip' }),
};
