/**
 * Every PowerShell line the inventory and the worksheets print is checked against Microsoft's cmdlet reference
 * (the domain's cmdlet index, generated from ../shared/reference/docs-en/cmdlets, and the page's -DatabaseType values):
 * an unknown cmdlet, parameter or -DatabaseType value fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInventory, commandProblems, createSampleTopology, type SampleTopologyOptions } from '../packages/domain/src/index';
import { restoreScenarios } from '../packages/documents/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmdlets = path.resolve(repo, '../shared/reference/docs-en/cmdlets');
const present = existsSync(cmdlets);
if (!present) console.warn(`worksheet-cmdlets: ${cmdlets} is absent; the cmdlet reference check is skipped`);

function check(line: string): string[] {
  const problems = commandProblems(line, 'lync2013').map((p) => `${line}: ${p.message}`);
  const [cmdlet, ...rest] = line.match(/"[^"]*"|\S+/g) ?? [];
  const at = rest.indexOf('-DatabaseType');
  if (at !== -1 && cmdlet) {
    // The -DatabaseType values are listed in the page's text, not in the index.
    const page = readFileSync(path.join(cmdlets, `${cmdlet}.md`), 'utf8');
    const value = rest[at + 1] ?? '';
    if (!new RegExp(`^${value}$`, 'm').test(page)) problems.push(`${line}: ${value} is not a listed -DatabaseType value`);
  }
  return problems;
}

const shapes: SampleTopologyOptions[] = [
  { edition: 'ee', mirrored: true, persistentChat: true, edge: true, director: true },
  { edition: 'se', archiving: false, monitoring: false, edge: true },
  { edition: 'ee', sites: 1, paired: false, cms: true },
];

describe.skipIf(!present)('commands printed by the inventory and the worksheets exist in the cmdlet reference', () => {
  it('every command is a documented cmdlet with documented parameters', () => {
    const lines = new Set<string>();
    for (const shape of shapes) {
      const t = createSampleTopology(shape);
      const inv = buildInventory(t);
      for (const i of inv.items) if (i.command) lines.add(i.command);
      for (const sc of restoreScenarios(t, inv)) for (const st of sc.steps) if (st.command) lines.add(st.command);
    }
    expect(lines.size).toBeGreaterThan(15);
    const problems = [...lines].flatMap(check);
    expect(problems).toEqual([]);
  });

  it('the check itself rejects an invented parameter and an unknown cmdlet', () => {
    expect(check('Export-CsUserData -PoolFqdn p -Destination x')[0]).toMatch(/^Export-CsUserData -PoolFqdn p -Destination x: Export-CsUserData has no parameter -Destination/);
    expect(check('Backup-CsEverything -Now')[0]).toMatch(/is not a Lync Server 2013 cmdlet/);
    expect(check('Invoke-CsDatabaseFailover -PoolFqdn p -DatabaseType Bogus -NewPrincipal Mirror')[0]).toMatch(/Bogus is not a listed -DatabaseType value/);
  });
});
