/**
 * Every PowerShell line of every DR plan the engine generates for the examples (all goals, several states) names a
 * cmdlet of the cmdlet index of the product version of the pool the line names (Lync Server 2013 from
 * ../shared/reference/docs-en/cmdlets, SfB 2015/2019 from docs-sfb/cmdlets; 2013 where the version is unknown), and
 * every -Parameter it passes is listed for it in that version (or is a PowerShell common parameter). Nothing invented.
 * On the SfB 2019 example (AlwaysOn Back Ends): no mirroring cmdlet, no XMPP, no Persistent Chat.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildState, commandProblems, lineVersion, plan, type DrState, type Goal } from '../packages/domain/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';
import { repoRoot } from './planner-helpers';


function load(dir: string): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(dir, 'topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(readFileSync(path.join(dir, 'lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

/** Every command line of every plan, with the host the step runs on. */
function allCommands(t: Topology): Map<string, string | null> {
  const base = buildState(t, {});
  const states: DrState[] = [base, ...base.pools.map((p) => buildState(t, { down: [p] })), ...t.pools.filter((p) => p.kind === 'Edge').map((e) => buildState(t, { down: [e.fqdn] }))];
  for (const [a, b] of base.pairs) states.push(buildState(t, { failedOver: { [a]: b } }));
  const out = new Map<string, string | null>();
  for (const s of states) {
    const goals: Goal[] = [{ kind: 'cms-failover' }];
    for (const p of s.pools) {
      goals.push({ kind: 'failover', pool: p }, { kind: 'failback', pool: p }, { kind: 'restore-conference-content', pool: p }, { kind: 'db-failover', pool: p, type: 'User' }, { kind: 'db-failover', pool: p, type: 'CentralMgmt' }, { kind: 'rebuild', failed: p, newFqdn: `c-${p}` });
      for (const q of s.pools) if (q !== p) goals.push({ kind: 'serve', usersOf: p, by: q });
    }
    for (const e of t.pools.filter((x) => x.kind === 'Edge')) goals.push({ kind: 'edge-failover', pool: e.fqdn }, { kind: 'edge-failover', pool: e.fqdn, federation: 'xmpp' }, { kind: 'edge-failback', pool: e.fqdn });
    for (const g of goals) {
      try {
        for (const step of plan(g, s, t).steps) if (step.command) out.set(step.command, step.on);
      } catch {
        // impossible from this state: refused with a reason, nothing to check
      }
    }
  }
  return out;
}

describe('DR plan commands exist in the cmdlet reference of their version', () => {
  it.each([['two-site'], ['standard-edition'], ['sfb2019-two-site']])('examples/%s', (name) => {
    const t = load(path.join(repoRoot, 'examples', name));
    const commands = allCommands(t);
    expect(commands.size).toBeGreaterThan(10);
    const problems = [...commands].flatMap(([line, on]) => commandProblems(line, lineVersion(t, line, on)).map((p) => `${p.message} (${line})`));
    expect(problems).toEqual([]);
  });

  it('on SfB 2019 with AlwaysOn Back Ends: Start-CsPool and the 2019 Bootstrapper, no mirroring, XMPP or Persistent Chat cmdlet', () => {
    const t = load(path.join(repoRoot, 'examples', 'sfb2019-two-site'));
    const lines = [...allCommands(t).keys()];
    expect(lines.filter((l) => lineVersion(t, l, null) !== 'sfb2019')).toEqual([]);
    expect(lines.filter((l) => /Mirror|Xmpp|PersistentChat/i.test(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith('Start-CsPool -PoolFqdn '))).toBe(true);
    expect(lines.some((l) => l.includes('\\Skype for Business Server 2019\\Deployment\\Bootstrapper.exe'))).toBe(true);
  });
});
