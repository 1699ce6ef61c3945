import { describe, expect, it } from 'vitest';
import { buildState, buildTopology, plan, twoSiteTopology } from '@lyncdr/domain';
import type { Block, Document, StepBlock } from '../../model';
import type { RunbookOptions } from '../spec';
import { drRunbooks } from './index';
import { renderPlanCommand } from '../../text/plan-text';

const t = twoSiteTopology();
const opts = (lang: 'en' | 'fr', pools: string[] = []): RunbookOptions => ({ lang, pools, now: '2026-11-22T20:00:00Z', inputRevision: 'abc123' });
const steps = (d: Document): StepBlock[] => d.blocks.filter((b: Block): b is StepBlock => b.type === 'step');
const text = (d: Document): string => JSON.stringify(d.blocks);
const byId = (id: string) => {
  const r = drRunbooks.find((x) => x.id === id);
  if (!r) throw new Error(`no runbook ${id}`);
  return r;
};

describe('DR runbooks', () => {
  it('has the nine procedures', () => {
    expect(drRunbooks.map((r) => r.id)).toEqual(['pool-failover', 'pool-failback', 'mirror-failover', 'edge-failover', 'xmpp-failover', 'edge-failback', 'edge-associate', 'conference-content', 'abc-rebuild']);
  });

  it.each(drRunbooks.map((r) => [r.id] as const))('%s builds in English and French with numbered steps, checkboxes, rollback and references', (id) => {
    const r = byId(id);
    expect(r.applies(t, opts('en'))).toBeNull();
    for (const lang of ['en', 'fr'] as const) {
      const d = r.build(t, opts(lang));
      expect(d.meta.lang).toBe(lang);
      const s = steps(d);
      expect(s.length).toBeGreaterThan(0);
      // Numbered from 1, and again from 1 in each alternative procedure (pool-failover's scenarios).
      expect(s.every((x, i) => x.n === (i === 0 || x.n === 1 ? 1 : s[i - 1]!.n + 1))).toBe(true);
      expect(s.every((x) => x.commands.length > 0 || x.manual)).toBe(true);
      expect(d.blocks.some((b) => b.type === 'checklist')).toBe(true);
      expect(d.blocks.some((b) => b.type === 'signature')).toBe(true);
      expect(text(d)).toMatch(/lync-server-2013-[a-z-]+\.md/);
    }
  });

  it('the failover and failback runbooks carry the engine\'s commands and state the -PoolFqdn and order rules', () => {
    for (const id of ['pool-failover', 'pool-failback']) {
      const en = text(byId(id).build(t, opts('en', ['p1.contoso.com'])));
      expect(en).toMatch(/-PoolFqdn always names the pool that suffered the disaster/);
      expect(en).toMatch(/first fail back P1 \(-PoolFqdn P1\), then fail over P2 \(-PoolFqdn P2\)/);
      const fr = text(byId(id).build(t, opts('fr', ['p1.contoso.com'])));
      expect(fr).toMatch(/pool touché par le sinistre/);
      expect(fr).toMatch(/restauration automatique de P1 \(-PoolFqdn P1\), puis le basculement de P2/);
    }
    const engine = plan({ kind: 'failover', pool: 'p1.contoso.com' }, buildState(t, { down: ['p1.contoso.com'] }), t);
    const book = steps(byId('pool-failover').build(t, opts('en', ['p1.contoso.com']))).flatMap((s) => s.commands);
    expect(book).toEqual(engine.steps.flatMap((s) => (s.command ? [renderPlanCommand(s, 'en')] : [])));
    const back = steps(byId('pool-failback').build(t, opts('fr', ['p1.contoso.com'])));
    expect(back.flatMap((s) => s.commands)).toContain('Invoke-CsPoolFailBack -PoolFqdn p1.contoso.com -Verbose');
    expect(back.map((s) => s.title)).toContain('Restauration automatique des utilisateurs de p1.contoso.com depuis p2.contoso.com');
  });

  it('xmpp-failover uses -XmppFederationRoute and records the ERRATUM', () => {
    const d = byId('xmpp-failover').build(t, opts('en'));
    expect(steps(d).flatMap((s) => s.commands)).toContain('Set-CsSite -Identity "Dublin" -XmppFederationRoute EdgeServer:edge2.contoso.com');
    expect(d.blocks.some((b) => b.type === 'paragraph' && b.tone === 'erratum' && /XmppExternalFederationRoute/.test(JSON.stringify(b.text)))).toBe(true);
  });

  it('abc-rebuild leaves the new FQDN blank unless named, and ends with B paired with C', () => {
    const blank = text(byId('abc-rebuild').build(t, opts('en', ['p1.contoso.com'])));
    expect(blank).toMatch(/Move-CsUser -Target <TBD — owner: FQDN of new pool C> -Force/);
    expect(blank).not.toMatch(/invalid/);
    const named = steps(byId('abc-rebuild').build(t, opts('en', ['p1.contoso.com', 'p3.contoso.com'])));
    expect(named.flatMap((s) => s.commands)).toContain('Invoke-CsBackupServiceSync -PoolFqdn p3.contoso.com');
    expect(named.some((s) => s.manual && /Pair p2\.contoso\.com with p3\.contoso\.com/.test(s.title))).toBe(true);
  });

  it('says why a runbook does not apply', () => {
    const lone = buildTopology({ pools: [{ fqdn: 'solo.x.com', site: '1', sql: { server: 'sql.x.com' } }] });
    expect(byId('pool-failover').applies(lone, opts('en'))).toMatch(/no paired Front End pools/);
    expect(byId('mirror-failover').applies(lone, opts('en'))).toMatch(/mirrored Back End/);
    expect(byId('edge-failover').applies(lone, opts('en'))).toMatch(/second Edge pool/);
    expect(byId('pool-failover').applies(t, opts('en', ['nope.contoso.com']))).toMatch(/has no backup pool/);
  });
});
