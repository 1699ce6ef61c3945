import type { Finding } from '@lyncdr/protocol';
import type { SqlFinding } from '@lyncdr/sql-backup';

/** A sql-backup finding as a protocol finding (`file` becomes `path`). */
export function toFinding(f: SqlFinding): Finding {
  return { code: f.code, message: f.message.slice(0, 4000), path: f.file, severity: f.severity };
}

/** The ISO time when it carries a zone (the protocol needs one), else null. */
export function zonedOrNull(iso: string | null | undefined): string | null {
  return iso && /(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : null;
}

/** The latest of several ISO times (by instant), or null. */
export function latest(times: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const t of times) if (t && (!best || Date.parse(t) > Date.parse(best))) best = t;
  return best;
}
