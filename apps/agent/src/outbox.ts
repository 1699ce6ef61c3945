import { mkdirSync, readdirSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import { fsyncDir } from './fsync-dir';

/**
 * The durable outbox: one file per report, named by its id, written atomically (temporary file, fsync, rename, fsync
 * of the folder). A report leaves the outbox only when the planner acknowledges its id, so a restart of either side
 * loses nothing; ids are stable, so a replay is harmless.
 */
export interface Outbox {
  put(id: string, frame: string): Promise<void>;
  /** Ids waiting for an ack, oldest first (ids sort by creation time). */
  ids(): string[];
  read(id: string): Promise<string | null>;
  remove(id: string): Promise<boolean>;
  /** Whether this report is still in the outbox. */
  has(id: string): boolean;
  depth(): number;
}

const SUFFIX = '.json';
const SAFE_ID = /^[A-Za-z0-9.-]{8,128}$/;

export function createOutbox(dir: string): Outbox {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new LyncdrError('E_OUTBOX', `cannot create the outbox folder ${dir}: ${(e as Error).message}; check outboxDir in the agent config`, { cause: e });
  }
  const pending = new Set<string>();
  for (const name of readdirSync(dir)) {
    if (name.endsWith(SUFFIX)) pending.add(name.slice(0, -SUFFIX.length));
    else if (name.endsWith('.tmp')) void rm(path.join(dir, name), { force: true });
  }
  const fileOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new LyncdrError('E_OUTBOX', `report id ${JSON.stringify(id)} is not a safe file name`);
    return path.join(dir, id + SUFFIX);
  };

  const fsync = () => fsyncDir(dir);

  return {
    async put(id, frame) {
      const file = fileOf(id);
      const tmp = `${file}.${process.pid}.tmp`;
      const h = await open(tmp, 'w');
      try {
        await h.writeFile(frame, 'utf8');
        await h.sync();
      } finally {
        await h.close();
      }
      await rename(tmp, file);
      await fsync();
      pending.add(id);
    },
    ids() {
      return [...pending].sort();
    },
    async read(id) {
      try {
        return await readFile(fileOf(id), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          pending.delete(id);
          return null;
        }
        throw e;
      }
    },
    async remove(id) {
      const file = fileOf(id);
      if (!pending.has(id)) return false;
      await rm(file, { force: true });
      pending.delete(id);
      await fsync();
      return true;
    },
    has: (id) => pending.has(id),
    depth: () => pending.size,
  };
}
