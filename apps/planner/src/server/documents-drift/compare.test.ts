import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, topologyFingerprint, type Topology } from '@lyncdr/topology';
import { renderPublished, twoSiteSpec, type TopologySpec } from '@lyncdr/topology/testing';
import { compareDocuments } from './compare';
import { staleEntry } from './stale-entry';

const parse = (spec: TopologySpec) => parseTopologyDocument(new TextEncoder().encode(renderPublished(spec)), { file: 'topology.xml' });
const overlay = parseOverlay('pairs:\n  - [pool01.contoso.example, pool02.contoso.example]\ntargets:\n  rpoMinutes: 60\n', { file: 'lyncdr.yaml' });
const bare = parse(twoSiteSpec);
const deployment = applyOverlay(bare, overlay);
const model = (t: Topology) => {
  const { findings: _f, ...m } = JSON.parse(JSON.stringify(t)) as Topology;
  return m;
};
const same = (t: Topology) => t;
const doc = (fingerprint: string) => ({ at: '2026-12-01T10:00:00.000Z', kind: 'worksheet', name: 'all', lang: 'en', format: 'pdf', fingerprint });
const reported = (t: Topology) => ({ file: 'C:\\Backup\\CsConfig.zip', observedAt: '2026-12-02T03:00:00.000Z', agent: 'fe01a', fingerprint: topologyFingerprint(t), model: model(t) });
const now = new Date('2026-12-02T04:00:00Z');

describe('printed documents against the newest CMS export', () => {
  it('an export of the same deployment (without the overlay, which the planner applies) matches it and the documents made from it', () => {
    const d = compareDocuments({ deployment, reported: reported(bare), documents: [doc(topologyFingerprint(deployment))], withAgents: same });
    expect(d).toMatchObject({ stale: false, deploymentDiffers: false, changes: [], exportFingerprint: topologyFingerprint(deployment) });
    expect(staleEntry(d, now)).toMatchObject({ itemId: 'documents:stale', status: 'ok', reasonCode: 'documents.current' });
  });

  it('a changed export: the differences in words and every document made from the deployment to print again', () => {
    const grown = parse({ ...twoSiteSpec, clusters: twoSiteSpec.clusters.map((c) => (c.fqdn === 'pool01.contoso.example' ? { ...c, machines: [...(c.machines ?? []), 'fe01z.contoso.example'] } : c)) });
    const d = compareDocuments({ deployment, reported: reported(grown), documents: [doc(topologyFingerprint(deployment))], withAgents: same });
    expect(d.deploymentDiffers).toBe(true);
    expect(d.changes).toEqual(['pool pool01.contoso.example: machine added fe01z.contoso.example']);
    expect(d.documents.map((x) => x.stale)).toEqual([true]);
    const e = staleEntry(d, now)!;
    expect(e.status).toBe('late');
    expect(e.reason).toBe('printed documents are stale; the newest CMS export (C:\\Backup\\CsConfig.zip at 2026-12-02T03:00:00.000Z) differs from the deployment the ' +
      'planner serves: pool pool01.contoso.example: machine added fe01z.contoso.example; print again: worksheet all (en, pdf)');
  });

  it('an export that lost a pool the overlay pairs is compared as it is, and differs', () => {
    const lost = parse({ ...twoSiteSpec, clusters: twoSiteSpec.clusters.filter((c) => c.fqdn !== 'pool02.contoso.example'), services: twoSiteSpec.services.filter((x) => x.on !== 'pool02.contoso.example') });
    const d = compareDocuments({ deployment, reported: reported(lost), documents: [], withAgents: same });
    expect(d.deploymentDiffers).toBe(true);
    expect(d.changes).toContain('pool removed: pool02.contoso.example');
    expect(staleEntry(d, now)?.reason).toMatch(/print the documents again once the planner serves the new topology$/);
  });

  it('documents made from an older deployment are stale even when the export matches the deployment; nothing to judge without documents or export', () => {
    const d = compareDocuments({ deployment, reported: reported(bare), documents: [doc('0'.repeat(64)), { ...doc(topologyFingerprint(deployment)), lang: 'fr' }], withAgents: same });
    expect(d.deploymentDiffers).toBe(false);
    expect(d.documents.map((x) => [x.lang, x.stale])).toEqual([['en', true], ['fr', false]]);
    expect(staleEntry(d, now)?.reason).toBe('printed documents are stale; they were made from another topology than the newest CMS export\'s; print again: worksheet all (en, pdf)');
    expect(staleEntry(compareDocuments({ deployment, reported: null, documents: [], withAgents: same }), now)).toBeNull();
  });

  it('an export sent as its fingerprint only (too large) cannot be compared: unknown, never assumed current', () => {
    const d = compareDocuments({ deployment, reported: { ...reported(bare), model: null }, documents: [doc(topologyFingerprint(deployment))], withAgents: same });
    expect(d.documents.map((x) => x.stale)).toEqual([false]);
    expect(staleEntry(d, now)).toMatchObject({ status: 'unknown', reasonCode: 'documents.unknown' });
  });
});
