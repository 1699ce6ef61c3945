import type fc from 'fast-check';

/**
 * One fuzz target: a generator of inputs (bytes: a document, a frame, a config file, a request line) and the parser
 * run on one input. `run` must return (a clean result) or throw a LyncdrError with an `E_*` code; anything else, a
 * case slower than the time bound, or a process-level error while it runs is a failure.
 */
export interface FuzzTarget {
  name: string;
  input: fc.Arbitrary<Uint8Array>;
  run(input: Uint8Array): unknown;
  /** Starts what the target needs (a server, a scratch folder) once per process. */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}
