import { parseTopologyDocument } from '../../../packages/topology/src/index';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { tbxmlSeeds, xmlDictionary } from './seeds';

/** Topology Builder documents (.tbxml). */
export const target: FuzzTarget = {
  name: 'topology-tbxml',
  input: mutatedDocument(tbxmlSeeds(), xmlDictionary),
  run: (bytes) => parseTopologyDocument(bytes, { file: 'topology.tbxml' }),
};
