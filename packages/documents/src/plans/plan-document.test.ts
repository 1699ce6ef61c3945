import { describe, expect, it } from 'vitest';
import { buildState, plan, twoSiteTopology } from '@lyncdr/domain';
import type { StepBlock } from '../model';
import { buildPlanDocument } from './plan-document';
import { frText, frTitle } from './fr-text';

const t = twoSiteTopology();
const state = buildState(t, { failedOver: { 'p1.contoso.com': 'p2.contoso.com' }, cmsActive: 'p2.contoso.com' });
const p = plan({ kind: 'serve', usersOf: 'p2.contoso.com', by: 'p1.contoso.com' }, state, t);

describe('buildPlanDocument', () => {
  it('prints every step with its command, verification, place, duration and reference, plus warnings and sign-off', () => {
    const d = buildPlanDocument(p, { lang: 'en', now: '2026-11-22T20:00:00Z', deployment: 'test', inputRevision: 'r1', state });
    const steps = d.blocks.filter((b): b is StepBlock => b.type === 'step');
    expect(steps).toHaveLength(p.steps.length);
    expect(steps.map((s) => s.commands[0] ?? null)).toEqual(p.steps.map((s) => s.command));
    const failback = steps.find((s) => s.commands[0] === 'Invoke-CsPoolFailBack -PoolFqdn p1.contoso.com -Verbose');
    expect(failback?.durationMinutes).toBe(60);
    expect(failback?.ref).toBe('lync-server-2013-failing-back-a-pool.md');
    expect(failback?.timing).toBe(true);
    expect(d.blocks.filter((b) => b.type === 'paragraph' && b.tone === 'warning')).toHaveLength(p.warnings.length);
    expect(JSON.stringify(d.blocks)).toMatch(/p1\.contoso\.com → p2\.contoso\.com/);
    expect(d.blocks.at(-1)?.type).toBe('signature');
    expect(d.meta.generatedAt).toBe('2026-11-22T20:00:00Z');
  });

  it('speaks French: basculement / restauration automatique', () => {
    const d = buildPlanDocument(p, { lang: 'fr', now: '2026-11-22T20:00:00Z', deployment: null, inputRevision: null, state });
    expect(d.meta.title).toBe('Plan de reprise après sinistre : serve --users-of p2.contoso.com --by p1.contoso.com');
    const titles = d.blocks.filter((b): b is StepBlock => b.type === 'step').map((s) => s.title);
    expect(titles).toContain('Restauration automatique des utilisateurs de p1.contoso.com depuis p2.contoso.com');
    expect(titles).toContain('Basculement planifié des utilisateurs de p2.contoso.com vers p1.contoso.com');
  });

  it('translates ABC step titles and keeps unknown text', () => {
    expect(frTitle('Start a Backup Service synchronisation on c.x.com (ABC step 26)')).toBe('Lancer une synchronisation du service de sauvegarde sur c.x.com (étape ABC 26)');
    expect(frTitle('Something new')).toBe('Something new');
  });
});

describe('frText', () => {
  it('translates the -PoolFqdn note and verifications, keeping FQDNs and commands', () => {
    expect(frText("-PoolFqdn names the pool that suffered the disaster (p1.x.com, the users' home pool), not the pool the users go to (REFERENCE §0 rule 1).")).toBe('-PoolFqdn désigne le pool touché par le sinistre (p1.x.com, le pool d’origine des utilisateurs), pas le pool vers lequel ils vont (REFERENCE §0 règle 1).');
    expect(frText('Get-CsBackupServiceStatus -PoolFqdn p2.x.com — ExportStatus SteadyState or FinalState, ImportStatus NormalState')).toBe('Get-CsBackupServiceStatus -PoolFqdn p2.x.com — ExportStatus SteadyState ou FinalState, ImportStatus NormalState');
    expect(frText('unknown')).toBe('unknown');
  });
});
