/**
 * Every goal and every DR runbook rendered in French has no English sentence: a heuristic finds common English words
 * outside code spans (cmdlets, parameters, FQDNs, paths, quoted values, placeholders, script blocks, file names).
 * Runs on the examples, a two-site topology with a branch site, and generated topologies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildState, DATABASE_TYPES, generateStateInput, generateTopology, plan, twoSiteTopology, type DrState, type Goal, type Plan } from '@lyncdr/domain';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '@lyncdr/topology';
import type { Document } from '../model';
import { drRunbooks } from '../runbooks/dr/index';
import { buildPlanDocument } from './plan-document';

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
  for (const [a, b] of t.pairs.slice(0, 3)) {
    for (const [h, s] of [[a, b], [b, a]] as const) {
      tryState({ down: [h] });
      tryState({ down: [h], cmsActive: h });
      tryState({ failedOver: { [h]: s } });
      tryState({ failedOver: { [h]: s }, down: [s] });
      tryState({ failedOver: { [h]: s }, cmsActive: s });
      for (const v of ['NonSteadyState', 'FinalState']) tryState({ down: [h], sync: { [`${h}>${s}`]: v } });
      tryState({ principals: Object.fromEntries(DATABASE_TYPES.map((d) => [`${h}/${d}`, 'mirror'])) });
    }
  }
  const edges = t.pools.filter((p) => p.kind === 'Edge').map((p) => p.fqdn).slice(0, 3);
  for (const e of edges) {
    tryState({ down: [e] });
    tryState({ down: [e], federation: { lync: null, xmpp: null } });
    for (const other of edges.filter((x) => x !== e)) tryState({ federation: { lync: other, xmpp: other } });
  }
  for (let seed = 1; seed <= 8; seed++) tryState(generateStateInput(t, seed));
  return out;
}

function goals(t: Topology): Goal[] {
  const fes = t.pools.filter((p) => p.kind === 'FrontEnd' || p.kind === 'StandardEdition').slice(0, 6);
  const edges = t.pools.filter((p) => p.kind === 'Edge').slice(0, 3);
  const out: Goal[] = [{ kind: 'cms-failover' }, { kind: 'cms-failover', planned: true }];
  for (const p of fes) {
    for (const planned of [false, true]) out.push({ kind: 'failover', pool: p.fqdn, planned }, { kind: 'failback', pool: p.fqdn });
    if (p.backupPool) out.push({ kind: 'serve', usersOf: p.fqdn, by: p.backupPool }, { kind: 'serve', usersOf: p.backupPool, by: p.fqdn });
    out.push({ kind: 'rebuild', failed: p.fqdn, newFqdn: 'new.contoso.example' }, { kind: 'restore-conference-content', pool: p.fqdn });
    for (const type of ['User', 'CentralMgmt']) out.push({ kind: 'db-failover', pool: p.fqdn, type });
    for (const e of edges) out.push({ kind: 'edge-associate', pool: p.fqdn, edge: e.fqdn });
  }
  for (const e of edges) {
    out.push({ kind: 'edge-failback', pool: e.fqdn }, { kind: 'edge-failover', pool: e.fqdn });
    for (const federation of ['lync', 'xmpp'] as const) out.push({ kind: 'edge-failover', pool: e.fqdn, federation });
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

/** Text a reader reads (not commands, references, FQDN fields), from a document's blocks. */
function prose(d: Document): string[] {
  const out: string[] = [d.meta.title];
  const skip = new Set(['commands', 'ref', 'refs', 'on', 'id', 'type', 'tone', 'style', 'level', 'timing', 'manual', 'durationMinutes', 'n']);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.style === 'code') return;
      for (const [k, x] of Object.entries(o)) if (!skip.has(k)) walk(x);
    }
  };
  walk(d.blocks);
  return out;
}

/** Code spans a French sentence keeps as they are. */
const CODE = [
  /"[^"]*"/g, // quoted values, UI labels kept in the product's words
  /«[^»]*»/g, // citations (Microsoft page titles are cited as written)
  /\{[^{}]*\}/g, // script blocks
  /<[^<>]*>/g, // placeholders (<SIP domain> is DNS syntax)
  /\b[A-Z][a-zA-Z]*-Cs[A-Za-z]+\b/g, // Lync cmdlets
  /\b(?:Get|Set|New|Import|Export|Move|Start|Stop|Invoke|Remove|Publish|Install|Update|Convert)-[A-Za-z]+\b/g,
  /(?<![\w-])--?[A-Za-z][\w-]*/g, // parameters and lyncdr options
  /\b[\w-]+(?:\.[\w-]+)+\b/g, // FQDNs, file names, dotted module names
  /[A-Za-z]:\\\S*|%\w+%\\\S*|…\\\S*/g, // paths
  /\b(?:EdgeServer|Registrar|service:ApplicationServer):\S+/g,
];
const ENGLISH = /\b(?:the|and|of|with|from|is|are|this|that|to|for|not|be|if|then|only|each|every|when|must|which|has|have|its|by|or|into|after|before|until|users|pool's|run|step|steps|failed|back)\b/i;

function englishIn(text: string): string | null {
  let t = text;
  for (const re of CODE) t = t.replace(re, ' ');
  const m = ENGLISH.exec(t);
  return m ? m[0] : null;
}

function withBranch(): Topology {
  const t = twoSiteTopology();
  return { ...t, sites: [...t.sites, { id: '3', name: 'Branch', location: null, kind: 'branch' }] };
}

const TOPOLOGIES: [string, () => Topology][] = [
  ['examples/two-site', () => load('two-site')],
  ['examples/standard-edition', () => load('standard-edition')],
  ['two sites and a branch site', withBranch],
  ['a generated topology (seed 11, 9 Front End pools)', () => generateTopology(11, 9)],
];

describe('the heuristic', () => {
  it('finds English and leaves code spans alone', () => {
    expect(englishIn('Fail back the users of p1.contoso.com')).not.toBeNull();
    expect(englishIn('Restauration automatique des utilisateurs de p1.contoso.com depuis p2.contoso.com')).toBeNull();
    expect(englishIn('Get-CsUser -Filter {RegistrarPool -eq "p1"} ne renvoie rien ; -PoolFqdn vaut <to> "Enable federation for this Edge pool"')).toBeNull();
  });
});

describe.each(TOPOLOGIES)('French rendering for %s', (_name, make) => {
  const t = make();

  it('every plan of every goal reads as French', () => {
    const all = plans(t);
    expect(all.length).toBeGreaterThan(20);
    const english = new Map<string, string>();
    for (const p of all) {
      const d = buildPlanDocument(p, { lang: 'fr', now: NOW, deployment: null, inputRevision: null, state: buildState(t, {}) });
      for (const s of prose(d)) {
        const w = englishIn(s);
        if (w) english.set(s, w);
      }
      expect(JSON.stringify(d.blocks)).not.toMatch(/TBD|<[a-z]+\.[A-Za-z.]+>/);
    }
    expect([...english.entries()].slice(0, 20)).toEqual([]);
  });

  it('every DR runbook reads as French', () => {
    const opts = { lang: 'fr' as const, pools: [] as string[], now: NOW, inputRevision: 'r' };
    const english = new Map<string, string>();
    for (const r of drRunbooks.filter((x) => x.applies(t, opts) === null)) {
      const d = r.build(t, opts);
      for (const s of prose(d)) {
        const w = englishIn(s);
        if (w) english.set(`${r.id}: ${s}`, w);
      }
      expect(JSON.stringify(d.blocks)).not.toMatch(/TBD/);
    }
    expect([...english.entries()].slice(0, 20)).toEqual([]);
  });
});
