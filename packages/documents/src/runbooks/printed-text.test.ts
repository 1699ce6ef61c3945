/**
 * Printed text for people, on deployments built here (generated multi-site pools; a two-site sample with Edge pools
 * under another domain): no internal "REFERENCE §" citation, no backtick inside a <placeholder>, pool-failover's
 * scenarios as separate numbered procedures, Edge Servers checked as non-domain members, and the restoration worksheet
 * importing user data from the local copy it makes.
 */
import { describe, expect, it } from 'vitest';
import { buildInventory, createSampleTopology, generateTopology } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { Document, HeadingBlock } from '../model';
import { restoreScenarios } from '../worksheets/index';
import { buildWorksheet } from '../worksheets/build-worksheet';
import { allRunbooks } from './registry';
import { poolFailoverRunbook } from './dr/pool-failover';
import { restoreMemberRunbook } from './restore/member';
import { allText, commands, options, steps } from '../testing/runbook-helpers';

const generated = generateTopology(4242, 4);
const fabrikam = createSampleTopology({ domain: 'fabrikam.test', edge: true, director: true, persistentChat: true });

function everyDocument(t: Topology): Document[] {
  const docs: Document[] = [];
  const inv = buildInventory(t);
  for (const lang of ['en', 'fr'] as const) {
    docs.push(buildWorksheet('all', t, inv, { lang, now: '2026-03-01T08:00:00.000Z', inputRevision: 'rev1' }));
    for (const spec of allRunbooks()) {
      for (const pools of [[], ...t.pools.map((p) => [p.fqdn])]) {
        const opts = options({ lang, pools });
        if (spec.applies(t, opts) === null) docs.push(spec.build(t, opts));
      }
    }
  }
  return docs;
}

describe('printed text for people', () => {
  it.each([['generated', generated], ['fabrikam', fabrikam]] as const)('%s: no internal REFERENCE citation and no backtick inside a placeholder', (_name, t) => {
    const docs = everyDocument(t);
    expect(docs.length).toBeGreaterThan(20);
    for (const doc of docs) {
      const text = allText(doc);
      expect(text, doc.meta.title).not.toMatch(/REFERENCE\s*§|§\s*\d|§[a-z]\.\d/);
      for (const line of commands(doc)) for (const ph of line.match(/<[^<>]*>/g) ?? []) expect(ph, line).not.toContain('`');
    }
  });

  it('pool-failover prints one numbered procedure per failed pool, each from step 1', () => {
    const doc = poolFailoverRunbook.build(generated, options());
    const headings = doc.blocks.filter((b): b is HeadingBlock => b.type === 'heading' && b.level === 3).map((h) => h.text);
    expect(headings.length).toBeGreaterThanOrEqual(2);
    headings.forEach((h, i) => expect(h).toMatch(new RegExp(`^Procedure ${i + 1} — Pool \\S+ has failed$`)));
    // Step numbers restart at 1 after each procedure heading.
    const numbers: number[][] = [];
    for (const b of doc.blocks) {
      if (b.type === 'heading' && b.level === 3) numbers.push([]);
      if (b.type === 'step') numbers.at(-1)!.push(b.n);
    }
    for (const ns of numbers) expect(ns).toEqual(ns.map((_, i) => i + 1));
    const fr = poolFailoverRunbook.build(generated, options({ lang: 'fr' }));
    expect(fr.blocks.some((b) => b.type === 'heading' && b.text.startsWith('Procédure 2 — Le pool'))).toBe(true);
  });

  it('restore-member does not expect an Edge Server to be joined to the domain', () => {
    const edge = fabrikam.pools.find((p) => p.kind === 'Edge')!;
    const fe = fabrikam.pools.find((p) => p.kind === 'FrontEnd')!;
    const verifyOf = (pool: string, lang: 'en' | 'fr' = 'en'): string => JSON.stringify(steps(restoreMemberRunbook.build(fabrikam, options({ pools: [pool], lang })))[0]!.verify);
    expect(verifyOf(edge.fqdn)).toMatch(/not joined to the domain/);
    expect(verifyOf(edge.fqdn)).not.toMatch(/is joined to the domain/);
    expect(verifyOf(edge.fqdn, 'fr')).toMatch(/n’est pas joint au domaine/);
    expect(verifyOf(fe.fqdn)).toMatch(/is joined to the domain/);
  });

  it('the restoration worksheet copies the user data zip to a local folder and imports that copy', () => {
    const inv = buildInventory(generated);
    let seen = 0;
    for (const sc of restoreScenarios(generated, inv)) {
      const imports = sc.steps.filter((s) => s.command?.startsWith('Import-CsUserData'));
      for (const imp of imports) {
        seen++;
        const path = /-FileName "([^"]+)"/.exec(imp.command!)![1]!;
        const copy = sc.steps[sc.steps.indexOf(imp) - 2]!;
        expect(copy.text.en).toContain(`to ${path} `);
        expect(path.startsWith('$Backup')).toBe(false);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
