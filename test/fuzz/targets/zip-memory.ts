import type { FuzzTarget } from '../harness/target';
import { readZip } from '../../../packages/topology/src/zip/read-zip';
import { zipInputs } from './zip-seeds';

/** The in-memory zip reader of packages/topology, on its own (every entry inflated and checked). */
export const target: FuzzTarget = {
  name: 'zip-memory',
  input: zipInputs(),
  run: (bytes) => readZip(bytes, 'export.zip'),
};
