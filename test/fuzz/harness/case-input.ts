import fc from 'fast-check';

/** The input of case `index`: each case has its own seed, so any one case is rebuilt without running the others. */
export function caseInput(arb: fc.Arbitrary<Uint8Array>, seed: number, index: number): Uint8Array {
  return fc.sample(arb, { seed: (seed + index * 7919) | 0, numRuns: 1 })[0]!;
}

/** Cases per target: LYNCDR_FUZZ_RUNS (pnpm fuzz sets 100000), 1000 by default (the short run inside pnpm test). */
export function fuzzRuns(): number {
  const n = Number(process.env.LYNCDR_FUZZ_RUNS ?? 1000);
  return Number.isInteger(n) && n > 0 ? n : 1000;
}

/** The base seed; fixed so that runs are reproducible, LYNCDR_FUZZ_SEED explores other cases. */
export function fuzzSeed(): number {
  const n = Number(process.env.LYNCDR_FUZZ_SEED ?? 20261203);
  return Number.isInteger(n) ? n : 20261203;
}
