import type Database from 'better-sqlite3';
import type { StatusEntry } from '@lyncdr/protocol';
import type { AlertRow, EvaluationRow, ReasonFields } from './types';

/** The code and parameters columns of a reason (null when the policy gave none). */
const codeOf = (r: ReasonFields) => [r.reasonCode ?? null, r.reasonParams ? JSON.stringify(r.reasonParams) : null] as const;

/** Reason fields read back: the code and parameters only when stored. */
export function reasonFields(reason: string, code: string | null, params: string | null): ReasonFields {
  const out: ReasonFields = { reason };
  if (code) out.reasonCode = code;
  if (params) {
    try {
      out.reasonParams = JSON.parse(params) as Record<string, unknown>;
    } catch {
      // A damaged parameter text: the English reason still stands.
    }
  }
  return out;
}

/** Evaluation history, the current status per item, and the alert log. */
export function createStatusRepo(db: Database.Database) {
  const insertEval = db.prepare('INSERT INTO evaluations (at, item_id, status, reason, last_good, reason_code, reason_params) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const current = db.prepare('SELECT item_id, since, entry FROM current_status ORDER BY item_id');
  const getCurrent = db.prepare('SELECT since, entry FROM current_status WHERE item_id = ?');
  const setCurrent = db.prepare(`INSERT INTO current_status (item_id, since, entry) VALUES (?, ?, ?)
    ON CONFLICT (item_id) DO UPDATE SET since = excluded.since, entry = excluded.entry`);
  const history = db.prepare('SELECT at, item_id, status, reason, last_good, reason_code, reason_params FROM evaluations WHERE item_id = ? ORDER BY seq DESC LIMIT ?');
  const insertAlert = db.prepare(
    'INSERT INTO alerts (at, item_id, from_status, to_status, reason, channel, delivered, detail, reason_code, reason_params) VALUES (?,?,?,?,?,?,?,?,?,?)',
  );
  const alerts = db.prepare('SELECT * FROM alerts ORDER BY seq DESC LIMIT ?');

  const record = db.transaction((at: string, entries: StatusEntry[]) => {
    const changes: { entry: StatusEntry; previous: StatusEntry['status'] | null }[] = [];
    for (const e of entries) {
      const prev = getCurrent.get(e.itemId) as { since: string; entry: string } | undefined;
      const prevEntry = prev ? (JSON.parse(prev.entry) as StatusEntry) : null;
      const changed = !prevEntry || prevEntry.status !== e.status;
      // History keeps a row per change of status or reason, not one per evaluation tick.
      if (changed || prevEntry.reason !== e.reason) insertEval.run(at, e.itemId, e.status, e.reason, e.lastGood, ...codeOf(e));
      setCurrent.run(e.itemId, changed ? at : (prev?.since ?? at), JSON.stringify(e));
      if (changed) changes.push({ entry: e, previous: prevEntry?.status ?? null });
    }
    return changes;
  });

  return {
    recordEvaluation: (at: string, entries: StatusEntry[]) => record.immediate(at, entries),
    currentStatus: (): (StatusEntry & { since: string })[] =>
      (current.all() as { since: string; entry: string }[]).map((r) => ({ ...(JSON.parse(r.entry) as StatusEntry), since: r.since })),
    evaluationHistory: (itemId: string, limit: number): EvaluationRow[] =>
      (history.all(itemId, limit) as { at: string; item_id: string; status: EvaluationRow['status']; reason: string; last_good: string | null; reason_code: string | null; reason_params: string | null }[])
        .map((r) => ({ at: r.at, itemId: r.item_id, status: r.status, ...reasonFields(r.reason, r.reason_code, r.reason_params), lastGood: r.last_good })),
    logAlert(a: AlertRow): void {
      insertAlert.run(a.at, a.itemId, a.from, a.to, a.reason, a.channel, a.delivered ? 1 : 0, a.detail, ...codeOf(a));
    },
    listAlerts: (limit: number): AlertRow[] =>
      (alerts.all(limit) as { at: string; item_id: string; from_status: string | null; to_status: string; reason: string; channel: string; delivered: number; detail: string; reason_code: string | null; reason_params: string | null }[])
        .map((r) => ({ at: r.at, itemId: r.item_id, from: r.from_status, to: r.to_status, ...reasonFields(r.reason, r.reason_code, r.reason_params), channel: r.channel, delivered: r.delivered === 1, detail: r.detail })),
  };
}
