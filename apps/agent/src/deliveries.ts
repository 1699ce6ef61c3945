import { createHash } from 'node:crypto';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import { openDeliveryLog, type DeliveryLog } from './delivery-log';
import { idTime } from './ids';
import type { Logger } from './logger';
import type { Outbox } from './outbox';

export interface DeliveryTarget {
  /** The config key (`planner`, `planners.1`), for messages. */
  key: string;
  url: string;
  retentionMs: number;
}

/**
 * Which reports each planner still waits for. A report leaves the outbox once every planner acknowledged it, or once
 * it is older than a planner's retention while that planner stays unreachable: such a drop is counted for that planner,
 * logged and kept in its cursor file, so the count survives restarts and is told to the planner in the next hello.
 *
 * With one planner, an ack deletes the report file at once, as ever (no cursor file is written until a drop).
 * With several, each planner's acks go to its own cursor file (delivery-log.ts, in `<outbox>/delivery/`); the ack
 * that completes a report deletes its file instead. A restart reads the cursors back, so a report is sent again
 * only to a planner whose ack was not yet on disk.
 */
export interface Deliveries {
  /** Ids waiting for this planner's ack, oldest first. */
  waiting(key: string): string[];
  /** How many reports wait for this planner. */
  waitingCount(key: string): number;
  /** Records this planner's ack; resolves once it is durable (the report deleted when it was the last planner's). */
  ack(key: string, id: string): Promise<void>;
  /**
   * Drops, for each planner `unreachable` says is unreachable, the reports older than its retention; then deletes
   * the reports every planner is done with. Returns the number dropped per planner key.
   */
  sweep(unreachable: (key: string) => boolean): Promise<Record<string, number>>;
  /** Reports dropped for this planner without its ack (the retention ran out), since the outbox began. */
  dropped(key: string): number;
  close(): Promise<void>;
}

/** The cursor file of a planner: named after its URL, so a planner moved to another URL starts from nothing. */
export function cursorFile(outboxDir: string, url: string): string {
  return path.join(outboxDir, 'delivery', `${createHash('sha256').update(url).digest('hex').slice(0, 16)}.log`);
}

export function createDeliveries(deps: {
  outbox: Outbox;
  dir: string;
  targets: DeliveryTarget[];
  now: () => Date;
  logger: Logger;
  /** A cursor file is rewritten once it holds more lines than this and twice the ids it keeps (1000). */
  compactAfterLines?: number;
}): Deliveries {
  const { outbox, targets, logger } = deps;
  if (targets.length === 0) throw new LyncdrError('E_AGENT_CONFIG', 'planner: no planner to report to; set planner or planners');
  const single = targets.length === 1;
  const present = new Set(outbox.ids());
  const state = new Map<string, { target: DeliveryTarget; log: DeliveryLog; done: Set<string>; dropped: number }>(
    targets.map((t) => {
      const log = openDeliveryLog(cursorFile(deps.dir, t.url), t.url);
      // Only ids still in the outbox matter; the others went when every planner was done with them.
      const done = new Set([...log.done].filter((id) => present.has(id)));
      const entry: { target: DeliveryTarget; log: DeliveryLog; done: Set<string>; dropped: number } = { target: t, log, done, dropped: log.dropped };
      return [t.key, entry];
    }),
  );
  const of = (key: string) => {
    const s = state.get(key);
    if (!s) throw new Error(`no planner ${key}`);
    return s;
  };
  /** When each report was first seen, for ids whose creation time cannot be read from the id. */
  const firstSeen = new Map<string, number>();
  const createdAt = (id: string) => {
    const t = idTime(id);
    if (t !== null) return t;
    if (!firstSeen.has(id)) firstSeen.set(id, deps.now().getTime());
    return firstSeen.get(id)!;
  };

  const doneByAll = (id: string) => [...state.values()].every((s) => s.done.has(id));
  const removing = new Set<string>();
  const remove = async (id: string) => {
    if (removing.has(id)) return;
    removing.add(id);
    try {
      await outbox.remove(id);
      for (const s of state.values()) s.done.delete(id);
    } finally {
      removing.delete(id);
    }
  };
  const maybeCompact = async (s: { log: DeliveryLog; done: Set<string>; dropped: number }) => {
    if (s.log.lines() > (deps.compactAfterLines ?? 1000) && s.log.lines() > 2 * s.done.size) await s.log.compact(s.done);
  };

  return {
    waiting(key) {
      const { done } = of(key);
      const ids = outbox.ids();
      return done.size === 0 ? ids : ids.filter((id) => !done.has(id));
    },
    waitingCount(key) {
      const { done } = of(key);
      if (done.size === 0) return outbox.depth();
      let n = 0;
      for (const id of outbox.ids()) if (!done.has(id)) n++;
      return n;
    },
    async ack(key, id) {
      const s = of(key);
      if (s.done.has(id) || !outbox.has(id)) return;
      s.done.add(id);
      if (single || doneByAll(id)) {
        await remove(id);
        return;
      }
      await s.log.record('ack', id);
      await maybeCompact(s);
    },
    async sweep(unreachable) {
      const counts: Record<string, number> = {};
      const now = deps.now().getTime();
      for (const s of state.values()) {
        if (!unreachable(s.target.key)) continue;
        const cutoff = now - s.target.retentionMs;
        const due = outbox.ids().filter((id) => !s.done.has(id) && createdAt(id) <= cutoff);
        if (!due.length) continue;
        const written: Promise<void>[] = [];
        for (const id of due) {
          s.done.add(id);
          s.dropped++;
          written.push(s.log.record('drop', id));
        }
        counts[s.target.key] = due.length;
        // The records share one write; the count is on disk before any report file goes.
        await Promise.all(written);
        logger.warn(`dropped ${due.length} report(s) the planner ${s.target.url} did not acknowledge within ${s.target.retentionMs / 3_600_000} h (it stayed unreachable); ${s.dropped} dropped for it in all`, {
          planner: s.target.url,
          dropped: due.length,
          droppedTotal: s.dropped,
          oldest: due[0],
        });
      }
      for (const id of outbox.ids()) if (doneByAll(id)) await remove(id);
      for (const s of state.values()) await maybeCompact(s);
      return counts;
    },
    dropped: (key) => of(key).dropped,
    async close() {
      await Promise.all([...state.values()].map((s) => s.log.close()));
    },
  };
}
