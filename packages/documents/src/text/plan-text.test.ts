import { describe, expect, it } from 'vitest';
import { buildState, generateStateInput, generateTopology, GOAL_KINDS, plan, twoSiteTopology, type Goal, type PlanText } from '@lyncdr/domain';
import { planTemplates, renderGoal, renderPlanCommand, renderPlanText } from './plan-text';

const params = (template: string): string[] => [...new Set([...template.matchAll(/\{([A-Za-z]\w*)\}/g)].map((m) => m[1] as string))].sort();

describe('plan text catalogs', () => {
  it('every code has an English and a French template with the same parameters', () => {
    const en = planTemplates('en');
    const fr = planTemplates('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const differ = Object.keys(en).filter((code) => params(en[code] ?? '').join() !== params(fr[code] ?? '').join());
    expect(differ).toEqual([]);
  });

  it('every code the engine emits, on generated deployments and states, has templates and gets every parameter it names', () => {
    const seen = new Map<string, PlanText>();
    const collect = (x: PlanText): void => {
      if (!seen.has(x.code)) seen.set(x.code, x);
      for (const v of Object.values(x.params)) if (typeof v === 'object') collect(v);
    };
    for (const t of [twoSiteTopology(), generateTopology(3, 8)]) {
      const fes = t.pools.filter((p) => p.kind !== 'Edge').map((p) => p.fqdn).slice(0, 4);
      const edges = t.pools.filter((p) => p.kind === 'Edge').map((p) => p.fqdn);
      for (let seed = 0; seed < 12; seed++) {
        const state = buildState(t, seed === 0 ? {} : generateStateInput(t, seed));
        const goals: Goal[] = [{ kind: 'cms-failover' }];
        for (const p of fes) {
          goals.push({ kind: 'failover', pool: p }, { kind: 'failback', pool: p }, { kind: 'rebuild', failed: p, newFqdn: 'c.new.test' }, { kind: 'db-failover', pool: p, type: 'User' }, { kind: 'restore-conference-content', pool: p });
        }
        for (const e of edges) goals.push({ kind: 'edge-failover', pool: e }, { kind: 'edge-failback', pool: e });
        for (const g of goals) {
          try {
            const p = plan(g, state, t);
            p.warnings.forEach(collect);
            for (const s of p.steps) [s.title, ...(s.check ? [s.check] : []), ...s.instructions, ...s.notes, ...s.blanks].forEach(collect);
          } catch {
            /* not reachable from this state */
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    for (const lang of ['en', 'fr'] as const) {
      const missing = [...seen.keys()].filter((c) => planTemplates(lang)[c] === undefined);
      expect(missing).toEqual([]);
      const unfilled = [...seen.values()].filter((x) => /\{[A-Za-z]\w*\}/.test(renderPlanText(x, lang).replace(/\{RegistrarPool[^}]*\}/g, '')));
      expect(unfilled.map((x) => x.code)).toEqual([]);
    }
  });

  it('renders nested texts, blanks and goals in both languages', () => {
    const w: PlanText = { code: 'warn.federationSource.lync', params: { edge: 'e1.x.test', source: { code: 'source.topology', params: {} } } };
    expect(renderPlanText(w, 'en')).toBe('Lync federation goes through e1.x.test according to the published topology.');
    expect(renderPlanText(w, 'fr')).toBe('La fédération Lync passe par e1.x.test d’après la topologie publiée.');
    const step = { command: 'Import-CsUserData -PoolFqdn c.x.test -FileName <TBD:0>', blanks: [{ code: 'abc.importUserdata.blank0', params: {} }] };
    expect(renderPlanCommand(step, 'en')).toBe('Import-CsUserData -PoolFqdn c.x.test -FileName <TBD — owner: the zip exported in the previous step>');
    expect(renderPlanCommand(step, 'fr')).toBe('Import-CsUserData -PoolFqdn c.x.test -FileName <À compléter — responsable : le zip exporté à l’étape précédente>');
    for (const kind of GOAL_KINDS) expect(planTemplates('fr')[`goal.${kind}`], kind).toBeDefined();
    expect(renderGoal({ kind: 'failover', pool: 'p1.x.test', planned: true }, 'fr')).toBe('basculement planifié des utilisateurs de p1.x.test');
  });
});
