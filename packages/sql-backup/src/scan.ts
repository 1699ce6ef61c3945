import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import type { OpenSource } from './byte-source';
import { BackupHeaderError, SqlFindingCode } from './errors';
import { createHeaderScratch, readBackupHeader, type HeaderScratch } from './read-header';
import { createFdScratch, readHeaderFromFd, type FdScratch } from './read-header-fd';
import type { ScannedFile } from './report-types';

const BACKUP_EXT = new Set(['.bak', '.trn']);
const YIELD_EVERY = 64;

let sharedScratch: FdScratch | undefined;
/** The synchronous reads never interleave, so one buffer serves every scan in the process. */
const fdScratch = () => (sharedScratch ??= createFdScratch());

export interface ScanOptions {
  openSource?: OpenSource;
  /** Called as files are read (for progress on stderr). */
  onProgress?: (done: number, total: number) => void;
  /** Parallel header reads with an injected asynchronous source. */
  concurrency?: number;
}

function hasTapeMagic(file: string): boolean {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const b = fdScratch().bytes;
    return readSync(fd, b, 0, 4, 0) === 4 && b[0] === 0x54 && b[1] === 0x41 && b[2] === 0x50 && b[3] === 0x45;
  } catch {
    return false;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a read-only descriptor cannot lose data.
    }
  }
}

/** `path.extname(name).toLowerCase()` is .bak or .trn (entry names hold no separators, and never `.` or `..`). */
function hasBackupExt(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot === name.length - 4 && BACKUP_EXT.has(name.slice(dot).toLowerCase());
}

/** `path.join(dir, name)` for a resolved folder and a directory entry name (nothing to normalise). */
const childPath = (dir: string, name: string) => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** A path the walk could not use, and why (becomes an E_SQL_UNREADABLE finding). */
export interface WalkProblem {
  path: string;
  message: string;
}

/** The entries of a folder in name order; null (and a problem) when it cannot be listed. */
function listSorted(dir: string, problems: WalkProblem[]): Dirent[] | null {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, message: `cannot list this folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check its permissions` });
    return null;
  }
  // Name order (code-point order, as cmpText in compare.ts), sorted natively: a comparator call per comparison costs more.
  const byName = new Map<string, Dirent>();
  for (const e of entries) byName.set(e.name, e);
  const names = [...byName.keys()].sort();
  for (let i = 0; i < names.length; i++) entries[i] = byName.get(names[i]!)!;
  return entries;
}

/** Keeps a folder entry that is not a folder when it is a backup candidate (see findBackupFiles). */
function addEntry(dir: string, e: Dirent, out: string[], problems: WalkProblem[]): void {
  const full = childPath(dir, e.name);
  const named = hasBackupExt(e.name);
  if (e.isFile()) {
    if (named || hasTapeMagic(full)) out.push(full);
  } else if (e.isSymbolicLink()) {
    const st = statOrNull(full);
    // A dangling link named .bak is kept: reading it reports the missing target.
    if (st === null ? named : st.isFile() && (named || hasTapeMagic(full))) out.push(full);
  } else if (named) {
    problems.push({ path: full, message: 'not a regular file (a pipe, socket or device); not read' });
  }
}

/**
 * Lists candidate backup files under the folders (recursive): every .bak/.trn, and any other file that starts with
 * the MTF TAPE magic (files without an extension, odd names). Symbolic links to folders are not followed. Only
 * regular files are opened: a pipe or device named .bak would block or stream forever, so it is a problem instead.
 */
