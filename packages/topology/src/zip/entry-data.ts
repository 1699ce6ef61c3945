import { Inflate } from 'fflate';
import type { ReadPlan } from './byte-source';
import type { ZipDirectoryEntry } from './central-directory';
import { LOCAL_HEADER, u16, u32 } from './central-directory';
import { crc32 } from './crc32';
import { ZipError } from './zip-error';

/** Compressed bytes read at once. */
const CHUNK = 256 * 1024;
/** Compressed bytes inflated at once: deflate expands at most ~1032:1, so one step makes at most ~4 MB. */
const SLICE = 4 * 1024;

export interface EntryData {
  /** Uncompressed bytes, equal to the declared size. */
  bytes: number;
  /** The first `keep` bytes of the content. */
  kept: Uint8Array;
}

/** Encryption or a compression method other than stored and deflate; null when the entry can be read. */
export function unreadableError(e: ZipDirectoryEntry, file: string): ZipError | null {
  const location = { file, where: e.name };
  if ((e.flags & 1) !== 0) return new ZipError('encrypted', `entry ${e.name} is encrypted; its content cannot be read or checked`, location);
  if (e.method !== 0 && e.method !== 8) {
    return new ZipError('method', `entry ${e.name} uses compression method ${e.method}; only stored and deflated entries are read`, location);
  }
  return null;
}

/**
 * Reads one entry of a zip of `size` bytes: its local header, then its compressed bytes in bounded pieces through
 * inflate (fflate) and CRC-32, counting the output. Stops as soon as the output passes the declared size (a lying
 * header is a bomb), and checks size and CRC-32 at the end. Keeps the first `keep` bytes of the content, in a buffer
 * of at most the declared size. `into` is a buffer of CHUNK bytes the source may reuse for every read.
 * Throws ZipError: encrypted, method, truncated, damaged, overflow, crc.
 */
export function* readEntryData(
  e: ZipDirectoryEntry,
  size: number,
  opts: { file: string; keep: number; into?: Uint8Array },
): ReadPlan<EntryData> {
  const location = { file: opts.file, where: e.name };
  const unreadable = unreadableError(e, opts.file);
  if (unreadable) throw unreadable;
  const local = yield { offset: e.localOffset, length: 30 };
  if (local.length < 30) throw new ZipError('truncated', `the local header of ${e.name} lies beyond the end of the file`, location);
  if (u32(local, 0) !== LOCAL_HEADER) throw new ZipError('damaged', `the local header of ${e.name} is missing`, location);
  const start = e.localOffset + 30 + u16(local, 26) + u16(local, 28);
  const end = start + e.compressedSize;
  if (end > size) {
    throw new ZipError('truncated', `the data of ${e.name} (${e.compressedSize} bytes at ${start}) runs past the end of the file`, location);
  }

  const kept = new Uint8Array(Math.min(opts.keep, e.size));
  let crc = 0;
  let out = 0;
  let overflow = false;
  const onData = (chunk: Uint8Array) => {
    if (overflow) return;
    if (out + chunk.length > e.size) {
      overflow = true;
      return;
    }
    crc = crc32(chunk, crc);
    if (out < kept.length) kept.set(chunk.subarray(0, kept.length - out), out);
    out += chunk.length;
  };
  const inflater = e.method === 8 ? new Inflate(onData) : null;
  try {
    if (inflater && start === end) inflater.push(new Uint8Array(0), true);
    for (let pos = start; pos < end && !overflow; ) {
      const piece = yield { offset: pos, length: Math.min(CHUNK, end - pos), into: opts.into };
      if (piece.length === 0) throw new ZipError('truncated', `unexpected end of file inside the data of ${e.name}`, location);
      pos += piece.length;
      if (!inflater) onData(piece);
      else {
        for (let i = 0; i < piece.length && !overflow; i += SLICE) {
          inflater.push(piece.subarray(i, i + SLICE), pos >= end && i + SLICE >= piece.length);
        }
      }
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError('damaged', `entry ${e.name} does not inflate (${(err as Error).message}): its compressed data is damaged`, location, err);
  }
  if (overflow) {
    throw new ZipError('overflow', `entry ${e.name} inflates past the ${e.size} bytes its header declares; refused as a possible zip bomb`, location);
  }
  if (out !== e.size) throw new ZipError('damaged', `entry ${e.name} inflates to ${out} bytes but its header declares ${e.size}`, location);
  if (crc !== e.crc32) {
    throw new ZipError('crc', `entry ${e.name} fails its CRC-32 check (computed ${hex(crc)}, stored ${hex(e.crc32)}): the entry is damaged`, location);
  }
  return { bytes: out, kept };
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');
