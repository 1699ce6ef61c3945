import { describe, expect, it } from 'vitest';
import { createCommitter, openStore } from './index';

const now = () => new Date('2026-12-04T08:00:00Z');

describe('openStore', () => {
  it('opens SQLite when store is null or absent', async () => {
    for (const store of [null, undefined]) {
      const s = openStore({ store, file: ':memory:', schema: 'lyncdr', now });
      expect(s.file).toBe(':memory:');
      expect(s.countReports()).toBe(0);
      const c = await createCommitter(s);
      expect(c.mode).toBe('inline');
      await c.close();
      s.close();
    }
  });

  it('refuses a value that is neither null nor a PostgreSQL URL, naming it', () => {
    expect(() => openStore({ store: 'mysql://db/lyncdr', file: ':memory:', schema: 'lyncdr', now })).toThrow(/E_CONFIG|mysql:\/\/db\/lyncdr/);
    try {
      openStore({ store: 'mysql://db/lyncdr', file: ':memory:', schema: 'lyncdr', now });
    } catch (e) {
      expect((e as { code?: string }).code).toBe('E_CONFIG');
      expect((e as Error).message).toContain('mysql://db/lyncdr');
    }
  });
});
