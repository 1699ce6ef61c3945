/**
 * Every PowerShell line the inventory and the worksheets print is checked against Microsoft's cmdlet reference
 * (../shared/reference/docs-en/cmdlets/<Cmdlet>.md): an unknown cmdlet, parameter or -DatabaseType value fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInventory, createSampleTopology, type SampleTopologyOptions } from '../packages/domain/src/index';
import { restoreScenarios } from '../packages/documents/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmdlets = path.resolve(repo, '../shared/reference/docs-en/cmdlets');
const present = existsSync(cmdlets);
if (!present) console.warn(`worksheet-cmdlets: ${cmdlets} is absent; the cmdlet reference check is skipped`);

/** PowerShell common parameters, accepted by every cmdlet. */
const COMMON = new Set(['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'WhatIf', 'Confirm']);

/** Splits a command line into tokens, keeping quoted strings whole. */
function tokens(line: string): string[] {
  return line.match(/"[^"]*"|\S+/g) ?? [];
}

function check(line: string): string[] {
  const [cmdlet, ...rest] = tokens(line);
  const file = path.join(cmdlets, `${cmdlet}.md`);
  if (!existsSync(file)) return [`${line}: no reference page for ${cmdlet}`];
  const page = readFileSync(file, 'utf8');
  const params = new Set([...page.matchAll(/^### -(\w+)/gm)].map((m) => m[1]!.toLowerCase()));
  const problems: string[] = [];
  rest.forEach((tok, i) => {
    if (!tok.startsWith('-')) return;
    const name = tok.slice(1);
    if (!COMMON.has(name) && !params.has(name.toLowerCase())) problems.push(`${line}: ${cmdlet} has no parameter -${name}`);
    if (name === 'DatabaseType') {
      const value = rest[i + 1] ?? '';
      if (!new RegExp(`^${value}$`, 'm').test(page)) problems.push(`${line}: ${value} is not a listed -DatabaseType value`);
    }
  });
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
    expect(check('Export-CsUserData -PoolFqdn p -Destination x')).toEqual(['Export-CsUserData -PoolFqdn p -Destination x: Export-CsUserData has no parameter -Destination']);
    expect(check('Backup-CsEverything -Now')[0]).toMatch(/no reference page/);
    expect(check('Invoke-CsDatabaseFailover -PoolFqdn p -DatabaseType Bogus -NewPrincipal Mirror')[0]).toMatch(/Bogus is not a listed -DatabaseType value/);
  });
});
