import { cmpFirst, cmpLast, type BackupSet } from './backup-set';
import { cmpLsnText } from './lsn';
import { SqlFindingCode } from './errors';
import type { SqlFinding } from './report-types';

/** How far fulls are tried, newest first, when the newest one does not reach the newest backup. */
const MAX_FULLS_TRIED = 8;

export interface ChainResult {
  /** The restore sequence: a full, at most one differential, then logs in order. Empty without a usable full. */
  path: BackupSet[];
  /** LastLSN the sequence restores to. */
  reached: string | null;
  /**
   * The backup whose finish time is the latest point restored to: the end of the path, or a later log that ends at
   * the same LSN (an empty log backup: no change since, so the database is the same at its finish time).
   */
  endsAt: BackupSet | null;
  /** The newest backup can be restored from the chosen full with no gap. */
  ok: boolean;
  findings: SqlFinding[];
}

const fileOf = (s: BackupSet) => s.files[0]!.path;

interface Walk {
  path: BackupSet[];
  reached: string;
  gaps: { after: BackupSet; next: BackupSet; at: string }[];
}

/**
 * The differential to restore after `full`: based on it (same DifferentialBaseGUID, or its FirstLSN for files that
 * name no GUID), reaching furthest (the first of equals).
 */
function newestDiffOf(full: BackupSet, diffs: BackupSet[]): BackupSet | undefined {
  let best: BackupSet | undefined;
  for (const d of diffs) {
    const based = d.header.differentialBaseGuid ? d.header.differentialBaseGuid === full.guid : d.header.differentialBaseLsn === full.header.firstLsn;
    if (based && cmpLsnText(d.last, full.last) >= 0 && (!best || cmpLast(d, best) > 0)) best = d;
  }
  return best;
}

/**
 * From one full: its newest differential (same DifferentialBaseGUID), then the logs whose range covers the current
 * LSN, one after the other (FirstLSN ≤ current < LastLSN; the one that reaches furthest when several do). A log
 * chain is continuous when LastLSN(n) = FirstLSN(n+1) (reference/sql-backup-format.md §3). Gaps are noted and the
 * walk goes on from the next log so every gap is reported.
 */
function walkFrom(full: BackupSet, diffs: BackupSet[], sortedLogs: BackupSet[]): Walk {
  const path = [full];
  let cur = full.last;
  const base = newestDiffOf(full, diffs);
  if (base) {
    path.push(base);
    cur = base.last;
  }
  // `sortedLogs` is in (FirstLSN, LastLSN) order already (a stable sort, so filtering it keeps the same order).
  const after = sortedLogs.filter((l) => cmpLsnText(l.last, cur) > 0);
  const gaps: Walk['gaps'] = [];
  let reached: string | null = null;
  let i = 0;
  while (i < after.length) {
    let best: BackupSet | null = null;
    let j = i;
    for (; j < after.length && cmpLsnText(after[j]!.first, cur) <= 0; j++) {
      const l = after[j]!;
      if (cmpLsnText(l.last, cur) > 0 && (!best || cmpLsnText(l.last, best.last) > 0)) best = l;
    }
    if (best) {
      if (reached === null) path.push(best);
      cur = best.last;
      i = j;
      continue;
    }
    const next = after[i]!;
    if (cmpLsnText(next.last, cur) <= 0) {
      i++;
      continue;
    }
    if (reached === null) reached = cur;
    gaps.push({ after: path[path.length - 1]!, next, at: cur });
    cur = next.last;
    i++;
  }
  return { path, reached: reached ?? cur, gaps };
}

interface Classified {
  fulls: BackupSet[];
  diffs: BackupSet[];
  logs: BackupSet[];
  allDiffs: BackupSet[];
  allFullGuids: Map<string, BackupSet>;
  newest: BackupSet | undefined;
  target: string;
}

/**
 * One pass over a database's sets: usable fulls, differentials and logs; every differential; every full by GUID; the
 * newest backup (latest start, then furthest LastLSN, the first of equals); the furthest LastLSN of a usable backup.
 * (A loop of its own: a small function is optimised sooner and cheaper than the chain builder around it.)
 */
function classify(sets: BackupSet[]): Classified {
  const c: Classified = { fulls: [], diffs: [], logs: [], allDiffs: [], allFullGuids: new Map(), newest: undefined, target: '0' };
  for (const s of sets) {
    const k = s.header.kind;
    if (k === 'full') c.allFullGuids.set(s.guid, s);
    else if (k === 'diff') c.allDiffs.push(s);
    else if (k !== 'log') continue;
    const n = c.newest;
    if (!n || s.startMs > n.startMs || (s.startMs === n.startMs && cmpLast(s, n) > 0) || (Number.isNaN(n.startMs) && !Number.isNaN(s.startMs))) c.newest = s;
    if (!s.usable) continue;
    if (cmpLsnText(s.last, c.target) > 0) c.target = s.last;
    (k === 'full' ? c.fulls : k === 'diff' ? c.diffs : c.logs).push(s);
  }
  return c;
}

