/** Bounded random reads on one file: the only I/O the header reader needs (injected, so tests can fake failures). */
export interface ByteSource {
  size(): Promise<number>;
  /**
   * Reads up to `length` bytes at `offset`; returns fewer only at the end of the file. When `into` is given (at least
   * `length` bytes) the bytes are read into it and a view of it is returned, so a scanner can reuse its buffers.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Opens a ByteSource for a path. */
export type OpenSource = (path: string) => Promise<ByteSource>;

/** The same reads, synchronous: the scanner's fast path for local and mounted files. */
export interface SyncByteSource {
  size(): number;
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
  close(): void;
}
