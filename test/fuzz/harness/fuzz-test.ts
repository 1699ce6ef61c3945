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

/** Runs one target in its own process (so that a hang can be killed and memory is capped) and reads its result. */
async function runFuzzProcess(name: string, cases: number, seed: number): Promise<FuzzResult> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--no-warnings', '--import', 'tsx', path.join(here, 'run-target.ts'), name, String(cases), String(seed), String(CASE_MS)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err = (err + d).slice(-20_000)));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (c, s) => resolve({ code: c, signal: s })));
  const line = out.trim().split('\n').pop() ?? '';
  if (code === 0 && line.startsWith('{')) return JSON.parse(line) as FuzzResult;
  const hang = /FUZZ-HANG case=(\d+)/.exec(err);
  if (hang) {
    const index = Number(hang[1]);
    const file = saveRegression(name, caseInput((await loadTarget(name)).input, seed, index));
    return { target: name, cases: index + 1, regressions: 0, failures: [{ case: index, reason: 'hang: no progress, killed by the watchdog', file }], seconds: 0, peakRssMb: 0, maxCaseMs: 0 };
  }
  const why = /heap out of memory/i.test(err) ? `memory: over the ${HEAP_MB} MB heap limit` : `fuzz process ended with ${signal ?? code}`;
  return { target: name, cases: 0, regressions: 0, failures: [{ case: '?', reason: `${why}\n${err.slice(-4000)}`, file: '' }], seconds: 0, peakRssMb: 0, maxCaseMs: 0 };
}

/** The vitest test of one fuzz target: LYNCDR_FUZZ_RUNS cases (1000 in pnpm test, 100000 in pnpm fuzz). */
export function fuzzTest(name: string): void {
  const cases = fuzzRuns();
  const seed = fuzzSeed();
  it(`${name}: ${cases} cases give a result or a typed LyncdrError, in time and bounded memory`, async () => {
    const r = await runFuzzProcess(name, cases, seed);
    console.log(`fuzz ${name}: ${r.cases} cases + ${r.regressions} regressions in ${r.seconds} s, slowest case ${r.maxCaseMs} ms, peak rss ${r.peakRssMb} MB, ${r.failures.length} failures`);
    expect(r.failures).toEqual([]);
    expect(r.cases).toBe(cases);
  }, 120_000 + cases * 20);
}
