import type { ByteSource, SyncByteSource } from './byte-source';
import { BackupHeaderError, SqlFindingCode } from './errors';
import type { BackupHeader } from './header-types';
import { parseBackupHeader } from './parse-header';

/** First read: the TAPE, SSET, VOLB and MSCI blocks sit in the first 8 KB of every file seen. */
export const HEAD_BYTES = 16 * 1024;
/** How far the reader looks for the header blocks when they are not in the first read (never the whole file). */
export const MAX_HEAD_BYTES = 1024 * 1024;
/** The trailing header copy (MSLS) and the end-of-set blocks sit in the last 8 KB of every file seen. */
export const TAIL_BYTES = 16 * 1024;
export const MAX_TAIL_BYTES = 256 * 1024;
/** Smallest possible backup: TAPE, SSET, VOLB, MSCI blocks and the SCIN record. */
export const MIN_FILE_BYTES = 0xe00 + 0x200;

export interface ReadHeaderResult {
  header: BackupHeader;
  size: number;
  /** Bytes read from the file to get the header (head + tail). */
  bytesRead: number;
}

export interface HeaderScratch {
  head: Uint8Array;
  tail: Uint8Array;
}

/** Buffers one reader can reuse from file to file (the parsed header keeps no reference to them). */
export function createHeaderScratch(): HeaderScratch {
  return { head: new Uint8Array(HEAD_BYTES), tail: new Uint8Array(TAIL_BYTES) };
}

/** One bounded read the plan asks for. */
interface ReadRequest {
  offset: number;
  length: number;
  into?: Uint8Array;
}

/**
 * The reading plan of one file, as a generator of bounded reads (so the same plan runs on synchronous and asynchronous
 * sources): the first HEAD_BYTES (up to MAX_HEAD_BYTES when the blocks are further in) and the last TAIL_BYTES (up to
 * MAX_TAIL_BYTES) for the finish time and to see that the file is complete. Never the whole file.
 */
function* plan(size: number, scratch?: HeaderScratch): Generator<ReadRequest, ReadHeaderResult, Uint8Array> {
  if (size < MIN_FILE_BYTES) {
    const magic = yield { offset: 0, length: 4 };
    const isTape = magic.length === 4 && magic[0] === 0x54 && magic[1] === 0x41 && magic[2] === 0x50 && magic[3] === 0x45;
    throw new BackupHeaderError(
      isTape ? SqlFindingCode.truncated : SqlFindingCode.notBackup,
      isTape ? `only ${size} bytes: the file is truncated before the backup header` : `only ${size} bytes and no MTF TAPE block: not a SQL Server native backup`,
    );
  }
  let head = yield { offset: 0, length: Math.min(size, HEAD_BYTES), into: scratch?.head };
  let bytesRead = head.length;
  function* tailRead(n: number): Generator<ReadRequest, { bytes: Uint8Array; base: number }, Uint8Array> {
    const base = Math.max(0, size - n);
    if (head.length >= size) return { bytes: head.subarray(base), base };
    // Skip the part of the tail range already in `head`.
    const from = Math.max(base, head.length);
    const rest = yield { offset: from, length: size - from, into: n <= TAIL_BYTES ? scratch?.tail : undefined };
    bytesRead += rest.length;
    if (from === base) return { bytes: rest, base };
    const bytes = new Uint8Array(size - base);
    bytes.set(head.subarray(base), 0);
    bytes.set(rest, from - base);
    return { bytes, base };
  }
  let tail = yield* tailRead(TAIL_BYTES);
  let header: BackupHeader;
  try {
    header = parseBackupHeader(head, tail);
  } catch (e) {
    if (!(e instanceof BackupHeaderError) || e.code !== SqlFindingCode.corrupt || size <= HEAD_BYTES) throw e;
    // Larger block sizes push the header further in: look once more, still bounded.
    head = yield { offset: 0, length: Math.min(size, MAX_HEAD_BYTES) };
    bytesRead += head.length;
    header = parseBackupHeader(head, tail);
  }
  if (!header.complete && size > TAIL_BYTES) {
    tail = yield* tailRead(MAX_TAIL_BYTES);
    header = parseBackupHeader(head, tail);
  }
  return { header, size, bytesRead };
}

/** Reads the header of one backup file from an asynchronous source (bounded reads, see `plan`). */
export async function readBackupHeader(src: ByteSource, scratch?: HeaderScratch): Promise<ReadHeaderResult> {
  const steps = plan(await src.size(), scratch);
  let step = steps.next();
  while (!step.done) {
    const r = step.value;
    step = steps.next(await src.read(r.offset, r.length, r.into));
  }
  return step.value;
}

/** Reads the header of one backup file from a synchronous source (the scanner's fast path on local and mounted files). */
export function readBackupHeaderSync(src: SyncByteSource, scratch?: HeaderScratch): ReadHeaderResult {
  const steps = plan(src.size(), scratch);
  let step = steps.next();
  while (!step.done) {
    const r = step.value;
    step = steps.next(src.read(r.offset, r.length, r.into));
  }
  return step.value;
}
