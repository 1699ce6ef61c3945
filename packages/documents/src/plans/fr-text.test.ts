import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildState, DATABASE_TYPES, generateStateInput, plan, twoSiteTopology, type DrState, type Goal, type Plan } from '@lyncdr/domain';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '@lyncdr/topology';
import type { Block, Document, StepBlock } from '../model';
import { drRunbooks } from '../runbooks/dr/index';
import { buildPlanDocument } from './plan-document';
import { translateFr } from './fr-text';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const NOW = '2026-11-22T20:00:00Z';

function load(dir: string): Topology {
  const file = path.join(repo, 'examples', dir);
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(file, 'topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(readFileSync(path.join(file, 'lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

function states(t: Topology): DrState[] {
  const out: DrState[] = [buildState(t, {})];
  const tryState = (input: Record<string, unknown>) => {
    try {
      out.push(buildState(t, input));
    } catch {
      /* not a valid state for this topology */
    }
  };
  for (const [a, b] of t.pairs) {
    for (const [h, s] of [[a, b], [b, a]] as const) {
      tryState({ down: [h] });
      tryState({ down: [h], cmsActive: s });
      tryState({ failedOver: { [h]: s } });
      tryState({ failedOver: { [h]: s }, down: [h] });
      tryState({ failedOver: { [h]: s }, cmsActive: s });
      tryState({ down: [h], cmsActive: h });
      for (const v of ['SteadyState', 'NonSteadyState', 'ErrorState', 'FinalState']) tryState({ down: [h], sync: { [`${h}>${s}`]: v } });
      for (const v of ['primary', 'mirror']) tryState({ principals: Object.fromEntries(DATABASE_TYPES.map((d) => [`${h}/${d}`, v])) });
    }
  }
  const edges = t.pools.filter((p) => p.kind === 'Edge').map((p) => p.fqdn);
  for (const e of edges) {
    tryState({ down: [e] });
    tryState({ down: [e], federation: { lync: null, xmpp: null } });
    for (const other of edges.filter((x) => x !== e)) tryState({ down: [e], federation: { lync: other, xmpp: other } });
    for (const p of t.pools.filter((x) => x.kind !== 'Edge')) tryState({ down: [e], nextHops: { [e]: p.fqdn }, edgeAssociations: { [p.fqdn]: e } });
  }
  for (let seed = 1; seed <= 30; seed++) tryState(generateStateInput(t, seed));
  return out;
}

function goals(t: Topology): Goal[] {
  const fes = t.pools.filter((p) => p.backupPool !== null || p.kind === 'FrontEnd' || p.kind === 'StandardEdition');
  const edges = t.pools.filter((p) => p.kind === 'Edge');
  const out: Goal[] = [{ kind: 'cms-failover' }, { kind: 'cms-failover', planned: true }];
  for (const p of fes) {
    for (const planned of [false, true]) out.push({ kind: 'failover', pool: p.fqdn, planned }, { kind: 'failback', pool: p.fqdn, planned });
    if (p.backupPool) out.push({ kind: 'serve', usersOf: p.fqdn, by: p.backupPool }, { kind: 'serve', usersOf: p.backupPool, by: p.fqdn });
    out.push({ kind: 'rebuild', failed: p.fqdn, newFqdn: 'new.contoso.example' }, { kind: 'restore-conference-content', pool: p.fqdn });
    for (const type of DATABASE_TYPES) out.push({ kind: 'db-failover', pool: p.fqdn, type });
    for (const e of edges) out.push({ kind: 'edge-associate', pool: p.fqdn, edge: e.fqdn });
  }
  for (const e of edges) {
    out.push({ kind: 'edge-failback', pool: e.fqdn }, { kind: 'edge-failover', pool: e.fqdn });
    for (const federation of ['lync', 'xmpp'] as const) {
      out.push({ kind: 'edge-failover', pool: e.fqdn, federation });
      for (const to of edges.filter((x) => x !== e)) out.push({ kind: 'edge-failover', pool: e.fqdn, federation, to: to.fqdn });
    }
  }
  return out;
}

function plans(t: Topology): Plan[] {
  const out: Plan[] = [];
  for (const s of states(t)) {
    for (const g of goals(t)) {
      try {
        out.push(plan(g, s, t));
      } catch {
        /* goal not reachable from this state */
      }
    }
  }
  return out;
}

const engineTexts = (p: Plan): [string, 'title' | 'text'][] => [
  ...p.warnings.map((w) => [w, 'text'] as [string, 'text']),
  ...p.steps.flatMap((s) => [[s.title, 'title'] as [string, 'title'], ...[...(s.check ? [s.check] : []), ...s.notes, ...s.instructions].map((x) => [x, 'text'] as [string, 'text'])]),
];
const stepsOf = (d: Document): StepBlock[] => d.blocks.filter((b: Block): b is StepBlock => b.type === 'step');

function withBranch(): Topology {
  const t = twoSiteTopology();
  return { ...t, sites: [...t.sites, { id: '3', name: 'Branch', location: null, kind: 'branch' }] };
}

const TOPOLOGIES: [string, () => Topology][] = [
  ['examples/two-site', () => load('two-site')],
  ['examples/standard-edition', () => load('standard-edition')],
  ['two sites and a branch site', withBranch],
];

describe.each(TOPOLOGIES)('French text for %s', (_name, make) => {
  const t = make();

  it('every text the engine emits for any goal has a French form', () => {
    const all = plans(t);
    expect(all.length).toBeGreaterThan(0);
    const missing = new Set<string>();
    for (const p of all) {
      for (const [x, kind] of engineTexts(p)) if (!translateFr(x, kind).matched) missing.add(x);
      buildPlanDocument(p, { lang: 'fr', now: NOW, deployment: null, inputRevision: null, state: buildState(t, {}) });
    }
    expect([...missing]).toEqual([]);
  });

  it('every DR runbook translates its step titles, verifications and warnings', () => {
    const opts = (lang: 'en' | 'fr') => ({ lang, pools: [] as string[], now: NOW, inputRevision: 'r' });
    const same: string[] = [];
    for (const r of drRunbooks.filter((x) => x.applies(t, opts('fr')) === null)) {
      const en = r.build(t, opts('en'));
      const fr = r.build(t, opts('fr'));
      expect(JSON.stringify(fr.blocks)).not.toMatch(/UNCERTAIN|RPO exposure|Topology Builder shows/);
      const [se, sf] = [stepsOf(en), stepsOf(fr)];
      expect(sf.length).toBe(se.length);
      se.forEach((s, i) => {
        if (s.title === sf[i]?.title) same.push(`${r.id}: ${s.title}`);
        if (s.verify && s.verify === sf[i]?.verify) same.push(`${r.id}: ${JSON.stringify(s.verify)}`);
      });
      const warn = (d: Document) => d.blocks.filter((b) => b.type === 'paragraph' && b.tone === 'warning').map((b) => JSON.stringify(b));
      const fw = new Set(warn(fr));
      for (const w of warn(en)) if (fw.has(w)) same.push(`${r.id}: ${w}`);
    }
    expect(same).toEqual([]);
  });
});
