import { parsePlannerConfig } from '../../../apps/planner/src/server/config';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { readRepo, yamlDictionary } from './seeds';

const enc = new TextEncoder();
const seeds = [readRepo('apps/planner/planner.example.yaml'), enc.encode('port: 0\ndata: ./data\napi: { openRead: true }\ndemo: true\n')];

/** planner.yaml (`lyncdr serve --config`). */
export const target: FuzzTarget = {
  name: 'planner-config',
  input: mutatedDocument(seeds, yamlDictionary),
  run: (bytes) => parsePlannerConfig(new TextDecoder().decode(bytes), 'planner.yaml'),
};