/** The last log that ends exactly at `reached` and started after `from`, or `from` (see ChainResult.endsAt). */
function endOf(from: BackupSet, logs: BackupSet[], reached: string): BackupSet {
  let endsAt = from;
  for (const s of logs) if (s.last === reached && cmpLsnText(s.first, reached) <= 0 && s.startMs > endsAt.startMs) endsAt = s;
  return endsAt;
}

/**
 * Builds the restore chain of one database from its backup sets (pure). `ok` follows DESIGN §4: the newest backup
 * can be reached from the latest full (through differentials and/or logs) with no gap. When the latest full is
 * COPY_ONLY or its logs are missing, older fulls are tried and the one that restores furthest is kept.
 */
export function buildRestoreChain(sets: BackupSet[], database: string): ChainResult {
  const findings: SqlFinding[] = [];
  const { fulls, diffs, logs, allDiffs, allFullGuids, newest, target } = classify(sets);
  fulls.sort((a, b) => cmpLast(b, a) || b.startMs - a.startMs);

  for (const d of allDiffs) {
    const baseGuid = d.header.differentialBaseGuid;
    const base = baseGuid ? allFullGuids.get(baseGuid) : undefined;
    if (!base) {
      findings.push({
        code: SqlFindingCode.diffBaseMissing,
        severity: 'error',
        file: fileOf(d),
        message: `${fileOf(d)}: differential of ${database} based on full backup ${baseGuid ?? '?'} (FirstLSN ${d.header.differentialBaseLsn ?? '?'}), which is not in these folders; it cannot be restored without it`,
      });
    } else if (!base.usable) {
      findings.push({
        code: SqlFindingCode.diffBaseMissing,
        severity: 'error',
        file: fileOf(d),
        message: `${fileOf(d)}: its base full backup ${fileOf(base)} is incomplete or damaged; the differential cannot be restored until the base is`,
      });
    }
  }

  if (!fulls.length) {
    findings.push({
      code: SqlFindingCode.noFull,
      severity: 'error',
      file: null,
      message: `no usable full backup of ${database} in these folders; its differential and log backups cannot be restored without one — check the full backup job and where it writes`,
    });
    return { path: [], reached: null, endsAt: null, ok: false, findings };
  }
  const sortedLogs = [...logs].sort(cmpFirst);
  let chosen: Walk | null = null;
  for (const full of fulls.slice(0, MAX_FULLS_TRIED)) {
    const w = walkFrom(full, diffs, sortedLogs);
    if (!chosen || cmpLsnText(w.reached, chosen.reached) > 0) chosen = w;
    if (cmpLsnText(w.reached, target) >= 0 && !w.gaps.length) break;
  }
  const walk = chosen!;
  for (const g of walk.gaps) {
    findings.push({
      code: SqlFindingCode.logGap,
      severity: 'error',
      file: fileOf(g.next),
      message: `${database}: the log chain breaks at LSN ${g.at} (after ${fileOf(g.after)}); the next log ${fileOf(g.next)} starts at ${g.next.header.firstLsn}. Later backups cannot be restored past this point — find the missing log backup or take a new full backup`,
    });
  }
  // Gaps in the log chain that a differential bridges: the restore works, but no point in time inside the gap can be
  // reached, and the chain hangs on that one differential file.
  const full = walk.path[0]!;
  const reported = new Set(walk.gaps.map((g) => g.next));
  // Without a differential in the path, the walk without differentials is the same walk: nothing more to find.
  const bridged = walk.path.some((s) => s.header.kind === 'diff') ? walkFrom(full, [], sortedLogs).gaps : [];
  for (const g of bridged) {
    if (reported.has(g.next) || cmpLsnText(g.next.last, full.last) <= 0) continue;
    findings.push({
      code: SqlFindingCode.logGap,
      severity: 'warning',
      file: fileOf(g.next),
      message: `${database}: the log chain breaks at LSN ${g.at}; the next log ${fileOf(g.next)} starts at ${g.next.header.firstLsn}. A differential bridges it, so the restore works, but no point in time inside the gap can be restored — find the missing log backup`,
    });
  }
  const ok = cmpLsnText(walk.reached, target) >= 0 && walk.gaps.length === 0 && !!newest && newest.usable;
  return { path: walk.path, reached: walk.reached, endsAt: endOf(walk.path[walk.path.length - 1]!, logs, walk.reached), ok, findings };
}
