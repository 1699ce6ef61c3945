import { describe, expect, it } from 'vitest';
import { buildState, plan, twoSiteTopology } from '@lyncdr/domain';
import type { StepBlock } from '../model';
import { renderPlanCommand } from '../text/plan-text';
import { buildPlanDocument } from './plan-document';
import { planJson } from './plan-json';

const t = twoSiteTopology();
const state = buildState(t, { failedOver: { 'p1.contoso.com': 'p2.contoso.com' }, cmsActive: 'p2.contoso.com' });
const p = plan({ kind: 'serve', usersOf: 'p2.contoso.com', by: 'p1.contoso.com' }, state, t);

describe('buildPlanDocument', () => {
  it('prints every step with its command, verification, place, duration and reference, plus warnings and sign-off', () => {
    const d = buildPlanDocument(p, { lang: 'en', now: '2026-11-22T20:00:00Z', deployment: 'test', inputRevision: 'r1', state });
    const steps = d.blocks.filter((b): b is StepBlock => b.type === 'step');
    expect(steps).toHaveLength(p.steps.length);
    expect(steps.map((s) => s.commands[0] ?? null)).toEqual(p.steps.map((s) => renderPlanCommand(s, 'en')));
    const failback = steps.find((s) => s.commands[0] === 'Invoke-CsPoolFailBack -PoolFqdn p1.contoso.com -Verbose');
    expect(failback?.title).toBe('Fail back the users of p1.contoso.com from p2.contoso.com');
    expect(failback?.durationMinutes).toBe(60);
    expect(failback?.ref).toBe('lync-server-2013-failing-back-a-pool.md');
    expect(failback?.timing).toBe(true);
    expect(d.blocks.filter((b) => b.type === 'paragraph' && b.tone === 'warning')).toHaveLength(p.warnings.length);
    expect(JSON.stringify(d.blocks)).toMatch(/p1\.contoso\.com → p2\.contoso\.com/);
    expect(d.blocks.at(-4)?.type).toBe('signature');
    expect(d.blocks.at(-3)).toMatchObject({ type: 'heading', id: 'revision' });
    expect(d.meta.generatedAt).toBe('2026-11-22T20:00:00Z');
  });

  it('speaks French: the heading names the goal in words, basculement / restauration automatique, blanks in French', () => {
    const d = buildPlanDocument(p, { lang: 'fr', now: '2026-11-22T20:00:00Z', deployment: null, inputRevision: null, state });
    expect(d.meta.title).toBe('Plan de reprise après sinistre : les utilisateurs de p2.contoso.com servis par p1.contoso.com');
    const steps = d.blocks.filter((b): b is StepBlock => b.type === 'step');
    const titles = steps.map((s) => s.title);
    expect(titles).toContain('Restauration automatique des utilisateurs de p1.contoso.com depuis p2.contoso.com');
    expect(titles).toContain('Basculement planifié des utilisateurs de p2.contoso.com vers p1.contoso.com');
    const commands = steps.flatMap((s) => s.commands);
    expect(commands).toContain('Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1.contoso.com" -FileName <À compléter — responsable : dernier fichier Export-CsRgsConfiguration de p2.contoso.com (RgsConfiguration-p2.contoso.com.zip)>');
    expect(commands.join('\n')).not.toMatch(/TBD|latest|new file name/);
  });
});

describe('planJson', () => {
  it('keeps the DESIGN §4 text fields and carries codes and parameters beside them; commands have their blanks written out', () => {
    const j = planJson(p);
    const failback = j.steps.find((s) => s.command === 'Invoke-CsPoolFailBack -PoolFqdn p1.contoso.com -Verbose');
    expect(failback?.title).toBe('Fail back the users of p1.contoso.com from p2.contoso.com');
    expect(failback?.codes.title).toEqual({ code: 'poolFailback.title', params: { pool: 'p1.contoso.com', from: 'p2.contoso.com' } });
    expect(j.steps.map((s) => s.command).join('\n')).toMatch(/-FileName <TBD — owner: latest Export-CsRgsConfiguration file of p2\.contoso\.com \(RgsConfiguration-p2\.contoso\.com\.zip\)>/);
    expect(j.steps.map((s) => s.command).join('\n')).not.toMatch(/<TBD:\d+>/);
    expect(j.warnings).toHaveLength(j.warningCodes.length);
    expect(j.warningCodes.map((w) => w.code)).toContain('warn.rpoUnknown');
    const fr = planJson(p, 'fr');
    expect(fr.steps.find((s) => s.codes.title.code === 'poolFailback.title')?.title).toBe('Restauration automatique des utilisateurs de p1.contoso.com depuis p2.contoso.com');
  });
});
