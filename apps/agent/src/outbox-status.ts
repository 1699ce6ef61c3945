import { existsSync, readdirSync } from 'node:fs';
import { LyncdrError } from '@lyncdr/errors';
import type { PlannerTarget } from './config';
import { cursorFile } from './deliveries';
import { readCursor } from './delivery-log';
import { idTime } from './ids';

export interface PlannerOutboxStatus {
  key: string;
  url: string;
  /** Reports waiting for this planner's ack. */
  waiting: number;
  /** Creation time of the oldest of them (from its id), or null. */
  oldestWaiting: string | null;
  /** Reports dropped for this planner after the retention, since the outbox began. */
  dropped: number;
}

/**
 * The outbox as each planner sees it, read without changing anything (the service may be running): the report files,
 * and each planner's cursor file. A report is waiting for a planner unless its cursor holds it; with one planner and
 * no cursor file, every report waits for it.
 */
export function readOutboxStatus(outboxDir: string, targets: PlannerTarget[]): { reports: number; planners: PlannerOutboxStatus[] } {
  let ids: string[] = [];
  try {
    ids = existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
  } catch (e) {
    throw new LyncdrError('E_OUTBOX', `cannot list the outbox ${outboxDir}: ${(e as Error).message}; check outboxDir and the folder's permissions`, { cause: e });
  }
  const planners = targets.map((t) => {
    const { done, dropped } = readCursor(cursorFile(outboxDir, t.url));
    const waiting = ids.filter((id) => !done.has(id));
    const oldest = waiting.length ? idTime(waiting[0]!) : null;
    return { key: t.key, url: t.url, waiting: waiting.length, oldestWaiting: oldest === null ? null : new Date(oldest).toISOString(), dropped };
  });
  return { reports: ids.length, planners };
}

/** The status as lines for the console. */
export function formatOutboxStatus(s: { reports: number; planners: PlannerOutboxStatus[] }, outboxDir: string): string {
  const lines = [`outbox   ${outboxDir}: ${s.reports} report(s)`];
  for (const p of s.planners) {
    const waiting = `${p.waiting} waiting${p.oldestWaiting ? ` (oldest made ${p.oldestWaiting})` : ''}`;
    lines.push(`planner  ${p.url}: ${waiting}, ${p.dropped} dropped after the retention`);
  }
  return lines.join('\n') + '\n';
}
