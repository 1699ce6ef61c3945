/**
 * Topology parsing: a generated published topology of 100 sites, 400 Front End pools and 2,000 Front End machines
 * (plus each pool's SQL and file server and an Edge pool per site), parsed by @lyncdr/topology into the full model,
 * side by side with a plain fast-xml-parser parse of the same bytes (no model). Time is the median of in-process
 * runs after warm-up; peak memory is the max RSS of a child process that parses the file once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTopologyDocument } from '@lyncdr/topology';
import { generateSpec, renderPublished } from '@lyncdr/topology/testing';
import type { Bench, BenchResult } from './types';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const topologyEntry = path.join(repo, 'packages/topology/src/index.ts');
const fxpEntry = createRequire(path.join(repo, 'packages/topology/package.json')).resolve('fast-xml-parser');

const CHILD = `
import { readFileSync } from 'node:fs';
const [mode, file, entry] = process.argv.slice(2);
const bytes = readFileSync(file);
const m = await import(entry);
const t0 = performance.now();
let count;
if (mode === 'ours') count = m.parseTopologyDocument(new Uint8Array(bytes), { file }).pools.length;
else count = Object.keys(new m.XMLParser({ ignoreAttributes: false }).parse(bytes)).length;
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024, count }));
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median CPU time (user + system, ms) of `runs` calls after warm-up: steadier than wall time on a shared machine. */
function time(fn: () => void, runs: number): { cpu: number; wall: number } {
  for (let i = 0; i < 3; i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

type XmlParserClass = new (opts: { ignoreAttributes: boolean }) => { parse(input: Buffer | string): unknown };

function child(mode: 'ours' | 'peer', script: string, file: string): { ms: number; maxRssMB: number } {
  const entry = pathToFileURL(mode === 'ours' ? topologyEntry : fxpEntry).href;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, mode, file, entry], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`bench child (${mode}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const bench: Bench = {
  id: 'topology',
  description: 'parse a published topology of 100 sites, 400 pools, 2,000 machines (peer: fast-xml-parser, no model)',
  async run(): Promise<BenchResult[]> {
    const xml = renderPublished(generateSpec({ sites: 100, pools: 400, machines: 2000 }));
    const bytes = new Uint8Array(Buffer.from(xml, 'utf8'));
    const { XMLParser } = createRequire(path.join(repo, 'packages/topology/package.json'))('fast-xml-parser') as {
      XMLParser: XmlParserClass;
    };
    const model = parseTopologyDocument(bytes, { file: 'bench.xml' });
    const machines = model.pools.filter((p) => p.kind === 'FrontEnd').reduce((n, p) => n + p.machines.length, 0);
    if (
      model.sites.length !== 100 ||
      model.pools.filter((p) => p.kind === 'FrontEnd').length !== 400 ||
      machines !== 2000
    ) {
      throw new Error('generated topology does not have 100 sites, 400 Front End pools and 2,000 machines');
    }
    const ours = time(() => parseTopologyDocument(bytes, { file: 'bench.xml' }), 15);
    const peer = time(() => new XMLParser({ ignoreAttributes: false }).parse(Buffer.from(bytes)), 15);

    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-topology-'));
    try {
      const file = path.join(dir, 'topology.xml');
      const script = path.join(dir, 'child.mjs');
      writeFileSync(file, bytes);
      writeFileSync(script, CHILD);
      const oursChild = child('ours', script, file);
      const peerChild = child('peer', script, file);
      const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${model.pools.length} clusters, ${model.services.length} services`;
      return [
        {
          name: 'parse to model (median CPU time)',
          value: ours.cpu,
          unit: 'ms',
          target: '< 300 ms',
          peer: { name: 'fast-xml-parser', value: peer.cpu },
          ratio: ours.cpu / peer.cpu,
          note: `${size}; wall ${ours.wall.toFixed(0)} ms (peer ${peer.wall.toFixed(0)} ms)`,
        },
        {
          name: 'peak RSS (child process)',
          value: oursChild.maxRssMB,
          unit: 'MB',
          target: '< 200 MB',
          peer: { name: 'fast-xml-parser', value: peerChild.maxRssMB },
          ratio: oursChild.maxRssMB / peerChild.maxRssMB,
          note: `first parse in a fresh process: ${oursChild.ms.toFixed(0)} ms (peer ${peerChild.ms.toFixed(0)} ms)`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
