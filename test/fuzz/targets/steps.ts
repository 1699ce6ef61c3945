import { parseStepsDocument } from '../../../packages/domain/src/index';
import { OPERATIONS } from '../../../packages/domain/src/dr/operations/index';
import { parseJsonInput } from '../../../apps/planner/src/cli/commands/plan';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { jsonDictionary } from './seeds';

const enc = new TextEncoder();
const ids = Object.keys(OPERATIONS);
const fqdn = 'pool02.contoso.example';
/** Arguments its schema accepts for each operation: a switch, an FQDN, or the one value a literal allows. */
const argsOf = (id: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(OPERATIONS[id]!.args.shape).map(([k, s]) => [k, s.safeParse(true).success ? true : s.safeParse(fqdn).success ? fqdn : 'yes']));
const seeds = [
  { steps: [{ n: 1, command: 'Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode', on: null, op: { id: ids[0], args: { pool: 'pool01.contoso.example', disaster: true } } }] },
  { steps: ids.map((id, i) => ({ n: i + 1, command: null, on: 'fe01.contoso.example', op: { id, args: argsOf(id) } })) },
  { kind: 'plan', goal: { kind: 'failover', pool: 'pool01.contoso.example' }, steps: [{ command: 'Get-CsPoolFabricState -PoolFqdn pool01.contoso.example' }] },
  [{ command: 'Get-CsManagementStoreReplicationStatus' }],
].map((d) => enc.encode(JSON.stringify(d, null, 2)));

/** `plan check` steps input: the JSON as the CLI reads it, then the steps document reader. */
export const target: FuzzTarget = {
  name: 'steps',
  input: mutatedDocument(seeds, { tokens: [...jsonDictionary.tokens, ...ids.map((i) => `"${i}"`), '"op":', '"args":', '"command":'], nesting: jsonDictionary.nesting }),
  run: (bytes) => parseStepsDocument(parseJsonInput(new TextDecoder().decode(bytes), 'steps.json', 'E_STEPS'), 'steps.json'),
};
