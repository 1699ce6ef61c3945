/**
 * Runs the benchmarks (`pnpm bench` for all, `pnpm bench <id>…` for some). Each `*.bench.ts` file in this folder
 * default-exports a Bench whose rows time shipped entry points as whole processes against a whole-process peer
 * (types.ts). Needs the built apps (`pnpm build`). Prints one table and writes it to tools/bench/RESULTS.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable } from './format';
import type { Bench, RowResult } from './types';
import { ENTRY_FILES, loadAverage } from './whole-process';

function machine(): string {
  return `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}, Node ${process.version}`;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
for (const f of new Set(Object.values(ENTRY_FILES))) {
  if (!existsSync(f)) {
    console.error(`${f} is missing: run pnpm build first (the benchmarks time the built apps)`);
    process.exit(2);
  }
}
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const results: { bench: Bench; rows: RowResult[] }[] = [];
const loads: string[] = [loadAverage()];
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(here, file)).href)).default as Bench;
  if (wanted.length && !wanted.includes(bench.id)) continue;
  console.error(`bench ${bench.id}: ${bench.description} (load average ${loadAverage()})`);
  const rows = await bench.run();
  results.push({ bench, rows });
  loads.push(loadAverage());
  // Each bench's own table too, so that one bench re-run (`pnpm bench <id>`) keeps a record.
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', `${bench.id}.md`), `# ${bench.id}\n\n${new Date().toISOString()}. ${machine()}; load average ${loads.at(-2)} → ${loads.at(-1)}.\n\n${formatTable([{ bench, rows }])}`);
}
if (!results.length) {
  console.error(`no benchmark matched ${wanted.join(', ')}; available: ${files.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
  process.exit(2);
}
const table = formatTable(results);
console.log(table);
// RESULTS.md: every bench's latest table (results/<id>.md), so that benches run one at a time add up to the whole.
const latest = readdirSync(path.join(here, 'results')).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(path.join(here, 'results', f), 'utf8').replace(/^# /, '## '));
writeFileSync(path.join(here, 'RESULTS.md'), `# Benchmark results\n\nEach bench's latest run (\`pnpm bench <id>\`); method: docs/benchmarks.md.\n\n${latest.join('\n')}`);
