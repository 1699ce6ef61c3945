import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { jsonLine, type LogRecord } from './format';
import type { LogSink } from './logger';

export interface RotatingFileOptions {
  /** The folder, e.g. `C:\ProgramData\lyncdr\logs`; created when missing. */
  dir: string;
  /** File name without extension (default `agent`): `agent.log`, then `agent.1.log` (newest old) … `agent.<keep>.log`. */
  name?: string;
  /** Rotate before a write would take the file past this size (default 10 MiB). */
  maxBytes?: number;
  /** Old files kept (default 5). */
  keep?: number;
  /** Told once when the folder cannot be written (the service goes on without file logs). */
  onError?: (e: Error) => void;
}

export interface RotatingFileSink extends LogSink {
  /** The current file's path. */
  readonly file: string;
  close(): void;
}

/**
 * JSON lines in a log folder, rotated by size: when the next line would take `<name>.log` past maxBytes, the old
 * files shift (`.1` → `.2` …, the oldest beyond `keep` deleted) and a new file starts. Writes are synchronous, so a
 * line logged just before a crash is on disk.
 */
export function createRotatingFileSink(opts: RotatingFileOptions): RotatingFileSink {
  const name = opts.name ?? 'agent';
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const keep = opts.keep ?? 5;
  const file = path.join(opts.dir, `${name}.log`);
  const old = (n: number) => path.join(opts.dir, `${name}.${n}.log`);
  let fd: number | null = null;
  let size = 0;
  let broken = false;

  const open = () => {
    mkdirSync(opts.dir, { recursive: true });
    fd = openSync(file, 'a');
    size = fstatSync(fd).size;
  };
  const rotate = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(old(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(old(n), old(n + 1));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    if (keep > 0) renameSync(file, old(1));
    else rmSync(file, { force: true });
    open();
  };

  return {
    file,
    write(rec: LogRecord) {
      if (broken) return;
      try {
        if (fd === null) open();
        const line = Buffer.from(jsonLine(rec), 'utf8');
        if (size > 0 && size + line.length > maxBytes) rotate();
        size += writeSync(fd!, line);
      } catch (e) {
        broken = true;
        opts.onError?.(e as Error);
      }
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
