import { randomBytes } from 'node:crypto';

/**
 * Report ids: `r-<UTC time>-<sequence>-<random>`, so they sort by creation time (the outbox sends oldest first), are
 * unique across restarts (random part) and are safe file names.
 */
export function createIdGenerator(now: () => Date): (prefix?: string) => string {
  let seq = 0;
  return (prefix = 'r') => {
    seq = (seq + 1) % 1_000_000;
    const t = now().toISOString().replace(/[-:]/g, '').replace('.', '');
    return `${prefix}-${t}-${String(seq).padStart(6, '0')}-${randomBytes(5).toString('hex')}`;
  };
}

const ID_TIME = /^[a-z]-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/;

/** When a report was created, from its id (`r-20261122T100000001Z-…`), in ms since the epoch; null for another form. */
export function idTime(id: string): number | null {
  const m = ID_TIME.exec(id);
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
  return Number.isNaN(t) ? null : t;
}
