import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees } from './compare';
import { walkBatches, type WalkIssue } from './walk';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-changing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files changing during the scan', () => {
  it('a file deleted after its folder was listed is reported as vanished', async () => {
    const d = path.join(dir, 'vanish', '1-WebServices-1');
    mkdirSync(d, { recursive: true });
    for (let i = 0; i < 1100; i++) writeFileSync(path.join(d, `f${String(i).padStart(4, '0')}`), 'x');
    const issues: WalkIssue[] = [];
    let entries = 0;
    for await (const batch of walkBatches(path.join(dir, 'vanish'), { onIssue: (i) => issues.push(i) }, 1024)) {
      if (entries === 0) rmSync(path.join(d, 'f1099'));
      entries += batch.length;
    }
    expect(entries).toBe(1100);
    expect(issues).toEqual([expect.objectContaining({ code: 'FS_VANISHED', path: path.join(d, 'f1099') })]);
  });

  it('a file that grows between its stat and its hash is reported, not miscounted', async () => {
    const src = path.join(dir, 'grow', 'src');
    const bak = path.join(dir, 'grow', 'bak');
    mkdirSync(path.join(src, '1-WebServices-1'), { recursive: true });
    writeFileSync(path.join(src, '1-WebServices-1', 'b.bin'), 'same');
    cpSync(src, bak, { recursive: true, preserveTimestamps: true });
    writeFileSync(path.join(src, '1-WebServices-1', 'a.bin'), 'only in the source');
    const r = await compareTrees(src, bak, {
      hash: 'all',
      onFinding: (f) => {
        if (f.code === 'FS_MISSING') appendFileSync(path.join(src, '1-WebServices-1', 'b.bin'), ' and more');
      },
    });
    expect(r.findings.map((f) => f.code)).toEqual(['FS_MISSING', 'FS_CHANGED_DURING_SCAN']);
    expect(r.findings[1]!.path).toBe(path.join(src, '1-WebServices-1', 'b.bin'));
    expect(r.totals.changed).toBe(0);
  });
});