export async function findBackupFiles(folders: string[], cwd: string): Promise<{ files: string[]; problems: WalkProblem[] }> {
  const out: string[] = [];
  const problems: WalkProblem[] = [];
  let listed = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = listSorted(dir, problems);
    if (!entries) return;
    if (++listed % YIELD_EVERY === 0) await new Promise((res) => setImmediate(res));
    for (const e of entries) {
      if (e.isDirectory()) await visit(childPath(dir, e.name));
      else addEntry(dir, e, out, problems);
    }
  };
  for (const folder of folders) {
    const full = path.resolve(cwd, folder);
    let st: Stats;
    try {
      st = statSync(full);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new LyncdrError('E_INPUT', `${e.code === 'ENOENT' ? 'no such folder' : `cannot read it (${e.message})`}; give the folder that holds the .bak/.trn files`, { location: { file: folder }, cause: e });
    }
    if (st.isDirectory()) await visit(full);
    else if (st.isFile()) out.push(full);
    else throw new LyncdrError('E_INPUT', 'not a folder or a regular file; give the folder that holds the .bak/.trn files', { location: { file: folder } });
  }
  return { files: [...new Set(out)], problems };
}

function openFailure(file: string, e: unknown): ScannedFile {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'the file (or the target of its link) does not exist' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
  return { path: file, size: null, header: null, error: { code: SqlFindingCode.unreadable, message: `cannot open: ${why}; check the share and its permissions` } };
}

function readFailure(file: string, size: number | null, e: unknown): ScannedFile {
  if (e instanceof BackupHeaderError) {
    return { path: file, size, header: null, error: { code: e.code, message: e.where ? `${e.message} (${e.where})` : e.message } };
  }
  return { path: file, size, header: null, error: { code: SqlFindingCode.unreadable, message: `read failed: ${(e as Error).message}` } };
}

/**
 * Reads the header of one file; every failure becomes a finding code and message, never an exception. Without
 * `openSource` the file is read with synchronous positioned reads (the fast path).
 */
export async function scanFile(file: string, openSource?: OpenSource, scratch?: HeaderScratch): Promise<ScannedFile> {
  if (!openSource) return scanFileSync(file, fdScratch());
  let src;
  try {
    src = await openSource(file);
  } catch (e) {
    return openFailure(file, e);
  }
  let size: number | null = null;
  try {
    size = await src.size();
    const { header } = await readBackupHeader(src, scratch);
    return { path: file, size, header, error: null };
  } catch (e) {
    return readFailure(file, size, e);
  } finally {
    await src.close().catch(() => undefined);
  }
}

function scanFileSync(file: string, scratch: FdScratch): ScannedFile {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return openFailure(file, e);
  }
  let size: number | null = null;
  try {
    size = fstatSync(fd).size;
    return { path: file, size, header: readHeaderFromFd(fd, size, scratch), error: null };
  } catch (e) {
    return readFailure(file, size, e);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a read-only descriptor cannot lose data.
    }
  }
}

/**
 * Reads the headers of all files in the order given. By default with synchronous positioned reads, one file after
 * the other: on a warm cache or a local disk that is the cheapest (the thread pool's round trips cost more than these
 * small reads). Injected asynchronous sources run `concurrency` at a time. The event loop gets a turn every
 * YIELD_EVERY files either way, so an agent keeps answering while it scans.
 */
export async function scanFiles(files: string[], opts: ScanOptions = {}): Promise<ScannedFile[]> {
  const out: ScannedFile[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const finished = async (i: number, r: ScannedFile) => {
    out[i] = r;
    done++;
    opts.onProgress?.(done, files.length);
    if (done % YIELD_EVERY === 0) await new Promise((res) => setImmediate(res));
  };
  const openSource = opts.openSource;
  if (!openSource) {
    const scratch = fdScratch();
    for (let i = 0; i < files.length; i++) {
      out[i] = scanFileSync(files[i]!, scratch);
      opts.onProgress?.(i + 1, files.length);
      if ((i + 1) % YIELD_EVERY === 0) await new Promise((res) => setImmediate(res));
    }
    return out;
  }
  const worker = async () => {
    const scratch = createHeaderScratch();
    while (next < files.length) {
      const i = next++;
      await finished(i, await scanFile(files[i]!, openSource, scratch));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 8, files.length)) }, worker));
  return out;
}
