import path from 'node:path';
import type { Finding } from '@lyncdr/protocol';
import { createHashPool, type HashResult } from './hash-pool';
import { inSample, sha256File, sha256SmallFileSync, SMALL_FILE_BYTES } from './hash';
import { comparePaths, relText } from './names';
import { display, walkBatches, type WalkEntry, type WalkIssue } from './walk';
import { walkBatchesInWorker } from './walk-worker';

export interface CompareOptions {
  /** File names left out of the comparison (REFERENCE §a.2: Meeting.Active is locked during meetings). */
  exclude?: string[];
  /** `none` (default), `sample` (a deterministic share of the files, see sampleRate) or `all`. */
  hash?: 'none' | 'sample' | 'all';
  sampleRate?: number;
  hashConcurrency?: number;
  /** A backup copy may be this much older than the source and still count as current (FAT/SMB time granularity). */
  mtimeToleranceMs?: number;
  /** Findings kept in the result; every finding still reaches onFinding. */
  maxFindings?: number;
  onFinding?: (f: Finding) => void;
  progress?: (message: string, done?: number) => void;
  signal?: AbortSignal;
  /** Walk both trees in worker threads (default unless hash is `all`); false walks both on the calling thread. */
  parallel?: boolean;
  /** Worker threads that hash files (default 1 with hash `all`, else 0); 0 hashes on the calling thread. */
  hashWorkers?: number;
}

export interface FolderSummary {
  folder: string;
  sourceFiles: number;
  sourceBytes: number;
  backupFiles: number;
  backupBytes: number;
  missing: number;
  older: number;
  changed: number;
  extra: number;
  newestBackup: string | null;
}

export interface CompareResult {
  source: string;
  backup: string;
  ok: boolean;
  totals: Omit<FolderSummary, 'folder' | 'newestBackup'> & { matched: number; hashed: number; hashedBytes: number; excluded: number; issues: number };
  newestBackup: string | null;
  folders: FolderSummary[];
  findingsTotal: number;
  findings: Finding[];
}

const MAX_FOLDERS = 500;
const DEFAULT_EXCLUDE = ['Meeting.Active'];

/**
 * Compares a live file share with its backup copy by walking both trees in the same sorted order and merge-joining
 * them: memory stays bounded whatever the number of files. Missing, older, changed-size and (optionally) changed-content
 * files are errors (they make `ok` false); symbolic links, names that are not UTF-8 and files that changed during the
 * scan are warnings, and extra files in the backup are info: neither makes `ok` false.
 */
