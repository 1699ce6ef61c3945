import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { loadTarget } from '../targets/index';
import { caseInput, fuzzRuns, fuzzSeed } from './case-input';
import { saveRegression } from './regressions';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
/** Time bound of one case (ms) plus 20 µs per input byte; a stuck case is killed by the watchdog after a minute. */
const CASE_MS = Number(process.env.LYNCDR_FUZZ_CASE_MS ?? 5000);
/** Old-space limit of the fuzz process (MB): a parser that grows without bound dies there and the test fails. */
const HEAP_MB = 768;

interface FuzzResult {
  target: string;
  cases: number;
  regressions: number;
  failures: { case: number | string; reason: string; file: string }[];
  seconds: number;
  peakRssMb: number;
  maxCaseMs: number;
}

/** Runs targets one after another in one process of their own (a hang can be killed, memory is capped). */
async function runFuzzProcess(names: string[], cases: number, seed: number): Promise<FuzzResult[]> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--no-warnings', '--import', 'tsx', path.join(here, 'run-target.ts'), names.join(','), String(cases), String(seed), String(CASE_MS)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err = (err + d).slice(-20_000)));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (c, s) => resolve({ code: c, signal: s })));
  const results = out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as FuzzResult);
  if (code === 0 && results.length === names.length) return results;
  const failed = names[results.length] ?? '?';
  const empty = { target: failed, cases: 0, regressions: 0, seconds: 0, peakRssMb: 0, maxCaseMs: 0 };
  const hang = /FUZZ-HANG target=\d+ (case|regression)=(\d+)/.exec(err);
  if (hang) {
    const index = Number(hang[2]);
    const file = hang[1] === 'case' ? saveRegression(failed, caseInput((await loadTarget(failed)).input, seed, index)) : `regression input ${index}`;
    return [...results, { ...empty, failures: [{ case: index, reason: 'hang: no progress, killed by the watchdog', file }] }];
  }
  const why = /heap out of memory/i.test(err) ? `memory: over the ${HEAP_MB} MB heap limit` : `fuzz process ended with ${signal ?? code}`;
  return [...results, { ...empty, failures: [{ case: '?', reason: `${why}\n${err.slice(-4000)}`, file: '' }] }];
}

/**
 * One vitest test for a group of fuzz targets, run in one process: LYNCDR_FUZZ_RUNS cases each (1000 in pnpm test,
 * 100000 in pnpm fuzz). A group shares one process start; the groups run side by side.
 */
export function fuzzTests(names: string[]): void {
  const cases = fuzzRuns();
  const seed = fuzzSeed();
  it(`${names.join(', ')}: ${cases} cases each give a result or a typed LyncdrError, in time and bounded memory`, async () => {
    const results = await runFuzzProcess(names, cases, seed);
    for (const r of results) {
      console.log(`fuzz ${r.target}: ${r.cases} cases + ${r.regressions} regressions in ${r.seconds} s, slowest case ${r.maxCaseMs} ms CPU, peak rss ${r.peakRssMb} MB, ${r.failures.length} failures`);
    }
    expect(results.flatMap((r) => r.failures.map((f) => ({ target: r.target, ...f })))).toEqual([]);
    expect(results.map((r) => [r.target, r.cases])).toEqual(names.map((n) => [n, cases]));
  }, (120_000 + cases * 20) * names.length);
}
