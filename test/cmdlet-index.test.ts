/**
 * The committed cmdlet index (packages/domain/src/dr/cmdlets/index-*.ts) is what tools/gen-cmdlet-index.mjs makes
 * from ../shared/reference today: the tool is run with --check and fails, naming the file, when the index is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMDLET_SETS } from '../packages/domain/src/index';
import { repoRoot } from './planner-helpers';

const references = ['docs-en/cmdlets', 'docs-sfb/cmdlets'].map((d) => path.resolve(repoRoot, '../shared/reference', d));
const reference = references.every((d) => existsSync(d));
for (const d of references) if (!existsSync(d)) console.warn(`cmdlet-index: ${d} is absent; the freshness check of the cmdlet index is skipped`);

describe('the cmdlet index', () => {
  it.skipIf(!reference)('is up to date with the reference pages (node tools/gen-cmdlet-index.mjs --check)', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'tools/gen-cmdlet-index.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('holds the Lync Server 2013 cmdlets the plans and runbooks use, keyed by product version', () => {
    const set = CMDLET_SETS.lync2013;
    expect(set.product).toBe('Lync Server 2013');
    expect(Object.keys(set.cmdlets).length).toBeGreaterThan(60);
    expect(set.cmdlets['Invoke-CsPoolFailOver']?.params).toContain('DisasterMode');
    expect(set.cmdlets['Set-CsBackupServiceConfiguration']?.otherParams?.EnableRgsBackupService).toMatch(/Skype for Business Server 2019/);
  });

  it('holds the SfB 2015 and 2019 sets from docs-en and docs-sfb (Start-CsPool, mirroring parameters gone in 2019)', () => {
    expect(CMDLET_SETS.sfb2015.cmdlets['Start-CsPool']?.params).toContain('QuorumLossRecovery');
    expect(CMDLET_SETS.sfb2019.cmdlets['Invoke-CsComputerFailOver']?.params).toContain('ComputerName');
    expect(CMDLET_SETS.sfb2015.cmdlets['Get-CsDatabaseMirrorState']?.params).toContain('PoolFqdn');
    expect(CMDLET_SETS.sfb2019.cmdlets['Get-CsDatabaseMirrorState']?.params).not.toContain('PoolFqdn');
    expect(CMDLET_SETS.lync2013.cmdlets['Start-CsPool']).toBeUndefined();
  });

  it('refuses a page that two folders hold differently (the generator never picks one silently)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-cmdlet-pages-'));
    try {
      for (const [sub, text] of [['a', '---\napplicable: Skype for Business Server 2015\n---\n'], ['b', '---\napplicable: Skype for Business Server 2019\n---\n']]) {
        mkdirSync(path.join(dir, sub!));
        writeFileSync(path.join(dir, sub!, 'Start-CsPool.md'), text!);
      }
      const script = `import { buildIndex } from ${JSON.stringify(path.join(repoRoot, 'tools/gen-cmdlet-index.mjs'))};
try { buildIndex([${JSON.stringify(path.join(dir, 'a'))}, ${JSON.stringify(path.join(dir, 'b'))}], 'x'); } catch (e) { console.log(e.message); }`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stdout).toMatch(/^Start-CsPool\.md differs between .*a and .*b; keep one version of the page/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
