/** One bounded read a reading plan asks for. `into`, when given, is a buffer the source may read into and reuse. */
export interface ReadRequest {
  offset: number;
  length: number;
  into?: Uint8Array;
}

/**
 * A reading plan: a generator that yields the bounded reads it needs and gets their bytes back (fewer only at the end
 * of the file), so the same plan runs on bytes in memory (`runPlanSync`) and on a file read piece by piece
 * (`runPlan`). The bytes handed back are valid until the next read.
 */
export type ReadPlan<T> = Generator<ReadRequest, T, Uint8Array>;

/** Random reads on one file, asynchronous (a file handle, a share). The same shape as @lyncdr/sql-backup's. */
export interface ByteSource {
  size(): Promise<number>;
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The same reads, synchronous (bytes in memory). */
export interface SyncByteSource {
  size(): number;
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
}

/** A source over bytes in memory: every read is a view of them, nothing is copied. */
export function memorySource(bytes: Uint8Array): SyncByteSource {
  return {
    size: () => bytes.length,
    read: (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)),
  };
}

/** Runs a plan on a synchronous source. */
export function runPlanSync<T>(plan: ReadPlan<T>, source: Pick<SyncByteSource, 'read'>): T {
  let step = plan.next();
  while (!step.done) {
    const r = step.value;
    step = plan.next(source.read(r.offset, r.length, r.into));
  }
  return step.value;
}

/** Runs a plan on an asynchronous source. */
export async function runPlan<T>(plan: ReadPlan<T>, source: Pick<ByteSource, 'read'>): Promise<T> {
  let step = plan.next();
  while (!step.done) {
    const r = step.value;
    step = plan.next(await source.read(r.offset, r.length, r.into));
  }
  return step.value;
}
