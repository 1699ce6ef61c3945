import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from './index';
import { canonicalJson, shortFingerprint, topologyFingerprint } from './fingerprint';
import { twoSiteSpec } from './testing/example-specs';
import { renderPublished } from './testing/render-published';
import { renderTbxml } from './testing/render-tbxml';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const example = (f: string): Uint8Array => new Uint8Array(readFileSync(path.join(repo, 'examples/two-site', f)));
const overlayText = readFileSync(path.join(repo, 'examples/two-site/lyncdr.yaml'), 'utf8');
const withOverlay = (t: Topology, text = overlayText): Topology => applyOverlay(t, parseOverlay(text, { file: 'lyncdr.yaml' }));
const published = renderPublished(twoSiteSpec);
const parsePublished = (xml = published, file = 'topology.xml'): Topology =>
  parseTopologyDocument(strToU8(xml), { file });
const reverse = <T>(xs: T[]): T[] => [...xs].reverse();

describe('topologyFingerprint', () => {
  it('is a SHA-256 in hex, printed shortened to 16 characters', () => {
    const fp = topologyFingerprint(parsePublished());
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(shortFingerprint(fp)).toBe(fp.slice(0, 16));
  });

  it('is the same for the published XML, the .tbxml and a CMS export zip of one deployment, whatever the file name', () => {
    const fromXml = parsePublished(published, 'a.xml');
    const fromTbxml = parseTopologyDocument(strToU8(renderTbxml(twoSiteSpec)), { file: 'b.tbxml' });
    const body = published.replace(/^<\?xml[^>]*>\n/, '');
    const zip = zipSync({
      'DocItemSet.xml': strToU8(`<DocItemSet><DocItem Name="urn:xds:topology"><Data>${body}</Data></DocItem></DocItemSet>`),
    });
    const fromZip = parseTopologyDocument(zip, { file: 'export.zip' });
    expect(new Set([fromXml.source.format, fromTbxml.source.format, fromZip.source.format]).size).toBe(3);
    expect(fromXml.source.sha256).not.toBe(fromTbxml.source.sha256);
    expect(topologyFingerprint(fromTbxml)).toBe(topologyFingerprint(fromXml));
    expect(topologyFingerprint(fromZip)).toBe(topologyFingerprint(fromXml));
  });

  it('is the same for the bundled example in both forms, with its overlay', () => {
    const xml = withOverlay(parseTopologyDocument(example('topology.xml'), { file: 'topology.xml' }));
    const tbxml = withOverlay(parseTopologyDocument(example('topology.tbxml'), { file: 'topology.tbxml' }));
    expect(topologyFingerprint(tbxml)).toBe(topologyFingerprint(xml));
  });

  it('does not depend on the order of elements, nor on findings or the source', () => {
    const t = withOverlay(parsePublished());
    const shuffled: Topology = {
      ...t,
      sites: reverse(t.sites),
      pools: reverse(t.pools).map((p) => ({ ...p, machines: reverse(p.machines), services: reverse(p.services) })),
      services: reverse(t.services).map((s) => ({ ...s, dependsOn: reverse(s.dependsOn) })),
      sqlStores: reverse(t.sqlStores).map((s) => ({ ...s, databases: reverse(s.databases), pools: reverse(s.pools) })),
      fileStores: reverse(t.fileStores),
      pairs: t.pairs.map(([a, b]) => [b, a] as [string, string]),
      findings: [],
      source: { file: 'other.tbxml', format: 'tbxml', sha256: 'x', signature: null },
    };
    expect(topologyFingerprint(shuffled)).toBe(topologyFingerprint(t));
  });

  it('changes when a pool, a machine, a pair, an Edge route, a product version or an overlay fact changes', () => {
    const t = withOverlay(parsePublished());
    const base = topologyFingerprint(t);
    const edit = (f: (x: Topology) => Topology): string => topologyFingerprint(f(structuredClone(t)));
    const variants = {
      pool: edit((x) => ({ ...x, pools: x.pools.filter((p) => p.fqdn !== 'dir01.contoso.example') })),
      machine: edit((x) => ({ ...x, pools: x.pools.map((p, i) => (i === 0 ? { ...p, machines: [...p.machines, 'fe99.contoso.example'] } : p)) })),
      pair: edit((x) => ({ ...x, pairs: [] })),
      nextHop: edit((x) => ({ ...x, pools: x.pools.map((p) => (p.kind === 'Edge' ? { ...p, nextHop: 'dir01.contoso.example' } : p)) })),
      product: edit((x) => ({ ...x, pools: x.pools.map((p, i) => (i === 0 ? { ...p, product: 'sfb2019' as const } : p)) })),
      haType: edit((x) => ({ ...x, sqlStores: x.sqlStores.map((s, i) => (i === 0 ? { ...s, haType: 'alwayson' as const } : s)) })),
      cms: edit((x) => ({ ...x, cms: null })),
      schedule: edit((x) => ({ ...x, overlay: x.overlay && { ...x.overlay, schedules: { ...x.overlay.schedules, sql: 'daily 04:00' } } })),
    };
    for (const [what, fp] of Object.entries(variants)) expect(fp, what).not.toBe(base);
    expect(new Set(Object.values(variants)).size).toBe(Object.keys(variants).length);
  });

  it('differs with and without the overlay, and when the overlay pairs other pools', () => {
    const bare = parsePublished();
    const paired = withOverlay(bare);
    expect(topologyFingerprint(paired)).not.toBe(topologyFingerprint(bare));
    const other = withOverlay(bare, overlayText.replace('- [pool01.contoso.example, pool02.contoso.example]', '[]').replace('pairs:\n  []', 'pairs: []'));
    expect(topologyFingerprint(other)).not.toBe(topologyFingerprint(paired));
  });

  it('ignores the overlay file name and its line numbers', () => {
    const t = withOverlay(parsePublished());
    const moved: Topology = { ...t, overlay: t.overlay && { ...t.overlay, file: 'elsewhere.yaml', lines: {} } };
    expect(topologyFingerprint(moved)).toBe(topologyFingerprint(t));
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined, b: null } })).toBe('{"a":{"b":null,"d":[2,1]},"b":1}');
  });
});
