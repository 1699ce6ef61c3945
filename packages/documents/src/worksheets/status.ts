import { LyncdrError } from '@lyncdr/errors';
import { StatusSnapshot, type StatusEntry } from '@lyncdr/protocol';
import type { Lang, TableCell, TableColumn } from '../model';
import { ageText, statusWord } from '../text/index';
import { worksheetStrings } from './strings';

/**
 * Parses a status snapshot (packages/protocol/src/status.ts). Bad JSON or a field that does not fit gives
 * E_STATUS_INVALID naming the file, the field path and what to do.
 */
export function parseStatusSnapshot(text: string, file: string): StatusSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new LyncdrError('E_STATUS_INVALID', `${file} is not JSON (${(e as Error).message}); give a status snapshot exported by the planner`, { cause: e, location: { file } });
  }
  const r = StatusSnapshot.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
    throw new LyncdrError(
      'E_STATUS_INVALID',
      `field ${where}: ${issue.message}; a status snapshot is { kind: "lyncdr.status", v: 1, generatedAt, deployment, items: [{ itemId, status, reason, lastGood, ageSeconds }] }`,
      { location: { file, where } },
    );
  }
  return r.data;
}

/**
 * Warnings about a snapshot that does not match the deployment: another deployment's name, or entries for items the
 * inventory does not have (renamed servers, an older topology).
 */
export function statusWarnings(snapshot: StatusSnapshot, inventory: { items: { id: string }[] }, deployment: string | null): string[] {
  const out: string[] = [];
  if (snapshot.deployment && deployment && snapshot.deployment !== deployment) {
    out.push(`the status snapshot is for deployment "${snapshot.deployment}", the topology is "${deployment}"`);
  }
  const ids = new Set(inventory.items.map((i) => i.id));
  // The planner's own items (drill cadence, DR readiness, stale documents) are not inventory items: not a mismatch.
  const planners = /^(drill|readiness|documents):/;
  const unknown = snapshot.items.filter((e) => !ids.has(e.itemId) && !planners.test(e.itemId)).map((e) => e.itemId);
  if (unknown.length) out.push(`${unknown.length} status entries match no inventory item (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}); is the snapshot from an older topology?`);
  return out;
}

/** Index of the snapshot by inventory item id. */
export function statusIndex(snapshot: StatusSnapshot | null | undefined): Map<string, StatusEntry> | null {
  return snapshot ? new Map(snapshot.items.map((e) => [e.itemId, e])) : null;
}

export function statusColumns(lang: Lang): TableColumn[] {
  const [last, age, status] = worksheetStrings(lang).statusColumns;
  return [
    { header: last, width: 10, wrap: 'words' },
    { header: age, width: 6, wrap: 'words' },
    { header: status, width: 12, wrap: 'words' },
  ];
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Last good backup, age and status (with the reason) for one item; `unknown` when the snapshot has no entry. */
export function statusCells(index: Map<string, StatusEntry>, itemId: string, lang: Lang): TableCell[] {
  const e = index.get(itemId);
  if (!e) return ['—', '—', [{ text: statusWord(lang, 'unknown'), style: 'bold' }, ` — ${worksheetStrings(lang).noStatusEntry}`]];
  return [
    e.lastGood ? formatTime(e.lastGood) : '—',
    e.ageSeconds === null ? '—' : ageText(lang, e.ageSeconds),
    [{ text: statusWord(lang, e.status), style: 'bold' }, e.reason ? ` — ${e.reason}` : ''],
  ];
}
