import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EntryType, WalkEntry, WalkIssue, WalkOptions } from './walk';
import { decodeName } from './names';

/**
 * The sorted walk of walk.ts run in a worker thread, so the two trees of a comparison are walked on two cores (as
 * rsync does with its sender and receiver processes). The worker is plain JavaScript evaluated from this string (no
 * loader needed, works from the bundle). Each batch travels as one transferred buffer of absolute paths plus a
 * Float64Array of offsets and stats; component names are views into it. At most MAX_INFLIGHT batches wait for the
 * reader, so memory stays bounded when the reader is slower than the walk.
 */
const MAX_INFLIGHT = 4;
const TYPES: EntryType[] = ['file', 'dir', 'symlink', 'other'];

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { lstatSync, readdirSync } = require('node:fs');
const { root, sep, exclude, batchSize, maxInflight, inflight: sab } = workerData;
const inflight = new Int32Array(sab);
const excludeSet = new Set(exclude);
const excludeLens = new Set(exclude.map((n) => Buffer.byteLength(n)));
let excluded = 0;
const SEP = Buffer.from(sep);
const rootBuf = Buffer.from(root);
const isAscii = (b) => { for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false; return true; };
const dec = new TextDecoder('utf-8', { fatal: true });
const validUtf8 = (b) => { if (isAscii(b)) return true; try { dec.decode(b); return true; } catch { return false; } };
// Each batch's paths are written one after the other into one buffer, which is transferred whole to the reader.
const BATCH_BYTES = 256 * 1024;
let buf = Buffer.allocUnsafeSlow(BATCH_BYTES), meta = [], bytes = 0, count = 0;
const room = (n) => {
  if (bytes + n <= buf.length) return;
  const bigger = Buffer.allocUnsafeSlow(Math.max(2 * buf.length, bytes + n));
  buf.copy(bigger, 0, 0, bytes);
  buf = bigger;
};
const flush = () => {
  if (!count) return;
  while (Atomics.load(inflight, 0) >= maxInflight) Atomics.wait(inflight, 0, Atomics.load(inflight, 0), 1000);
  const ab = buf.buffer;
  const m = new Float64Array(meta);
  Atomics.add(inflight, 0, 1);
  parentPort.postMessage({ kind: 'batch', buf: ab, meta: m, count }, [ab, m.buffer]);
  buf = Buffer.allocUnsafeSlow(BATCH_BYTES); meta = []; bytes = 0; count = 0;
};
const issue = (code, abs, message) => parentPort.postMessage({ kind: 'issue', code, abs: Buffer.from(abs), message });
const stack = [];
const open = (dir, depth) => {
  let names;
  try {
    names = readdirSync(dir, { encoding: 'buffer' }).filter((n) => {
      const skip = excludeLens.has(n.length) && excludeSet.has(n.toString('latin1').toLowerCase());
      if (skip) excluded++;
      return !skip;
    });
  } catch (e) {
    issue(depth === 0 ? 'FS_ROOT_UNREADABLE' : e.code === 'ENOENT' ? 'FS_VANISHED' : 'FS_UNREADABLE', dir, 'cannot read folder: ' + (e.code || e.message));
    return;
  }
  names.sort(Buffer.compare);
  stack.push({ dir, names, i: 0, depth, excluded: 0 });
};
open(rootBuf, 0);
while (stack.length) {
  const top = stack[stack.length - 1];
  if (top.i >= top.names.length) { stack.pop(); continue; }
  const name = top.names[top.i++];
  const len = top.dir.length + SEP.length + name.length;
  room(len);
  top.dir.copy(buf, bytes);
  SEP.copy(buf, bytes + top.dir.length);
  name.copy(buf, bytes + top.dir.length + SEP.length);
  const abs = buf.subarray(bytes, bytes + len);
  let st;
  try { st = lstatSync(abs, { throwIfNoEntry: false }); } catch (e) { issue('FS_UNREADABLE', abs, 'cannot read: ' + (e.code || 'error')); continue; }
  if (!st) { issue('FS_VANISHED', abs, 'disappeared during the scan'); continue; }
  if (!validUtf8(name)) issue('FS_NAME_NOT_UTF8', abs, 'the name is not valid UTF-8; Windows tools may not copy it');
  const type = st.isFile() ? 0 : st.isDirectory() ? 1 : st.isSymbolicLink() ? 2 : 3;
  if (type === 2) issue('FS_SYMLINK', abs, 'is a symbolic link; it is listed, not followed');
  meta.push(bytes, len, type, type === 0 ? st.size : 0, st.mtimeMs, top.depth + 1);
  bytes += len; count++;
  // A folder's path outlives the batch (its entries are built from it): its own copy.
  if (type === 1) open(Buffer.from(abs), top.depth + 1);
  if (count >= batchSize) flush();
}
flush();
parentPort.postMessage({ kind: 'end', excluded });
`;

type Msg =
  | { kind: 'batch'; buf: ArrayBuffer; meta: Float64Array; count: number }
  | { kind: 'issue'; code: WalkIssue['code']; abs: Uint8Array; message: string }
  | { kind: 'end'; excluded: number };

/** Same entries, same order and same issues as walkBatches, produced by a worker thread. */
export async function* walkBatchesInWorker(root: string, opts: WalkOptions = {}, batchSize = 2048, excludeNames: string[] = []): AsyncGenerator<WalkEntry[]> {
  const rootAbs = path.resolve(root);
  const rootLen = Buffer.byteLength(rootAbs) + Buffer.byteLength(path.sep);
  const inflight = new SharedArrayBuffer(4);
  const counter = new Int32Array(inflight);
  const worker = new Worker(workerSource, {
    eval: true,
    // A small heap: the walk keeps only the open folders' names. A young generation of 8 MB (not less) lets each
    // batch's garbage die young: 2 MB cost a fifth more CPU time in collections.
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 },
    workerData: { root: rootAbs, sep: path.sep, exclude: excludeNames.map((n) => n.toLowerCase()), batchSize, maxInflight: MAX_INFLIGHT, inflight },
  });
  const queue: Msg[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: Msg) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  try {
    for (;;) {
      if (!queue.length) {
        if (failure) throw failure;
        if (opts.signal?.aborted) return;
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      if (opts.signal?.aborted) return;
      const m = queue.shift()!;
      if (m.kind === 'end') {
        opts.onExcluded?.(m.excluded);
        return;
      }
      if (m.kind === 'issue') {
        const abs = Buffer.from(m.abs);
        opts.onIssue?.({ code: m.code, message: `${m.message}: ${decodeName(abs).text}`, path: decodeName(abs).text });
        continue;
      }
      const buf = Buffer.from(m.buf);
      const batch: WalkEntry[] = new Array(m.count);
      for (let i = 0, j = 0; i < m.count; i++, j += 6) {
        const start = m.meta[j]!;
        const abs = buf.subarray(start, start + m.meta[j + 1]!);
        batch[i] = { parts: splitParts(abs, rootLen, m.meta[j + 5]!), abs, type: TYPES[m.meta[j + 2]!]!, size: m.meta[j + 3]!, mtimeMs: m.meta[j + 4]! };
      }
      Atomics.sub(counter, 0, 1);
      Atomics.notify(counter, 0);
      yield batch;
    }
  } finally {
    await worker.terminate();
  }
}

const SEP_BYTE = path.sep.charCodeAt(0);

/** Component views of `abs` after the root (no copies). */
function splitParts(abs: Buffer, rootLen: number, depth: number): Buffer[] {
  const parts: Buffer[] = new Array(depth);
  let start = rootLen;
  for (let k = 0; k < depth - 1; k++) {
    const end = abs.indexOf(SEP_BYTE, start);
    parts[k] = abs.subarray(start, end);
    start = end + 1;
  }
  parts[depth - 1] = abs.subarray(start);
  return parts;
}
