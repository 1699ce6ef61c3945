import { applyOverlay, parseOverlay, parseTopologyDocument } from '../../../packages/topology/src/index';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { readRepo, yamlDictionary } from './seeds';

const topology = parseTopologyDocument(readRepo('examples/two-site/topology.xml'), { file: 'topology.xml' });
const seeds = [readRepo('examples/two-site/lyncdr.yaml'), readRepo('examples/standard-edition/lyncdr.yaml')];

/** The lyncdr.yaml overlay: YAML, its schema, then applied to the two-site topology. */
export const target: FuzzTarget = {
  name: 'overlay',
  input: mutatedDocument(seeds, yamlDictionary),
  run: (bytes) => applyOverlay(topology, parseOverlay(new TextDecoder().decode(bytes), { file: 'lyncdr.yaml' })),
};
