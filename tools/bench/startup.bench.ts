/**
 * Start-up of the built CLI: `lyncdr --help` as a whole process against `node -e 0` (the floor of any Node program),
 * interleaved, with this machine's environment for both; then both again without NODE_EXTRA_CA_CERTS (a CA bundle
 * every Node process parses at start when it is set), labelled as such.
 */
import { envWithoutExtraCa, entryCmd, measurePair } from './whole-process';
import type { Bench, RowSpec } from './types';

const node = { kind: 'process', entry: 'tool', label: 'node -e 0' } as const;
const help = { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr --help' } as const;
const rows: RowSpec[] = [
  { id: 'help', title: '`lyncdr --help`', subject: help, peer: node, target: { text: '≤ 3× node -e 0', ratioMax: 3 } },
  { id: 'help-no-ca', title: '`lyncdr --help`, NODE_EXTRA_CA_CERTS unset for both', subject: help, peer: node, target: { text: '≤ 3× node -e 0', ratioMax: 3 } },
  { id: 'topology-show', title: '`lyncdr topology show` of the two-site example', subject: { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr topology show --json' }, peer: node },
];

const bench: Bench = {
  id: 'startup',
  description: 'start-up of the built CLI (lyncdr --help, a small command) against node -e 0',
  rows,
  async run() {
    const peer = { argv: [process.execPath, '-e', '0'] };
    const runs = 11;
    return [
      measurePair(rows[0]!, entryCmd('lyncdr-cli', ['--help']), peer, { runs }),
      measurePair(rows[1]!, entryCmd('lyncdr-cli', ['--help']), peer, { runs, env: envWithoutExtraCa() }),
      measurePair(rows[2]!, entryCmd('lyncdr-cli', ['topology', 'show', 'examples/two-site/topology.xml', '--overlay', 'examples/two-site/lyncdr.yaml', '--json']), peer, { runs }),
    ];
  },
};
export default bench;
