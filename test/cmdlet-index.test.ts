/**
 * The committed cmdlet index (packages/domain/src/dr/cmdlets/index-*.ts) is what tools/gen-cmdlet-index.mjs makes
 * from ../shared/reference today: the tool is run with --check and fails, naming the file, when the index is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMDLET_SETS } from '../packages/domain/src/index';
import { repoRoot } from './planner-helpers';

const reference = path.resolve(repoRoot, '../shared/reference/docs-en/cmdlets');
if (!existsSync(reference)) console.warn(`cmdlet-index: ${reference} is absent; the freshness check of the cmdlet index is skipped`);

describe('the cmdlet index', () => {
  it.skipIf(!existsSync(reference))('is up to date with the reference pages (node tools/gen-cmdlet-index.mjs --check)', () => {
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
});
