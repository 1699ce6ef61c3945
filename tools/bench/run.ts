/**
 * Runs the benchmarks (`pnpm bench` for all, `pnpm bench <id>…` for some). Each `*.bench.ts` file in this folder
 * default-exports a Bench. Prints one table and writes it to tools/bench/RESULTS.md for the README.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const rows: string[] = ['| bench | measure | value | target | peer | ratio | note |', '|---|---|---|---|---|---|---|'];
let ran = 0;
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(here, file)).href)).default as Bench;
  if (wanted.length && !wanted.includes(bench.id)) continue;
  console.error(`bench ${bench.id}: ${bench.description}`);
  const results: BenchResult[] = await bench.run();
  ran++;
  for (const r of results) {
    const peer = r.peer ? `${r.peer.name}: ${r.peer.value.toFixed(1)} ${r.unit}` : '';
    rows.push(`| ${bench.id} | ${r.name} | ${r.value.toFixed(1)} ${r.unit} | ${r.target ?? ''} | ${peer} | ${r.ratio === undefined ? '' : r.ratio.toFixed(2) + '×'} | ${r.note ?? ''} |`);
    console.error(`  ${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.ratio === undefined ? '' : ` (ratio ${r.ratio.toFixed(2)}×)`}`);
  }
}
if (!ran) {
  console.error(`no benchmark matched ${wanted.join(', ')}; available: ${files.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
  process.exit(2);
}
const table = rows.join('\n') + '\n';
console.log(table);
if (!wanted.length) writeFileSync(path.join(here, 'RESULTS.md'), `# Benchmark results\n\nMachine: ${process.platform} ${process.arch}, Node ${process.version}.\n\n${table}`);
