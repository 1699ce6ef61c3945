import { LyncdrError } from '@lyncdr/errors';
import type { z } from 'zod';

/** Checks a collector's config section; the error names the collector and the key so the admin can fix the YAML. */
export function checkCollectorConfig<T extends z.ZodType>(collector: string, schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const key = ['collectors', collector, ...i.path.map(String)].join('.');
  throw new LyncdrError('E_COLLECTOR_CONFIG', `${key}: ${i.message}; fix this key in the agent config`, { location: { where: key } });
}
