import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import { Inflate } from 'fflate';
import { readAt, ZipFormatError, type ZipEntry } from './central-directory';

const CHUNK = 256 * 1024;
const SLICE = 4 * 1024;

export interface EntryCheck {
  ok: boolean;
  code?: 'ZIP_CRC' | 'ZIP_CORRUPT' | 'ZIP_TRUNCATED' | 'ZIP_BOMB' | 'ZIP_METHOD' | 'ZIP_ENCRYPTED';
  message?: string;
  bytes: number;
  /** The first `keep` bytes of the entry's content, when asked for. */
  head?: Buffer;
}

/**
 * Streams one entry: reads its compressed bytes in chunks, inflates them with fflate, computes the CRC-32 and counts
 * the output. Stops as soon as the output exceeds the size the directory declares (a lying header is a bomb) or the
 * per-entry limit. Keeps at most `keep` bytes of content (to sniff or parse small XML documents).
 */
export async function checkEntry(fh: FileHandle, fileSize: number, e: ZipEntry, opts: { maxEntryBytes: number; keep?: number }): Promise<EntryCheck> {
  if (e.flags & 1) return { ok: false, code: 'ZIP_ENCRYPTED', message: 'the entry is encrypted; its content cannot be checked', bytes: 0 };
  if (e.method !== 0 && e.method !== 8) return { ok: false, code: 'ZIP_METHOD', message: `compression method ${e.method} is not supported (only stored and deflate)`, bytes: 0 };
  if (e.size > opts.maxEntryBytes) return { ok: false, code: 'ZIP_BOMB', message: `the entry declares ${e.size} bytes, over the ${opts.maxEntryBytes}-byte per-entry limit`, bytes: 0 };
  const lh = await readAt(fh, e.localOffset, 30);
  if (lh.length < 30) return { ok: false, code: 'ZIP_TRUNCATED', message: 'the local header lies beyond the end of the file', bytes: 0 };
  if (lh.readUInt32LE(0) !== 0x04034b50) return { ok: false, code: 'ZIP_CORRUPT', message: 'the local header signature is wrong', bytes: 0 };
  const start = e.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
  if (start + e.compressedSize > fileSize) return { ok: false, code: 'ZIP_TRUNCATED', message: `the data (${e.compressedSize} bytes at ${start}) runs past the end of the file`, bytes: 0 };

  const keep = opts.keep ?? 0;
  const kept: Buffer[] = [];
  let keptLen = 0;
  let crc = 0;
  let out = 0;
  let overflow = false;
  const onData = (chunk: Uint8Array) => {
    if (overflow) return;
    out += chunk.length;
    if (out > e.size) {
      overflow = true;
      return;
    }
    crc = crc32(chunk, crc);
    if (keptLen < keep) {
      const part = Buffer.from(chunk.subarray(0, keep - keptLen));
      kept.push(part);
      keptLen += part.length;
    }
  };
  const inflater = e.method === 8 ? new Inflate(onData) : null;
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = start;
  const end = start + e.compressedSize;
  try {
    if (e.compressedSize === 0 && inflater) inflater.push(new Uint8Array(0), true);
    while (pos < end && !overflow) {
      const n = Math.min(CHUNK, end - pos);
      const { bytesRead } = await fh.read(buf, 0, n, pos);
      if (bytesRead === 0) throw new ZipFormatError('ZIP_TRUNCATED', 'unexpected end of file inside the entry data');
      pos += bytesRead;
      const piece = buf.subarray(0, bytesRead);
      if (!inflater) onData(piece);
      else {
        // Small slices bound the output of one push (deflate expands at most ~1032:1), so a bomb is stopped early.
        for (let i = 0; i < piece.length && !overflow; i += SLICE) {
          const slice = piece.subarray(i, Math.min(piece.length, i + SLICE));
          inflater.push(slice, pos >= end && i + SLICE >= piece.length);
        }
      }
    }
  } catch (err) {
    const code = err instanceof ZipFormatError ? (err.code === 'ZIP_TRUNCATED' ? 'ZIP_TRUNCATED' : 'ZIP_CORRUPT') : 'ZIP_CORRUPT';
    return { ok: false, code, message: `the compressed data is damaged (${(err as Error).message})`, bytes: out };
  }
  if (overflow) return { ok: false, code: 'ZIP_BOMB', message: `the entry inflates past the ${e.size} bytes its header declares; refused as a possible zip bomb`, bytes: out };
  if (out !== e.size) return { ok: false, code: 'ZIP_CORRUPT', message: `the entry inflates to ${out} bytes but its header declares ${e.size}`, bytes: out };
  if (crc >>> 0 !== e.crc32 >>> 0) return { ok: false, code: 'ZIP_CRC', message: `CRC-32 mismatch (computed ${hex(crc)}, stored ${hex(e.crc32)}): the entry is damaged`, bytes: out };
  return { ok: true, bytes: out, head: keep ? Buffer.concat(kept) : undefined };
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
