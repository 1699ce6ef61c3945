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
};

const probes: Record<string, typeof evaluateBackupService> = {
  'backup-service': evaluateBackupService,
  'mirror-state': evaluateMirrorState,
  'cms-replication': evaluateCmsReplication,
};

/** Names an observation may use for an inventory item: its itemId, its subject, or the subject with the id prefix. */
function candidates(e: Evidence): string[] {
  const o = e.observation;
  const s = o.subject.toLowerCase();
  return [o.itemId?.toLowerCase(), s, `filestore:${s}`, `sql:${s}`].filter((x): x is string => Boolean(x));
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
    const id = candidates(e).find((c) => itemIds.has(c));
    if (!id) continue;
    byItem.set(id, [...(byItem.get(id) ?? []), e]);
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
