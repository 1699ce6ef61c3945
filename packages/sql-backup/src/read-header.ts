import type { ByteSource } from './byte-source';
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
const MIN_FILE_BYTES = 0xe00 + 0x200;

export interface ReadHeaderResult {
  header: BackupHeader;
  size: number;
  /** Bytes read from the file to get the header (head + tail). */
  bytesRead: number;
}

/**
 * Reads the header of one backup file with bounded reads at known places: the first HEAD_BYTES (up to MAX_HEAD_BYTES
 * when the blocks are further in) and the last TAIL_BYTES (for the finish time and to see that the file is complete).
 */
export interface HeaderScratch {
  head: Uint8Array;
  tail: Uint8Array;
}

/** Buffers one reader can reuse from file to file (the parsed header keeps no reference to them). */
export function createHeaderScratch(): HeaderScratch {
  return { head: new Uint8Array(HEAD_BYTES), tail: new Uint8Array(TAIL_BYTES) };
}

export async function readBackupHeader(src: ByteSource, scratch?: HeaderScratch): Promise<ReadHeaderResult> {
  const size = await src.size();
  if (size < MIN_FILE_BYTES) {
    const magic = await src.read(0, 4);
    const isTape = magic.length === 4 && String.fromCharCode(...magic) === 'TAPE';
    throw new BackupHeaderError(
      isTape ? SqlFindingCode.truncated : SqlFindingCode.notBackup,
      isTape ? `only ${size} bytes: the file is truncated before the backup header` : `only ${size} bytes and no MTF TAPE block: not a SQL Server native backup`,
    );
  }
  let head = await src.read(0, Math.min(size, HEAD_BYTES), scratch?.head);
  let bytesRead = head.length;
  const tailRead = async (n: number) => {
    const base = Math.max(0, size - n);
    if (head.length >= size) return { bytes: head.subarray(base), base };
    // Skip the part of the tail range already in `head`.
    const from = Math.max(base, head.length);
    const rest = await src.read(from, size - from, n <= TAIL_BYTES ? scratch?.tail : undefined);
    bytesRead += rest.length;
    if (from === base) return { bytes: rest, base };
    const bytes = new Uint8Array(size - base);
    bytes.set(head.subarray(base), 0);
    bytes.set(rest, from - base);
    return { bytes, base };
  };
  let tail = await tailRead(TAIL_BYTES);
  let header: BackupHeader;
  try {
    header = parseBackupHeader(head, tail);
  } catch (e) {
    if (!(e instanceof BackupHeaderError) || e.code !== SqlFindingCode.corrupt || size <= HEAD_BYTES) throw e;
    // Larger block sizes push the header further in: look once more, still bounded.
    head = await src.read(0, Math.min(size, MAX_HEAD_BYTES));
    bytesRead += head.length;
    header = parseBackupHeader(head, tail);
  }
  if (!header.complete && size > TAIL_BYTES) {
    tail = await tailRead(MAX_TAIL_BYTES);
    header = parseBackupHeader(head, tail);
  }
  return { header, size, bytesRead };
}
