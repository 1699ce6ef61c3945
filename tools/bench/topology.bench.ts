/**
 * Topology parsing as an admin runs it: `lyncdr topology show <file> --json` of a generated published topology of
 * 100 sites, 400 Front End pools and 2,000 Front End machines (a whole process: start-up, parse into the model,
 * JSON printed), against a node process that parses the same file with fast-xml-parser alone (no model, no output).
 * Second column: the parse alone, in-process, after warm-up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTopologyDocument } from '@lyncdr/topology';
import { generateSpec, renderPublished } from '@lyncdr/topology/testing';
import { entryCmd, measurePair, median, repoRoot } from './whole-process';
import type { Bench, RowSpec } from './types';

const rows: RowSpec[] = [
  {
    id: 'topology-show',
    title: '`lyncdr topology show --json` of 100 sites, 400 pools, 2,000 machines',
    subject: { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr topology show --json' },
    peer: { kind: 'process', entry: 'tool', label: 'node + fast-xml-parser (parse only)' },
    target: { text: '< 200 MB', rssMaxMb: 200 },
    inProcessLabel: 'parse to the model, in-process (median)',
  },
];

const bench: Bench = {
  id: 'topology',
  description: 'lyncdr topology show of a 400-pool topology vs fast-xml-parser in a node process',
  rows,
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-topology-'));
    try {
      const file = path.join(dir, 'topology.xml');
      const xml = renderPublished(generateSpec({ sites: 100, pools: 400, machines: 2000 }));
      writeFileSync(file, xml);
      const fxp = createRequire(path.join(repoRoot, 'tools/bench/package.json')).resolve('fast-xml-parser');
      const peer = path.join(dir, 'peer.cjs');
      writeFileSync(peer, `const { XMLParser } = require(${JSON.stringify(fxp)});\nnew XMLParser({ ignoreAttributes: false }).parse(require('node:fs').readFileSync(process.argv[2]));\n`);
      const r = measurePair(rows[0]!, entryCmd('lyncdr-cli', ['topology', 'show', file, '--json']), { argv: [process.execPath, peer, file] }, {
        checkOurs: (run) => {
          if (!(JSON.parse(run.stdout) as { pools: unknown[] }).pools.length) throw new Error('no pools in the output');
        },
        note: `(${(xml.length / 2 ** 20).toFixed(1)} MB)`,
      });
      const bytes = new Uint8Array(Buffer.from(xml));
      const ms: number[] = [];
      for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        parseTopologyDocument(bytes, { file: 'bench.xml' });
        if (i >= 3) ms.push(performance.now() - t0);
      }
      r.inProcess = { value: median(ms), unit: 'ms' };
      return [r];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