export async function compareTrees(source: string, backup: string, opts: CompareOptions = {}): Promise<CompareResult> {
  const excludeNames = new Set((opts.exclude ?? DEFAULT_EXCLUDE).map((n) => n.toLowerCase()));
  let excluded = 0;
  const excludeLengths = new Set([...excludeNames].map((n) => Buffer.byteLength(n)));
  const exclude = (name: Buffer) => {
    if (!excludeLengths.has(name.length) || !excludeNames.has(name.toString('latin1').toLowerCase())) return false;
    excluded++;
    return true;
  };
  const tolerance = opts.mtimeToleranceMs ?? 2000;
  const maxFindings = opts.maxFindings ?? 1000;
  const hashMode = opts.hash ?? 'none';
  const sampleRate = hashMode === 'all' ? 1 : hashMode === 'sample' ? (opts.sampleRate ?? 0.01) : 0;
  const findings: Finding[] = [];
  let findingsTotal = 0;
  let issues = 0;
  const add = (f: Finding) => {
    findingsTotal++;
    // Only errors (missing, older, changed, unreadable) fail the comparison; warnings and info are listed.
    if (f.severity === 'error') failed = true;
    if (findings.length < maxFindings) findings.push(f);
    opts.onFinding?.(f);
  };
  let failed = false;
  const onIssue = (side: string) => (i: WalkIssue) => {
    issues++;
    const severity = i.code === 'FS_SYMLINK' || i.code === 'FS_NAME_NOT_UTF8' ? 'warning' : 'error';
    add({ code: i.code, message: `${side}: ${i.message}`, path: i.path, severity });
  };

  const totals = { sourceFiles: 0, sourceBytes: 0, backupFiles: 0, backupBytes: 0, missing: 0, older: 0, changed: 0, extra: 0, matched: 0, hashed: 0, hashedBytes: 0, excluded: 0, issues: 0 };
  const folders = new Map<string, FolderSummary & { newestMs: number }>();
  let newestMs = -Infinity;
  // The folder of consecutive files is usually the same: remembered by its first two names.
  let memo: { a: Buffer | undefined; b: Buffer | undefined; depth: number; f: FolderSummary & { newestMs: number } } | null = null;
  const folderOf = (parts: Buffer[]) => {
    const depth = Math.min(parts.length, 3);
    if (memo && memo.depth === depth && sameName(memo.a, parts[0]) && sameName(memo.b, depth === 3 ? parts[1] : undefined)) return memo.f;
    const f = folderLookup(parts);
    memo = { a: parts[0], b: depth === 3 ? parts[1] : undefined, depth, f };
    return f;
  };
  const folderLookup = (parts: Buffer[]) => {
    const key = parts.length <= 1 ? '(root)' : parts.length === 2 ? relText(parts.slice(0, 1)) : relText(parts.slice(0, 2));
    let f = folders.get(key);
    if (!f) {
      const k = folders.size >= MAX_FOLDERS ? '(other)' : key;
      f = folders.get(k) ?? { folder: k, sourceFiles: 0, sourceBytes: 0, backupFiles: 0, backupBytes: 0, missing: 0, older: 0, changed: 0, extra: 0, newestBackup: null, newestMs: -Infinity };
      folders.set(k, f);
    }
    return f;
  };

  const hashing = new Set<Promise<void>>();
  const concurrency = Math.max(1, opts.hashConcurrency ?? 4);
  const hashSmallPair = (s: WalkEntry, b: WalkEntry, folder: FolderSummary) => {
    let hs, hb;
    try {
      hs = sha256SmallFileSync(s.abs);
      hb = sha256SmallFileSync(b.abs);
    } catch (e) {
      add({ code: 'FS_CHANGED_DURING_SCAN', message: `${relText(s.parts)} could not be read for hashing (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path: display(s.abs), severity: 'warning' });
      return true;
    }
    if (!hs || !hb) return false;
    compareHashes(s, b, hs, hb, folder);
    return true;
  };
  const compareHashes = (s: WalkEntry, b: WalkEntry, hs: { hex: string; bytes: number }, hb: { hex: string; bytes: number }, folder: FolderSummary) => {
    totals.hashed++;
    totals.hashedBytes += hs.bytes + hb.bytes;
    if (hs.bytes !== s.size || hb.bytes !== b.size) {
      add({ code: 'FS_CHANGED_DURING_SCAN', message: `${relText(s.parts)} changed while it was being read; compare again later`, path: display(s.abs), severity: 'warning' });
    } else if (hs.hex !== hb.hex) {
      folder.changed++;
      totals.changed++;
      add({ code: 'FS_CONTENT_DIFFERS', message: `${relText(s.parts)}: the backup copy has the same size but different content (sha256 ${hb.hex.slice(0, 12)}… vs ${hs.hex.slice(0, 12)}…)`, path: display(b.abs), severity: 'error' });
    }
  };
  const hashPair = async (s: WalkEntry, b: WalkEntry, folder: FolderSummary) => {
    try {
      const [hs, hb] = await Promise.all([sha256File(s.abs, s.size), sha256File(b.abs, b.size)]);
      compareHashes(s, b, hs, hb, folder);
      return;
    } catch (e) {
      add({ code: 'FS_CHANGED_DURING_SCAN', message: `${relText(s.parts)} could not be read for hashing (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path: display(s.abs), severity: 'warning' });
    }
  };
  // Full hashing: one thread walks, a worker hashes. Otherwise: the two walks run in worker threads. (Measured with
  // tools/bench/filestore.bench.ts; more threads than cores only add memory.)
  const hashWorkers = opts.hashWorkers ?? (hashMode === 'all' ? 1 : 0);
  const parallelWalk = opts.parallel ?? hashMode !== 'all';
  const pool = sampleRate > 0 && hashWorkers > 0 ? createHashPool(hashWorkers) : null;
  let pendingPairs: [WalkEntry, WalkEntry, FolderSummary][] = [];
  const batches = new Set<Promise<void>>();
  const unreadable = (s: WalkEntry, error: string) =>
    add({ code: 'FS_CHANGED_DURING_SCAN', message: `${relText(s.parts)} could not be read for hashing (${error})`, path: display(s.abs), severity: 'warning' });
  const dispatch = async () => {
    if (!pool || !pendingPairs.length) return;
    const pairs = pendingPairs;
    pendingPairs = [];
    while (batches.size >= 2 * hashWorkers) await Promise.race(batches);
    // Own copies of the paths: a view would carry its whole batch buffer to the worker.
    const paths = pairs.flatMap(([s, b]) => [new Uint8Array(s.abs), new Uint8Array(b.abs)]);
    const p: Promise<void> = pool
      .hash(paths)
      .then((res: HashResult[]) => {
        pairs.forEach(([s, b, f], i) => {
          const hs = res[2 * i]!;
          const hb = res[2 * i + 1]!;
          if ('error' in hs) unreadable(s, hs.error);
          else if ('error' in hb) unreadable(s, hb.error);
          else compareHashes(s, b, hs, hb, f);
        });
      })
      .catch((e: Error) => pairs.forEach(([s]) => unreadable(s, e.message)))
      .finally(() => batches.delete(p));
    batches.add(p);
  };

  // Both trees are walked in worker threads (two cores, as rsync's sender and receiver), this thread only merges;
  // with parallel false, both walks run here.
  const walk = (root: string, side: string) =>
    !parallelWalk
      ? walkBatches(root, { exclude, onIssue: onIssue(side), signal: opts.signal })
      : walkBatchesInWorker(root, { onIssue: onIssue(side), signal: opts.signal, onExcluded: (n) => (excluded += n) }, 2048, [...excludeNames]);
  const src = new Cursor(walk(source, 'source'));
  const bak = new Cursor(walk(backup, 'backup'));
  await src.fill();
  await bak.fill();
  let seen = 0;
  for (;;) {
    const se = src.current();
    const be = bak.current();
    if (!se && !be) break;
    const c = !se ? 1 : !be ? -1 : comparePaths(se.parts, be.parts);
    if (++seen % 10_000 === 0) opts.progress?.(`compared ${seen} entries`, seen);
    if (c < 0) {
      const e = se!;
      if (e.type === 'file') {
        const f = folderOf(e.parts);
        countSource(f, e);
        f.missing++;
        totals.missing++;
        add({ code: 'FS_MISSING', message: `${relText(e.parts)} (${e.size} bytes) is not in the backup`, path: display(e.abs), severity: 'error' });
      } else if (e.type === 'dir' && e.parts.length <= 2) {
        add({ code: 'FS_FOLDER_MISSING', message: `folder ${relText(e.parts)} is not in the backup`, path: display(e.abs), severity: 'error' });
      }
      if (src.advance()) await src.fill();
    } else if (c > 0) {
      const e = be!;
      if (e.type === 'file') {
        const f = folderOf(e.parts);
        countBackup(f, e);
        f.extra++;
        totals.extra++;
        add({ code: 'FS_EXTRA', message: `${relText(e.parts)} is in the backup but no longer in the source`, path: display(e.abs), severity: 'info' });
      }
      if (bak.advance()) await bak.fill();
    } else if (se && be) {
      if (se.type === 'file' && be.type === 'file') {
        const f = folderOf(se.parts);
        countSource(f, se);
        countBackup(f, be);
        if (be.mtimeMs + tolerance < se.mtimeMs) {
          f.older++;
          totals.older++;
          add({ code: 'FS_OLDER', message: `${relText(se.parts)}: the backup copy (${iso(be.mtimeMs)}) is older than the source (${iso(se.mtimeMs)})`, path: display(be.abs), severity: 'error' });
        } else if (be.size !== se.size) {
          f.changed++;
          totals.changed++;
          add({ code: 'FS_SIZE_DIFFERS', message: `${relText(se.parts)}: the backup copy is ${be.size} bytes, the source ${se.size}`, path: display(be.abs), severity: 'error' });
        } else {
          totals.matched++;
          const small = se.size < SMALL_FILE_BYTES && be.size < SMALL_FILE_BYTES;
          if (pool && sampleRate > 0 && inSample(se.parts, sampleRate)) {
            pendingPairs.push([se, be, f]);
            if (pendingPairs.length >= 256) await dispatch();
          } else if (sampleRate > 0 && inSample(se.parts, sampleRate) && !(small && hashSmallPair(se, be, f))) {
            if (hashing.size >= concurrency) await Promise.race(hashing);
            const p: Promise<void> = hashPair(se, be, f).finally(() => hashing.delete(p));
            hashing.add(p);
          }
        }
      } else if (se.type !== be.type && (se.type === 'file' || be.type === 'file')) {
        add({ code: 'FS_TYPE_DIFFERS', message: `${relText(se.parts)} is a ${se.type} in the source but a ${be.type} in the backup`, path: display(be.abs), severity: 'error' });
        if (se.type === 'file') {
          const f = folderOf(se.parts);
          countSource(f, se);
          f.missing++;
          totals.missing++;
        }
      }
      if (src.advance()) await src.fill();
      if (bak.advance()) await bak.fill();
    }
  }
  await dispatch();
  await Promise.all(batches);
  await pool?.close();
  await Promise.all(hashing);
  opts.progress?.(`compared ${seen} entries`, seen);

  function countSource(f: FolderSummary, e: WalkEntry) {
    f.sourceFiles++;
    f.sourceBytes += e.size;
    totals.sourceFiles++;
    totals.sourceBytes += e.size;
  }
  function countBackup(f: FolderSummary & { newestMs: number }, e: WalkEntry) {
    f.backupFiles++;
    f.backupBytes += e.size;
    totals.backupFiles++;
    totals.backupBytes += e.size;
    if (e.mtimeMs > f.newestMs) f.newestMs = e.mtimeMs;
    if (e.mtimeMs > newestMs) newestMs = e.mtimeMs;
  }

  totals.excluded = excluded;
  totals.issues = issues;
  return {
    source: path.resolve(source),
    backup: path.resolve(backup),
    ok: !failed,
    totals,
    newestBackup: Number.isFinite(newestMs) ? iso(newestMs) : null,
    folders: [...folders.values()]
      .map(({ newestMs: n, ...f }) => ({ ...f, newestBackup: Number.isFinite(n) ? iso(n) : null }))
      .sort((x, y) => (x.folder < y.folder ? -1 : x.folder > y.folder ? 1 : 0)),
    findingsTotal,
    findings,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Reads a batched walk one entry at a time, awaiting only when a batch runs out. */
class Cursor {
  private batch: WalkEntry[] = [];
  private i = 0;
  private done = false;
  constructor(private readonly gen: AsyncGenerator<WalkEntry[]>) {}
  async fill(): Promise<void> {
    while (!this.done && this.i >= this.batch.length) {
      const r = await this.gen.next();
      if (r.done) this.done = true;
      else {
        this.batch = r.value;
        this.i = 0;
      }
    }
  }
  current(): WalkEntry | undefined {
    return this.batch[this.i];
  }
  /** Moves on; true when the batch is used up and fill() must be awaited. */
  advance(): boolean {
    this.i++;
    return this.i >= this.batch.length && !this.done;
  }
}

function sameName(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.equals(b));
}
