import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../planner-helpers';

/** The part of better-sqlite3 used here (the driver is a dependency of packages/store, loaded from there). */
interface Db {
  pragma(sql: string): unknown;
  prepare(sql: string): { all(): unknown[] };
  close(): void;
}
const Database = createRequire(path.join(repoRoot, 'packages/store/package.json'))('better-sqlite3') as new (file: string) => Db;

/** What the planner's database holds after a crash or a stop: integrity, and the stored reports as `agent/id`. */
export function inspectPlannerDb(file: string): { integrity: string; reports: string[] } {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const table = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('reports_by_agent', 'reports') ORDER BY name DESC`).all() as { name: string }[])[0]?.name ?? 'reports';
    const reports = (db.prepare(`SELECT agent, id FROM ${table}`).all() as { agent: string; id: string }[]).map((r) => `${r.agent}/${r.id}`);
    return { integrity, reports };
  } finally {
    db.close();
  }
}
