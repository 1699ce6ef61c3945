import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHashPool } from './hash-pool';
import { sha256File } from './hash';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-hashpool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hash pool (worker threads)', () => {
  it('hashes small and large files like sha256, and reports unreadable ones', async () => {
    const small = path.join(dir, 'small.txt');
    const large = path.join(dir, 'large.bin');
    writeFileSync(small, 'hello');
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x5a);
    writeFileSync(large, big);
    const pool = createHashPool(2);
    try {
      const r = await pool.hash([small, large, path.join(dir, 'absent')].map((p) => new Uint8Array(Buffer.from(p))));
      expect(r[0]).toEqual({ hex: createHash('sha256').update('hello').digest('hex'), bytes: 5 });
      expect(r[1]).toEqual({ hex: createHash('sha256').update(big).digest('hex'), bytes: big.length });
      expect(r[2]).toEqual({ error: 'ENOENT' });
      expect(await sha256File(large)).toEqual(r[1]);
    } finally {
      await pool.close();
    }
  });
});
