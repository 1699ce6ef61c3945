/**
 * The fuzz process: `node --import tsx run-target.ts <target,target…> <cases> <seed> <caseMs>`. For each target in
 * turn, replays its regression inputs, then runs the generated cases; prints one JSON result line per target on
 * stdout. A case fails when it
 * throws anything but a LyncdrError with a code of the tables (docs/errors.md), uses more CPU time than its bound (caseMs + 20 µs a byte), or raises an uncaught error or an
 * unhandled rejection in the process while it runs. Failing inputs are kept in test/fuzz/regressions/<target>/.
 */
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, isLyncdrError } from '../../../packages/errors/src/index';
import { PROTOCOL_CODES } from '../../../packages/protocol/src/codes';
import { caseInput } from './case-input';
import { regressionFiles, saveRegression } from './regressions';
import { loadTarget } from '../targets/index';
import type { FuzzTarget } from './target';

const [namesArg = '', casesArg = '1000', seedArg = '0', caseMsArg = '5000'] = process.argv.slice(2);
const cases = Number(casesArg);
const seed = Number(seedArg);
const caseMs = Number(caseMsArg);
const rssLimitMb = Number(process.env.LYNCDR_FUZZ_RSS_MB ?? 1536);

let target: FuzzTarget;
/** Shared with the watchdog: [0] the case running (n + 1; -(k + 1) for regression input k), [1] running, [2] target. */
const counter = new SharedArrayBuffer(12);
const cells = new Int32Array(counter);
/**
 * The time bound of a case grows linearly with its size (20 µs a byte): parsers must be linear, not instant. It is
 * checked on this process's CPU time, so that a busy machine does not fail a case; an answer that never comes (an
 * async target) is bounded on the wall clock, four times as long.
 */
const boundMs = (bytes: number): number => caseMs + bytes * 0.02;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const watchdog = new Worker(new URL('./watchdog.mjs', import.meta.url), { workerData: { counter, hangMs: Math.max(boundMs(1024 * 1024) * 6, 120_000) } });
watchdog.unref();

let processError: unknown = null;
let wake: (() => void) | null = null;
const onProcessError = (e: unknown) => {
  processError ??= e;
  wake?.();
};
process.on('uncaughtException', onProcessError);
process.on('unhandledRejection', onProcessError);

let maxCaseMs = 0;
const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e).slice(0, 300));

/** Runs one input; returns why it failed, or null. */
async function check(input: Uint8Array): Promise<{ reason: string | null; ms: number }> {
  processError = null;
  const bound = boundMs(input.length);
  const t0 = cpuMs();
  let reason: string | null = null;
  try {
    const r = target.run(input);
    if (r instanceof Promise) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        r,
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(bound * 4)} ms`)), bound * 4);
          wake = () => reject(processError);
        }),
      ]).finally(() => {
        clearTimeout(timer);
        wake = null;
      });
    }
  } catch (e) {
    if (!isLyncdrError(e) || !(e.code in ERROR_CODES || e.code in PROTOCOL_CODES)) reason = `threw ${describe(e)}`;
  }
  const ms = cpuMs() - t0;
  if (processError !== null) reason = `process-level error: ${describe(processError)}`;
  else if (reason === null && ms > bound) reason = `took ${Math.round(ms)} ms of CPU (bound ${Math.round(bound)} ms for ${input.length} bytes)`;
  maxCaseMs = Math.max(maxCaseMs, ms);
  return { reason, ms };
}

const names = namesArg.split(',').filter(Boolean);
for (const [index, name] of names.entries()) {
  target = await loadTarget(name);
  await target.setup?.();
  const started = performance.now();
  const failures: { case: number | string; reason: string; file: string }[] = [];
  let peakRssMb = 0;
  maxCaseMs = 0;
  Atomics.store(cells, 2, index);
  Atomics.store(cells, 1, 1);
  const regressions = regressionFiles(name);
  for (const [k, r] of regressions.entries()) {
    Atomics.store(cells, 0, -(k + 1));
    const bad = await check(r.bytes);
    if (bad.reason) failures.push({ case: r.file, reason: bad.reason, file: r.file });
  }
  let ran = 0;
  for (let i = 0; i < cases && failures.length < 5; i++) {
    const input = caseInput(target.input, seed, i);
    Atomics.store(cells, 0, i + 1);
    const bad = await check(input);
    ran++;
    if (bad.reason) failures.push({ case: i, reason: bad.reason, file: saveRegression(name, input) });
    if (i % 256 === 0) {
      const rss = process.memoryUsage().rss / 2 ** 20;
      peakRssMb = Math.max(peakRssMb, rss);
      if (rss > rssLimitMb) {
        failures.push({ case: i, reason: `memory: rss ${Math.round(rss)} MB over ${rssLimitMb} MB`, file: saveRegression(name, input) });
        break;
      }
    }
  }
  Atomics.store(cells, 1, 0);
  await target.teardown?.();
  process.stdout.write(
    JSON.stringify({ target: name, cases: ran, regressions: regressions.length, failures, seconds: Math.round((performance.now() - started) / 100) / 10, peakRssMb: Math.round(peakRssMb), maxCaseMs: Math.round(maxCaseMs) }) + '\n',
  );
}
await watchdog.terminate();
process.exit(0);
