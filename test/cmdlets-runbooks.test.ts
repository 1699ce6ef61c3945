/**
 * The cmdlet check: every PowerShell line of every runbook (backup, restore and disaster recovery), built for every
 * example deployment and for generated deployments that cover the other shapes (Standard Edition, mirrored back
 * ends, Persistent Chat, Edge), is checked against Microsoft's cmdlet reference pages in
 * ../shared/reference/docs-en/cmdlets: the cmdlet must have a page that applies to Lync Server 2013, and each
 * -Parameter must be one of the parameters that page lists (and apply to Lync Server 2013). Commands with no page
 * (robocopy…) must be on a small allow-list that names the procedure page where they appear; the test checks that
 * they do appear there. An unknown cmdlet or parameter fails.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRunbooks, type Document, type RunbookSpec } from '../packages/documents/src/index';
import { createSampleTopology } from '../packages/domain/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reference = path.resolve(repo, '../shared/reference/docs-en');
const cmdletDir = path.join(reference, 'cmdlets');
const haveReference = existsSync(cmdletDir);
if (!haveReference) console.warn(`cmdlets-runbooks: ${cmdletDir} is absent; the cmdlet check of the runbooks is skipped`);

/** Commands that have no cmdlet page, each with the procedure page where Microsoft uses it. */
const ALLOWED: Record<string, string> = {
  robocopy: 'lync-server-2013-backing-up-file-stores.md',
  xcopy: 'lync-server-2013-backup-prerequisites-for-abc-pool-failover.md',
};

/** Parameters every cmdlet accepts (PowerShell common parameters), allowed when the page lists CommonParameters. */
const COMMON = ['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable'];

/** PowerShell comparison and logical operators: they look like parameters but are not. */
const OPERATORS = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'like', 'notlike', 'match', 'notmatch', 'and', 'or', 'not', 'contains', 'notcontains', 'in', 'notin', 'join', 'split', 'replace', 'is', 'isnot', 'f', 'ceq', 'ieq']);

interface CmdletPage {
  name: string;
  lync2013: boolean;
  params: Map<string, { lync2013: boolean }>;
}

