/**
 * Every PowerShell line of every DR plan the engine generates for the examples (all goals, several states) names a
 * cmdlet that has a reference page in ../shared/reference/docs-en/cmdlets, and every -Parameter it passes is listed
 * on that page (or is a PowerShell common parameter). Nothing invented.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildState, parsePowerShell, plan, type DrState, type Goal } from '../packages/domain/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';
import { repoRoot } from './planner-helpers';

const cmdletDir = path.resolve(repoRoot, '../shared/reference/docs-en/cmdlets');
if (!existsSync(cmdletDir)) console.warn(`skipped: the cmdlet check of DR plans (${cmdletDir} is absent)`);
const COMMON = new Set(['verbose', 'debug', 'erroraction', 'warningaction', 'whatif', 'confirm']);
/** Non-cmdlet programs the procedures run, with the page that names them. */
const PROGRAMS: Record<string, string> = { 'bootstrapper.exe': 'lync-server-2013-front-end-pool-abc-failover-procedure.md' };

function pageParams(cmdlet: string): Set<string> | null {
  const file = readdirSync(cmdletDir).find((f) => f.toLowerCase() === `${cmdlet.toLowerCase()}.md`);
  if (!file) return null;
  const text = readFileSync(path.join(cmdletDir, file), 'utf8');
  return new Set([...text.matchAll(/^### -(\w+)/gm)].map((m) => (m[1] as string).toLowerCase()));
}

function load(dir: string): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(dir, 'topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(readFileSync(path.join(dir, 'lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

function allCommands(t: Topology): Set<string> {
  const base = buildState(t, {});
  const states: DrState[] = [base, ...base.pools.map((p) => buildState(t, { down: [p] })), ...t.pools.filter((p) => p.kind === 'Edge').map((e) => buildState(t, { down: [e.fqdn] }))];
  for (const [a, b] of base.pairs) states.push(buildState(t, { failedOver: { [a]: b } }));
  const out = new Set<string>();
  for (const s of states) {
    const goals: Goal[] = [{ kind: 'cms-failover' }];
    for (const p of s.pools) {
      goals.push({ kind: 'failover', pool: p }, { kind: 'failback', pool: p }, { kind: 'restore-conference-content', pool: p }, { kind: 'db-failover', pool: p, type: 'User' }, { kind: 'db-failover', pool: p, type: 'CentralMgmt' }, { kind: 'rebuild', failed: p, newFqdn: `c-${p}` });
      for (const q of s.pools) if (q !== p) goals.push({ kind: 'serve', usersOf: p, by: q });
    }
    for (const e of t.pools.filter((x) => x.kind === 'Edge')) goals.push({ kind: 'edge-failover', pool: e.fqdn }, { kind: 'edge-failover', pool: e.fqdn, federation: 'xmpp' }, { kind: 'edge-failback', pool: e.fqdn });
    for (const g of goals) {
      try {
        for (const step of plan(g, s, t).steps) if (step.command) out.add(step.command);
      } catch {
        // impossible from this state: refused with a reason, nothing to check
      }
    }
  }
  return out;
}

describe.skipIf(!existsSync(cmdletDir))('DR plan commands exist in the cmdlet reference', () => {
  it.each([['two-site'], ['standard-edition']])('examples/%s', (name) => {
    const commands = allCommands(load(path.join(repoRoot, 'examples', name)));
    expect(commands.size).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const line of commands) {
      for (const cmd of parsePowerShell(line)) {
        const program = Object.keys(PROGRAMS).find((p) => cmd.name.toLowerCase().endsWith(p));
        if (program) continue;
        const params = pageParams(cmd.name);
        if (!params) {
          problems.push(`${cmd.name}: no page in cmdlets/ (${line})`);
          continue;
        }
        for (const p of Object.keys(cmd.params)) if (!params.has(p) && !COMMON.has(p)) problems.push(`${cmd.name} -${p}: not on its page (${line})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
