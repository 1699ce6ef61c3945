/**
 * The agent's Lync bridge scripts (apps/agent/scripts) are only replayed in tests, never run, so this reads them: every
 * Lync cmdlet and parameter a script runs must be on the cmdlet pages for each product the script runs it on
 * (the domain's cmdlet index: docs-en/cmdlets for Lync Server 2013, docs-sfb/cmdlets for SfB Server 2015 and 2019),
 * the module the scripts load must be the one the SfB pages name, and the -DatabaseType values the mirror script
 * passes must be ones the page lists for that product.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mirrorDatabaseTypes } from '../packages/collectors/src/index';
import { commandProblems, commandUses, type ProductVersion } from '../packages/domain/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scripts = path.join(repo, 'apps/agent/scripts');
const reference = path.resolve(repo, '../shared/reference');
const LYNC_SCRIPTS = ['backup-service-status', 'cms-replication-status', 'database-mirror-state', 'pool-backup-relationship'];
const VERSIONS: ProductVersion[] = ['lync2013', 'sfb2015', 'sfb2019'];
const isLyncCmdlet = (command: string) => /^[A-Za-z]+-Cs[A-Za-z]/.test(command);

/** The script's lines with the help comment and `#` comments blanked (line numbers kept). */
function codeLines(script: string): string[] {
  const text = readFileSync(path.join(scripts, `${script}.ps1`), 'utf8');
  return text
    .replace(/<#[\s\S]*?#>/, (m) => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''));
}

/** Lines that run a Lync cmdlet, with their line number. */
function cmdletLines(script: string): { line: string; at: number; cmdlets: string[] }[] {
  return codeLines(script)
    .map((line, at) => ({ line, at, cmdlets: commandUses(line).map((u) => u.command).filter(isLyncCmdlet) }))
    .filter((l) => l.cmdlets.length > 0);
}

describe('agent bridge scripts against the cmdlet reference', () => {
  it('every script runs at least one Lync cmdlet, and nothing but Get- cmdlets', () => {
    for (const s of LYNC_SCRIPTS) {
      const lines = cmdletLines(s);
      expect(lines.length, s).toBeGreaterThan(0);
      for (const l of lines) for (const c of l.cmdlets) expect(c, `${s}: ${l.line.trim()}`).toMatch(/^Get-Cs/);
    }
  });

  it('backup-service-status, cms-replication-status, pool-backup-relationship: each cmdlet line is valid on 2013, 2015 and 2019', () => {
    for (const s of LYNC_SCRIPTS.filter((x) => x !== 'database-mirror-state')) {
      for (const { line } of cmdletLines(s)) {
        for (const v of VERSIONS) {
          const problems = commandProblems(line, v).filter((p) => isLyncCmdlet(p.command));
          expect(problems.map((p) => p.message), `${s} on ${v}: ${line.trim()}`).toEqual([]);
        }
      }
    }
  });

  it('database-mirror-state: valid on 2013 and 2015; on 2019 its parameters do not exist, and the script stops before it', () => {
    const lines = cmdletLines('database-mirror-state');
    const code = codeLines('database-mirror-state');
    // The 2019 branch: prints "not supported" and exits before any cmdlet line.
    const guard = code.findIndex((l) => /if \(\$csProduct -eq 'sfb2019'\)/.test(l));
    expect(guard).toBeGreaterThan(-1);
    const exitAt = code.findIndex((l, i) => i > guard && /^\s*exit 0\s*$/.test(l));
    expect(exitAt).toBeGreaterThan(guard);
    expect(code.slice(guard, exitAt).join('\n')).toMatch(/mirroring = 'not-supported'/);
    for (const { line, at } of lines) {
      expect(at, line).toBeGreaterThan(exitAt);
      for (const v of ['lync2013', 'sfb2015'] as const) expect(commandProblems(line, v).filter((p) => isLyncCmdlet(p.command)), `${v}: ${line.trim()}`).toEqual([]);
      const on2019 = commandProblems(line, 'sfb2019').filter((p) => isLyncCmdlet(p.command));
      expect(on2019.length, line).toBeGreaterThan(0);
      expect(new Set(on2019.map((p) => p.rule))).toEqual(new Set(['parameter-not-in-version']));
    }
  });
});

describe.skipIf(!existsSync(reference))('agent bridge scripts against the reference pages', () => {
  const page = (folder: string, cmdlet: string) => readFileSync(path.join(reference, folder, 'cmdlets', `${cmdlet}.md`), 'utf8');

  it('the module the scripts load for SfB Server 2015/2019 is the "Module Name" of every cmdlet page they use', () => {
    const used = new Set(LYNC_SCRIPTS.flatMap((s) => cmdletLines(s).flatMap((l) => l.cmdlets)));
    expect(used.size).toBe(4);
    expect(codeLines('lync-shell').join('\n')).toMatch(/Get-Module -ListAvailable -Name SkypeForBusiness, Lync\b/);
    for (const s of LYNC_SCRIPTS) expect(codeLines(s).join('\n'), s).toContain(". (Join-Path $PSScriptRoot 'lync-shell.ps1')");
    for (const c of used) expect(/^Module Name: (\S+)$/m.exec(page('docs-sfb', c))?.[1], c).toBe('SkypeForBusiness');
  });

  it('the -DatabaseType values passed are the ones the page lists for 2013, and for 2015 after the script renames App and CMS', () => {
    const text = page('docs-sfb', 'Get-CsDatabaseMirrorState');
    const values = (product: string) => {
      const at = text.indexOf(`Allowed values for ${product} are:`);
      expect(at, product).toBeGreaterThan(-1);
      const list: string[] = [];
      for (const l of text.slice(at).split('\n').slice(1)) {
        const m = /^- (\w+)\s*$/.exec(l);
        if (m) list.push(m[1]!);
        else if (list.length && l.trim() !== '') break;
      }
      return list;
    };
    const for2013 = values('Lync Server 2013');
    const for2015 = values('Skype for Business Server 2015');
    const script = readFileSync(path.join(scripts, 'database-mirror-state.ps1'), 'utf8');
    const renames = Object.fromEntries([...script.matchAll(/\$DatabaseType -eq '(\w+)'\) \{ \$cmdletType = '(\w+)' \}/g)].map((m) => [m[1]!, m[2]!]));
    expect(renames).toEqual({ App: 'Application', CMS: 'CentralMgmt' });
    for (const t of mirrorDatabaseTypes) {
      expect(for2013, t).toContain(t);
      expect(for2015, `${t} on 2015`).toContain(renames[t] ?? t);
    }
  });
});
