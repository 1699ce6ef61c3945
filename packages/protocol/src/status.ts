import { z } from 'zod';

/**
 * The status snapshot: what the planner exports and what `lyncdr worksheet --status <file>` reads to add the last good
 * backup, its age and a verdict to each worksheet row. One entry per inventory item, keyed by the inventory item id.
 */
export const itemStatusValues = ['ok', 'late', 'failed', 'unknown'] as const;
export const ItemStatus = z.enum(itemStatusValues);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const StatusEntry = z.object({
  /** Inventory item id (see @lyncdr/domain inventory), e.g. `export:userdata@pool-red.contoso.test`, `sql:LcsLog@sql1.contoso.test\arch`. */
  itemId: z.string().min(1),
  status: ItemStatus,
  /** The reason, in words, always present. */
  reason: z.string(),
  /** The reason as a code (e.g. `item.late`), for clients that say it in another language; optional. */
  reasonCode: z.string().optional(),
  /** The parameters of `reasonCode` (durations in seconds, times in ISO 8601); optional. */
  reasonParams: z.record(z.string(), z.unknown()).optional(),
  /** ISO 8601 time of the last good backup, or null when none is known. */
  lastGood: z.string().datetime({ offset: true }).nullable(),
  /** Age of the last good backup in seconds at `generatedAt`, or null. */
  ageSeconds: z.number().nonnegative().nullable(),
  /** Expected period in seconds, when the policy knows it. */
  periodSeconds: z.number().positive().nullable().optional(),
});
export type StatusEntry = z.infer<typeof StatusEntry>;

export const StatusSnapshot = z.object({
  kind: z.literal('lyncdr.status'),
  v: z.literal(1),
  generatedAt: z.string().datetime({ offset: true }),
  deployment: z.string().nullable(),
  items: z.array(StatusEntry),
});
export type StatusSnapshot = z.infer<typeof StatusSnapshot>;
