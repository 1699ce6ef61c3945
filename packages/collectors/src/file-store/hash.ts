import crypto, { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

const CHUNK = 1024 * 1024;

/** Files up to this size are read in one call (per-file overhead dominates for the many small files of a share). */
const SMALL = 256 * 1024;
const smallBuf = Buffer.allocUnsafe(SMALL);

/**
 * SHA-256 of a file and the bytes actually read. Small files are read in one call; larger ones are streamed through
 * one reused buffer, so memory stays bounded whatever the file size.
 */
export async function sha256File(file: Buffer | string, sizeHint = Infinity, buf?: Buffer): Promise<{ hex: string; bytes: number }> {
  if (sizeHint < SMALL) {
    const small = sha256SmallFileSync(file);
    if (small) return small;
  }
  buf ??= Buffer.allocUnsafe(CHUNK);
  const h = createHash('sha256');
  const fh = await open(file, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      h.update(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return { hex: h.digest('hex'), bytes };
}

/** Files below this size are hashed synchronously in one read (see sha256SmallFileSync). */
export const SMALL_FILE_BYTES = SMALL;

/**
 * SHA-256 of a small file: one open, one read into a shared buffer, one-shot hash (for the many small files of a
 * share the per-file cost is what matters). Returns null when the file turns out not to be small.
 */
export function sha256SmallFileSync(file: Buffer | string): { hex: string; bytes: number } | null {
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, smallBuf, 0, SMALL, 0);
  } finally {
    closeSync(fd);
  }
  return n < SMALL ? { hex: crypto.hash('sha256', smallBuf.subarray(0, n), 'hex'), bytes: n } : null;
}

/** Deterministic sampling: the same path is always in or out of a sample of the given rate (FNV-1a of the bytes). */
export function inSample(parts: readonly Buffer[], rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  let h = 0x811c9dc5;
  for (const p of parts) {
    for (const b of p) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    h = Math.imul(h ^ 0x2f, 0x01000193) >>> 0;
  }
  return h / 0x100000000 < rate;
}
