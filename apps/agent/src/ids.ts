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
