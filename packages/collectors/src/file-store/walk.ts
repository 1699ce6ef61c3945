import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { comparePaths, decodeName, isAscii, relText } from './names';

export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

export interface WalkEntry {
  /** Path components below the root, as raw bytes (names need not be UTF-8). */
  parts: Buffer[];
  /** Absolute path as bytes, usable with every fs call. */
  abs: Buffer;
  type: EntryType;
  size: number;
  mtimeMs: number;
}

export interface WalkIssue {
  code: 'FS_UNREADABLE' | 'FS_VANISHED' | 'FS_NAME_NOT_UTF8' | 'FS_SYMLINK' | 'FS_ROOT_UNREADABLE';
  message: string;
  path: string;
}

export interface WalkOptions {
  /** Names to skip (files and folders), e.g. Meeting.Active. */
  exclude?: (name: Buffer) => boolean;
  onIssue?: (issue: WalkIssue) => void;
  /** Yield to the event loop every this many entries (progress, abort, sockets stay alive). */
  yieldEvery?: number;
  signal?: AbortSignal;
  /** Called once at the end with the number of names the exclusion left out (worker walk only). */
  onExcluded?: (count: number) => void;
}

interface Frame {
  dir: Buffer;
  parts: Buffer[];
  names: Buffer[];
  i: number;
}

const SEP = Buffer.from(path.sep);

/**
 * Walks a tree depth-first with each folder's names sorted bytewise, so two walks can be merge-joined. Memory is the
 * open folders' name lists only (one list per depth level), never the whole tree. Symbolic links are reported, not
 * followed (so a link loop cannot trap the walk); unreadable folders and files that vanish are reported as issues.
 */
export async function* walkSorted(root: string, opts: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  for await (const batch of walkBatches(root, opts)) yield* batch;
}

/** The same walk in batches of entries (fewer awaits per entry: what the comparison uses). */
export async function* walkBatches(root: string, opts: WalkOptions = {}, batchSize = 1024): AsyncGenerator<WalkEntry[]> {
  const exclude = opts.exclude ?? (() => false);
  const issue = opts.onIssue ?? (() => {});
  const yieldEvery = opts.yieldEvery ?? 2000;
  const rootBuf = Buffer.from(path.resolve(root));
  const stack: Frame[] = [];
  const open = (dir: Buffer, parts: Buffer[]): boolean => {
    try {
      const names = readdirSync(dir, { encoding: 'buffer' }).filter((n) => !exclude(n));
      names.sort(Buffer.compare);
      stack.push({ dir, parts, names, i: 0 });
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      issue({
        code: parts.length ? (code === 'ENOENT' ? 'FS_VANISHED' : 'FS_UNREADABLE') : 'FS_ROOT_UNREADABLE',
        message: `cannot read folder ${display(dir)}: ${code ?? (e as Error).message}`,
        path: display(dir),
      });
      return false;
    }
  };
  if (!open(rootBuf, [])) return;
  let count = 0;
  let batch: WalkEntry[] = [];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.names.length) {
      stack.pop();
      continue;
    }
    const name = top.names[top.i++]!;
    const abs = Buffer.concat([top.dir, SEP, name]);
    const parts = [...top.parts, name];
    if (++count % yieldEvery === 0) {
      if (opts.signal?.aborted) return;
      await new Promise<void>((r) => setImmediate(r));
    }
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
    let st;
    try {
      st = lstatSync(abs, { throwIfNoEntry: false });
    } catch (e) {
      issue({ code: 'FS_UNREADABLE', message: `cannot read ${display(abs)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, path: display(abs) });
      continue;
    }
    if (!st) {
      issue({ code: 'FS_VANISHED', message: `${display(abs)} disappeared during the scan`, path: display(abs) });
      continue;
    }
    if (!isAscii(name) && !decodeName(name).valid) {
      issue({ code: 'FS_NAME_NOT_UTF8', message: `the name ${relText(parts)} is not valid UTF-8; Windows tools may not copy it`, path: display(abs) });
    }
    const type: EntryType = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other';
    if (type === 'symlink') issue({ code: 'FS_SYMLINK', message: `${display(abs)} is a symbolic link; it is listed, not followed`, path: display(abs) });
    batch.push({ parts, abs, type, size: type === 'file' ? st.size : 0, mtimeMs: st.mtimeMs });
    if (type === 'dir') open(abs, parts);
  }
  if (batch.length) yield batch;
}

/** A path as text for findings (invalid UTF-8 bytes escaped). */
export function display(abs: Buffer): string {
  return decodeName(abs).text;
}

export { comparePaths };
