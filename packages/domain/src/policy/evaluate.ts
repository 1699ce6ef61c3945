import type { StatusSnapshot, StatusEntry } from '@lyncdr/protocol';
import { evaluateBackupItem } from './backup-item';
import { evaluateBackupService } from './backup-service';
import { evaluateCmsReplication } from './cms-replication';
import { evaluateMirrorState } from './mirror-state';
import type { Evidence, PolicyDefaults, PolicyInput } from './model';

export const defaultPolicy: PolicyDefaults = {
  graceFraction: 0.25,
  minGraceHours: 1,
  backupServiceRpoMinutes: 30,
  cmsReplicationRpoMinutes: 30,
  probePeriodHours: 1,
  clockSkewMinutes: 5,
};

const probes: Record<string, typeof evaluateBackupService> = {
  'backup-service': evaluateBackupService,
  'mirror-state': evaluateMirrorState,
  'cms-replication': evaluateCmsReplication,
};

/**
 * Inventory item ids an observation is about: its itemId when set; else its subject as an id, a file share
 * (`\\fs\share` → `filestore:\\fs\share`), a SQL database (`<server>/<database>` → `sql:<database>@<server>`, as the
 * sql-files and sql-history collectors name them), or an export kind (`export:<what>` → every `export:<what>@<scope>`).
 */
function matchingItems(e: Evidence, itemIds: ReadonlySet<string>): string[] {
  const o = e.observation;
  if (o.itemId) return itemIds.has(o.itemId.toLowerCase()) ? [o.itemId.toLowerCase()] : [];
  const s = o.subject.toLowerCase();
  const slash = s.lastIndexOf('/');
  const direct = [s, `filestore:${s}`, `sql:${s}`, slash > 0 ? `sql:${s.slice(slash + 1)}@${s.slice(0, slash)}` : ''].find((c) => c && itemIds.has(c));
  if (direct) return [direct];
  if (s.startsWith('export:') && !s.includes('@')) return [...itemIds].filter((id) => id.startsWith(`${s}@`));
  return [];
}

/**
 * Evaluates every inventory item and every replication probe at `now` and returns the status snapshot (the worksheet
 * `--status` format). Pure: the same input gives the same snapshot.
 */
export function evaluatePolicy(input: PolicyInput): StatusSnapshot {
  const defaults = { ...defaultPolicy, ...input.defaults };
  const rules = input.rules ?? {};
  const byItem = new Map<string, Evidence[]>();
  const itemIds = new Set(input.items.map((i) => i.id.toLowerCase()));
  const probeEntries = new Map<string, { at: string; entry: StatusEntry }>();
  for (const e of input.evidence) {
    const probe = probes[e.observation.kind];
    if (probe) {
      const first = probe(e, {}, defaults, input.now);
      const rule = rules[first.itemId] ?? rules[e.observation.subject];
      const entry = rule ? probe(e, rule, defaults, input.now) : first;
      const seen = probeEntries.get(entry.itemId);
      if (!seen || seen.at < e.observedAt) probeEntries.set(entry.itemId, { at: e.observedAt, entry });
      continue;
    }
    for (const id of matchingItems(e, itemIds)) byItem.set(id, [...(byItem.get(id) ?? []), e]);
  }
  const items = input.items.map((item) =>
    evaluateBackupItem(item, byItem.get(item.id.toLowerCase()) ?? [], rules[item.id] ?? {}, defaults, input.now),
  );
  const probed = [...probeEntries.values()].map((p) => p.entry).sort((a, b) => a.itemId.localeCompare(b.itemId));
  const all = [...items, ...probed];
  return { kind: 'lyncdr.status', v: 1, generatedAt: input.now.toISOString(), deployment: input.deployment, items: all };
}

/** Counts per status, for summaries and the log. */
export function countStatuses(entries: readonly StatusEntry[]): Record<StatusEntry['status'], number> {
  const out = { ok: 0, late: 0, failed: 0, unknown: 0 };
  for (const e of entries) out[e.status]++;
  return out;
}
