import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of many files in worker threads, in batches (one message per batch, not per file: the files of a share are
 * mostly small, so per-message costs would dominate). Each worker reads through one reused buffer, so memory stays
 * bounded whatever the file sizes. Plain JavaScript evaluated from this string: no loader needed, works from the bundle.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1024 * 1024);
parentPort.on('message', ({ id, paths }) => {
  const out = [];
  for (const p of paths) {
    let fd;
    try {
      fd = openSync(Buffer.from(p.buffer, p.byteOffset, p.byteLength), 'r');
      let n = readSync(fd, buf, 0, buf.length, null);
      if (n < buf.length) out.push({ hex: crypto.hash('sha256', buf.subarray(0, n), 'hex'), bytes: n });
      else {
        const h = crypto.createHash('sha256');
        let bytes = 0;
        while (n > 0) { h.update(buf.subarray(0, n)); bytes += n; n = readSync(fd, buf, 0, buf.length, null); }
        out.push({ hex: h.digest('hex'), bytes });
      }
    } catch (e) {
      out.push({ error: e.code || e.message });
    } finally {
      if (fd !== undefined) try { closeSync(fd); } catch {}
    }
  }
  parentPort.postMessage({ id, out });
});
`;

export type HashResult = { hex: string; bytes: number } | { error: string };

export interface HashPool {
  /** Paths as standalone byte arrays (each with its own ArrayBuffer, so a message carries only its bytes). */
  hash(paths: Uint8Array[]): Promise<HashResult[]>;
  close(): Promise<void>;
}

export function createHashPool(size = 2): HashPool {
  const workers = Array.from({ length: size }, () => new Worker(workerSource, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } }));
  const waiting = new Map<number, { resolve: (r: HashResult[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  for (const w of workers) {
    w.on('message', (m: { id: number; out: HashResult[] }) => {
      waiting.get(m.id)?.resolve(m.out);
      waiting.delete(m.id);
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
  }
  return {
    hash(paths) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, paths });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
