import { buildState } from '../../../packages/domain/src/index';
import { parseJsonInput } from '../../../apps/planner/src/cli/commands/plan';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { exampleTopology, jsonDictionary } from './seeds';

const enc = new TextEncoder();
const seeds = [
  { failedOver: { 'pool01.contoso.example': 'pool02.contoso.example' }, down: ['pool01.contoso.example'], cmsActive: 'pool02.contoso.example', cmsAvailable: true },
  { down: ['sql01.contoso.example'], principals: { 'pool01.contoso.example/User': 'mirror' }, sync: { 'pool01.contoso.example>pool02.contoso.example': 'SteadyState' } },
  { federation: { lync: 'edge01.contoso.example', xmpp: 'edge02.contoso.example' }, nextHops: { 'edge01.contoso.example': 'pool02.contoso.example' }, edgeAssociations: { 'pool01.contoso.example': 'edge01.contoso.example' } },
  { conferenceDirectories: {}, cmsActive: null, failedOver: {} },
].map((d) => enc.encode(JSON.stringify(d, null, 2)));

/** `--state state.json`: the JSON as the CLI reads it, then checked against the two-site example topology. */
export const target: FuzzTarget = {
  name: 'state',
  input: mutatedDocument(seeds, { tokens: [...jsonDictionary.tokens, '"pool01.contoso.example"', '"POOL02.CONTOSO.EXAMPLE"', '"failedOver":', '"down":'], nesting: jsonDictionary.nesting }),
  run: (bytes) => {
    const input = parseJsonInput(new TextDecoder().decode(bytes), 'state.json', 'E_STATE');
    return buildState(exampleTopology(), input, 'state.json');
  },
};
