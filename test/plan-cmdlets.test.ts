/**
 * Every PowerShell line of every DR plan the engine generates for the examples (all goals, several states) names a
 * cmdlet of the Lync Server 2013 cmdlet index (generated from ../shared/reference/docs-en/cmdlets), and every
 * -Parameter it passes is listed for it (or is a PowerShell common parameter). Nothing invented.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildState, commandProblems, plan, type DrState, type Goal } from '../packages/domain/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';
import { repoRoot } from './planner-helpers';


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

describe('DR plan commands exist in the cmdlet reference', () => {
  it.each([['two-site'], ['standard-edition']])('examples/%s', (name) => {
    const commands = allCommands(load(path.join(repoRoot, 'examples', name)));
    expect(commands.size).toBeGreaterThan(10);
    const problems = [...commands].flatMap((line) => commandProblems(line, 'lync2013').map((p) => `${p.message} (${line})`));
    expect(problems).toEqual([]);
  });
});
