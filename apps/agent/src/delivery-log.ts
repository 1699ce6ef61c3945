import { existsSync, readFileSync, truncateSync } from 'node:fs';
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import { fsyncDir } from './fsync-dir';

/**
 * One planner's delivery cursor, kept beside the outbox: an append-only file of the report ids that planner
 * acknowledged (`a <id>`) or that were dropped for it after the retention (`d <id>`), one line each, fsynced in
 * batches. A line cut short by a crash is cut off when the file is opened; the file is rewritten (temporary file, fsync,
 * rename) with only the ids still in the outbox once it holds many more lines than that. `n <count>` at the top carries
 * the drops counted before a rewrite; `# <url>` names the planner for a human reading the folder.
 */
export interface DeliveryLog {
  /** Ids acknowledged by, or dropped for, this planner, as read when the log was opened. */
  readonly done: ReadonlySet<string>;
  /** Reports dropped for this planner since the outbox began, as read when the log was opened. */
  readonly dropped: number;
  /** Appends an ack or a drop; resolves once it is on disk (appends made meanwhile share one fsync). */
  record(kind: 'ack' | 'drop', id: string): Promise<void>;
  /** Lines written since the last rewrite (a rewrite is due when this far exceeds the ids kept). */
  lines(): number;
  /** Rewrites the file with these ids only (read when the rewrite runs) and the drop count of the lines it replaces. */
  compact(keep: Iterable<string>): Promise<void>;
  close(): Promise<void>;
}

const LINE = /^([adn#]) (.+)$/;

/**
 * Reads a cursor file without changing it (a line cut short is left out): the ids done for its planner, the drop
 * count, and how many lines it holds. A missing file is an empty cursor.
 */
export function readCursor(file: string): { done: Set<string>; dropped: number; lines: number; text: string } {
  const done = new Set<string>();
  let dropped = 0;
  let lines = 0;
  if (!existsSync(file)) return { done, dropped, lines, text: '' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LyncdrError('E_OUTBOX', `cannot read the delivery cursor ${file}: ${(e as Error).message}; check the outbox folder's permissions`, { cause: e });
  }
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  for (const line of whole.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    lines++;
    if (m[1] === 'a') done.add(m[2]!);
    else if (m[1] === 'd') {
      done.add(m[2]!);
      dropped++;
    } else if (m[1] === 'n') dropped = Number(m[2]) || 0;
  }
  return { done, dropped, lines, text };
}

export function openDeliveryLog(file: string, url: string): DeliveryLog {
  const read = readCursor(file);
  const { done, dropped } = read;
  let lineCount = read.lines;
  /** Drops in the file as written so far: what a rewrite carries as `n`, the drops written after it being added on reading. */
  let droppedOnDisk = read.dropped;
  const end = read.text.lastIndexOf('\n') + 1;
  // A line cut short by a crash: cut it off, so the next append starts on a line of its own.
  if (end < read.text.length) truncateSync(file, Buffer.byteLength(read.text.slice(0, end)));

  let fh: FileHandle | null = null;
  let chain: Promise<void> = Promise.resolve();
  let queued: string[] = [];
  let batch: Promise<void> | null = null;
  const handle = async () => {
    if (!fh) {
      // The folder is made on the first write: an agent with one planner and no drop never has one.
      await mkdir(path.dirname(file), { recursive: true }).catch((e: Error) => {
        throw new LyncdrError('E_OUTBOX', `cannot create ${path.dirname(file)}: ${e.message}; check outboxDir in the agent config`, { cause: e });
      });
      const fresh = !existsSync(file);
      fh = await open(file, 'a');
      if (fresh) await fh.appendFile(`# ${url}\n`);
    }
    return fh;
  };
  const serial = (op: () => Promise<void>) => {
    const p = chain.then(op);
    chain = p.catch(() => {});
    return p;
  };

  return {
    done,
    dropped,
    record(kind, id) {
      queued.push(`${kind === 'ack' ? 'a' : 'd'} ${id}\n`);
      lineCount++;
      batch ??= serial(async () => {
        batch = null;
        const lines = queued;
        queued = [];
        const h = await handle();
        await h.appendFile(lines.join(''));
        await h.sync();
        droppedOnDisk += lines.filter((l) => l.startsWith('d ')).length;
      });
      return batch;
    },
    lines: () => lineCount,
    compact(keep) {
      return serial(async () => {
        const ids = [...keep];
        const tmp = `${file}.${process.pid}.tmp`;
        const t = await open(tmp, 'w');
        try {
          await t.writeFile(`# ${url}\nn ${droppedOnDisk}\n${ids.map((id) => `a ${id}\n`).join('')}`);
          await t.sync();
        } finally {
          await t.close();
        }
        if (fh) await fh.close();
        fh = null;
        await rename(tmp, file);
        await fsyncDir(path.dirname(file));
        lineCount = ids.length + 1;
      });
    },
    close() {
      return serial(async () => {
        if (fh) await fh.close();
        fh = null;
      });
    },
  };
}
