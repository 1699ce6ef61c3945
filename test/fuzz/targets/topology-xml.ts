import { parseTopologyDocument } from '../../../packages/topology/src/index';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { publishedSeeds, xmlDictionary } from './seeds';

/** Published topology XML (Get-CsTopology -AsXml), read as the CLI reads it. */
export const target: FuzzTarget = {
  name: 'topology-xml',
  input: mutatedDocument(publishedSeeds(), xmlDictionary),
  run: (bytes) => parseTopologyDocument(bytes, { file: 'topology.xml' }),
};