function loadPages(): Map<string, CmdletPage> {
  const pages = new Map<string, CmdletPage>();
  for (const file of readdirSync(cmdletDir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(path.join(cmdletDir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const applicable = /^applicable:\s*(.*)$/m.exec(front)?.[1];
    const params = new Map<string, { lync2013: boolean }>();
    const body = text.slice(text.indexOf('## PARAMETERS'));
    const sections = body.split(/\n### /).slice(1);
    for (const section of sections) {
      const head = section.split('\n')[0]!.trim();
      if (head === 'CommonParameters') {
        for (const c of COMMON) params.set(c.toLowerCase(), { lync2013: true });
        continue;
      }
      if (!head.startsWith('-')) continue;
      const appl = /Applicable:\s*(.*)/.exec(section)?.[1];
      params.set(head.slice(1).toLowerCase(), { lync2013: appl === undefined || appl.includes('Lync Server 2013') });
    }
    const name = file.replace(/\.md$/, '');
    pages.set(name.toLowerCase(), { name, lync2013: applicable === undefined || applicable.includes('Lync Server 2013'), params });
  }
  return pages;
}

/**
 * Replaces the contents of quoted strings and of `<placeholder>` blanks (a value a person fills in) so that nothing
 * inside them is read as a command or a parameter.
 */
function blankStrings(line: string): string {
  return line
    .replace(/"(?:`.|[^"`])*"|'[^']*'/g, (m) => m[0]! + 'S'.repeat(Math.max(0, m.length - 2)) + m[0]!)
    .replace(/<[^<>]*>/g, (m) => 'P'.repeat(m.length));
}

/** Runbooks whose Microsoft procedure is done entirely in Topology Builder (the pages hold no cmdlet). */
const MANUAL_ONLY: Record<string, string> = {
  'edge-failover': 'lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md',
  'edge-associate': 'lync-server-2013-changing-the-edge-pool-associated-with-a-front-end-pool.md',
};

const VERB_NOUN = /^[A-Za-z]+-[A-Za-z0-9]+$/;

export interface CommandUse {
  command: string;
  params: string[];
}

/** The commands of one PowerShell line (pipeline and statement segments, script blocks) and their -Parameters. */
export function commandsOf(line: string): CommandUse[] {
  const src = blankStrings(line.trim());
  if (src === '' || src.startsWith('#')) return [];
  const out: CommandUse[] = [];
  // Segments start at the line start or after | ; { ( and after `$var =`. Inside { } and ( ) a bare word is a
  // property name of a filter (`-Filter {RegistrarPool -eq …}`), so there only Verb-Noun words count as commands.
  const parts = src.split(/([|;{}()])/);
  for (let i = 0; i < parts.length; i += 2) {
    const opener = i === 0 ? '' : parts[i - 1]!;
    let seg = parts[i]!.trim();
    const assign = /^\$[\w:]+\s*=\s*(.*)$/.exec(seg);
    if (assign) seg = assign[1]!.trim();
    if (seg.startsWith('&')) seg = seg.slice(1).trim();
    if (seg === '' || seg.startsWith('$') || seg.startsWith('"') || seg.startsWith("'") || /^[\d@]/.test(seg)) continue;
    const words = seg.split(/\s+/);
    const command = words[0]!;
    if (command.startsWith('-')) continue; // continuation of an expression, e.g. `-and (…)`
    if ((opener === '{' || opener === '(' || opener === '}' || opener === ')') && !VERB_NOUN.test(command)) continue;
    const params = words.slice(1).filter((w) => /^-[A-Za-z][\w]*:?$/.test(w) || /^-[A-Za-z][\w]*:/.test(w)).map((w) => w.slice(1).replace(/:.*$/, ''));
    out.push({ command, params: params.filter((p) => !OPERATORS.has(p.toLowerCase())) });
  }
  return out;
}

function powershellLines(doc: Document): string[] {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'step') lines.push(...b.commands);
    if (b.type === 'code' && b.language === 'powershell') lines.push(...b.lines);
  }
  return lines;
}

function exampleDeployments(): { name: string; topology: Topology }[] {
  const out: { name: string; topology: Topology }[] = [];
  const examples = path.join(repo, 'examples');
  for (const dir of existsSync(examples) ? readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []) {
    const overlayFile = path.join(examples, dir, 'lyncdr.yaml');
    for (const file of readdirSync(path.join(examples, dir)).filter((f) => /\.(xml|tbxml|zip)$/.test(f))) {
      let topology = parseTopologyDocument(new Uint8Array(readFileSync(path.join(examples, dir, file))), { file });
      if (existsSync(overlayFile)) topology = applyOverlay(topology, parseOverlay(readFileSync(overlayFile, 'utf8'), { file: overlayFile }));
      out.push({ name: `examples/${dir}/${file}`, topology });
    }
  }
  return out;
}

function generatedDeployments(): { name: string; topology: Topology }[] {
  return [
    { name: 'generated EE, mirrored, Persistent Chat, Edge, Director', topology: createSampleTopology({ mirrored: true, persistentChat: true, edge: true, director: true }) },
    { name: 'generated SE pair', topology: createSampleTopology({ edition: 'se', cms: true }) },
    { name: 'generated unpaired EE', topology: createSampleTopology({ paired: false, sites: 1 }) },
  ];
}

/** Every document the runbooks build for a deployment: with no --pool, and with each pool named alone. */
function documentsFor(spec: RunbookSpec, topology: Topology): Document[] {
  const docs: Document[] = [];
  for (const pools of [[], ...topology.pools.map((p) => [p.fqdn])]) {
    for (const lang of ['en', 'fr'] as const) {
      const opts = { lang, pools, now: '2026-01-15T09:30:00.000Z', inputRevision: 'test' };
      if (spec.applies(topology, opts) !== null) continue;
      docs.push(spec.build(topology, opts));
    }
  }
  return docs;
}

/** What is wrong with these PowerShell lines against the cmdlet pages (empty when every command is documented). */
function problemsOf(lines: string[], pages: Map<string, CmdletPage>): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    for (const use of commandsOf(line)) {
      if (ALLOWED[use.command.toLowerCase()]) continue;
      const page = pages.get(use.command.toLowerCase());
      if (!page) {
        problems.push(`unknown command ${use.command} (no page in docs-en/cmdlets): ${line}`);
        continue;
      }
      if (!page.lync2013) problems.push(`${page.name} does not apply to Lync Server 2013: ${line}`);
      for (const p of use.params) {
        const param = page.params.get(p.toLowerCase());
        if (!param) problems.push(`${page.name} has no parameter -${p}: ${line}`);
        else if (!param.lync2013) problems.push(`${page.name} -${p} does not apply to Lync Server 2013: ${line}`);
      }
    }
  }
  return problems;
}

describe('commandsOf (the PowerShell line reader of the cmdlet check)', () => {
  it('finds commands in pipelines and script blocks, ignores strings and operators', () => {
    expect(commandsOf('Get-CsBackupServiceStatus -PoolFqdn "a-b.c" | Select-Object -ExpandProperty BackupModules')).toEqual([
      { command: 'Get-CsBackupServiceStatus', params: ['PoolFqdn'] },
      { command: 'Select-Object', params: ['ExpandProperty'] },
    ]);
    expect(commandsOf('$Backup = "\\\\srv\\share -NotAParam"')).toEqual([]);
    expect(commandsOf('Get-CsPool | Where-Object { $_.Fqdn -eq "x" } ; Enable-CsTopology -Verbose:$true')).toEqual([
      { command: 'Get-CsPool', params: [] },
      { command: 'Where-Object', params: [] },
      { command: 'Enable-CsTopology', params: ['Verbose'] },
    ]);
    expect(commandsOf('robocopy "\\\\a\\b" "c" /E /XF Meeting.Active')).toEqual([{ command: 'robocopy', params: [] }]);
    expect(commandsOf('Get-CsUser -Filter {RegistrarPool -eq "p1"} | Move-CsUser -Target <TBD (Get-CsPool)> -Force')).toEqual([
      { command: 'Get-CsUser', params: ['Filter'] },
      { command: 'Move-CsUser', params: ['Target', 'Force'] },
    ]);
    expect(commandsOf('Frobnicate-CsThing -Pool x')).toEqual([{ command: 'Frobnicate-CsThing', params: ['Pool'] }]);
  });
});

describe.skipIf(!haveReference)('every runbook command exists in the Lync Server 2013 cmdlet reference', () => {
  const pages = haveReference ? loadPages() : new Map<string, CmdletPage>();
  const deployments = [...exampleDeployments(), ...generatedDeployments()];

  it('catches the documentation errata, invented cmdlets and Skype-only parameters', () => {
    const bad = [
      'Get-CsBackupServiceStatus -PoolFqdn p1 -BackupModule ConfServices.DataConf',
      'Set-CsSite -Identity Site1 -XmppExternalFederationRoute edge.contoso.com',
      'Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1" -ReplaceExistingSettings -FileName x.zip',
      'Set-CsBackupServiceConfiguration -EnableRgsBackupService $true',
      'Set-CsPoolBackupRelationship -PoolFqdn p1',
      'Uninstall -CsMirrorDatabase -DatabaseType User',
    ];
    const problems = problemsOf(bad, pages);
    expect(problems).toHaveLength(bad.length);
    expect(problems.join('\n')).toMatch(/has no parameter -BackupModule/);
    expect(problems.join('\n')).toMatch(/-EnableRgsBackupService does not apply to Lync Server 2013/);
    expect(problems.join('\n')).toMatch(/unknown command Set-CsPoolBackupRelationship/);
    expect(problems.join('\n')).toMatch(/unknown command Uninstall/);
    expect(problemsOf(['Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1" -OverwriteOwner -ReplaceExistingRgsSettings -FileName x.zip'], pages)).toEqual([]);
  });

  it('the allow-listed commands appear in the procedure pages they cite', () => {
    for (const [command, page] of Object.entries(ALLOWED)) {
      const text = readFileSync(path.join(reference, page), 'utf8');
      expect(text.toLowerCase(), `${command} in ${page}`).toContain(command.toLowerCase());
    }
  });

  it('has example deployments and runbooks to check', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(4);
    expect(allRunbooks().length).toBeGreaterThanOrEqual(13);
  });

  for (const spec of allRunbooks()) {
    it(`${spec.id}: every cmdlet and -Parameter is documented for Lync Server 2013`, () => {
      const problems = new Set<string>();
      let checked = 0;
      let built = 0;
      for (const { name, topology } of deployments) {
        for (const doc of documentsFor(spec, topology)) {
          built++;
          const lines = powershellLines(doc);
          checked += lines.flatMap(commandsOf).length;
          for (const p of problemsOf(lines, pages)) problems.add(`${name}: ${p}`);
        }
      }
      expect([...problems]).toEqual([]);
      // The runbook was built at least once and, unless it is purely manual, carried commands.
      expect(built, `${spec.id} built for no deployment`).toBeGreaterThan(0);
      if (MANUAL_ONLY[spec.id]) {
        const page = readFileSync(path.join(reference, MANUAL_ONLY[spec.id]!), 'utf8');
        expect(page, `${MANUAL_ONLY[spec.id]} holds no cmdlet`).not.toMatch(/^\s+[A-Z][a-z]+-Cs[A-Za-z]+/m);
      } else {
        expect(checked, `${spec.id} has no PowerShell command`).toBeGreaterThan(0);
      }
    });
  }
});
