import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, toShowJson, type AgentProduct, type Topology } from '../index';
import type { TopologySpec } from '../testing/topology-spec';
import { twoSiteSpec } from '../testing/example-specs';
import { renderPublished } from '../testing/render-published';
import { newestAgentProducts, withAgentProducts } from './agent-products';

/** The two-site example with site 2 (pool02 and everything on it) at ServiceVersion 7 (SfB 2015); site 1 stays unknown. */
const mixed: TopologySpec = {
  ...twoSiteSpec,
  services: twoSiteSpec.services.map((s) => (s.site === '2' ? { ...s, serviceVersion: '7' } : s)),
};
const parse = (spec: TopologySpec): Topology => parseTopologyDocument(new Uint8Array(Buffer.from(renderPublished(spec))), { file: 'mixed.xml' });
const pool = (t: Topology, fqdn: string) => t.pools.find((p) => p.fqdn === fqdn)!;
const at = '2026-11-22T09:00:00.000Z';
const reports = (entries: Record<string, AgentProduct['product']>, agent: string | null = 'fe1') =>
  new Map(Object.entries(entries).map(([fqdn, product]) => [fqdn, { product, reportedAt: at, agent }]));

describe('withAgentProducts: the agent as the third source of a pool version', () => {
  it('fills a pool the topology leaves unknown, matching the FQDN in any case', () => {
    const t = parse(mixed);
    expect(pool(t, 'pool01.contoso.example')).toMatchObject({ product: 'unknown', productSource: 'unknown' });
    const { topology, findings } = withAgentProducts(t, reports({ 'POOL01.Contoso.Example': 'sfb2015' }));
    expect(pool(topology, 'pool01.contoso.example')).toMatchObject({ product: 'sfb2015', productSource: 'agent' });
    expect(findings).toEqual([]);
    // Every pool with a known version now says sfb2015: the deployment's version, from the topology (pool02).
    expect(topology.product).toEqual({ version: 'sfb2015', source: 'topology' });
    expect(toShowJson(topology).pools.find((p) => p.fqdn === 'pool01.contoso.example')).toMatchObject({ product: 'sfb2015', productSource: 'agent' });
  });

  it('leaves the input untouched', () => {
    const t = parse(mixed);
    const before = JSON.stringify(t);
    withAgentProducts(t, reports({ 'pool01.contoso.example': 'sfb2019', 'pool02.contoso.example': 'sfb2019' }));
    expect(JSON.stringify(t)).toBe(before);
  });

  it('gives the deployment the agent version when only agents say', () => {
    const t = parse(twoSiteSpec);
    expect(t.product).toEqual({ version: 'unknown', source: 'unknown' });
    const { topology } = withAgentProducts(t, reports({ 'pool01.contoso.example': 'sfb2019', 'pool02.contoso.example': 'sfb2019' }));
    expect(topology.product).toEqual({ version: 'sfb2019', source: 'agent' });
    const { topology: two } = withAgentProducts(t, reports({ 'pool01.contoso.example': 'sfb2019', 'pool02.contoso.example': 'sfb2015' }));
    expect(two.product).toEqual({ version: 'unknown', source: 'unknown' });
  });

  it('the topology wins over a different report, which is an AGENT_PRODUCT_CONFLICT warning', () => {
    const t = parse(mixed);
    const { topology, findings } = withAgentProducts(t, reports({ 'pool02.contoso.example': 'sfb2019' }));
    expect(pool(topology, 'pool02.contoso.example')).toMatchObject({ product: 'sfb2015', productSource: 'topology' });
    expect(findings).toEqual([
      {
        code: 'AGENT_PRODUCT_CONFLICT',
        severity: 'warning',
        subject: 'pool02.contoso.example',
        ref: null,
        message: expect.stringMatching(/^agent fe1 reported sfb2019 for pool02\.contoso\.example .*the topology's ServiceVersion says sfb2015; lyncdr uses sfb2015/),
      },
    ]);
    expect(topology.findings.slice(-1)).toEqual(findings);
    expect(topology.findings.slice(0, -1)).toEqual(t.findings);
  });

  it('the overlay wins too; an agreeing report is no finding', () => {
    const t = applyOverlay(parse(mixed), parseOverlay('products:\n  pool01.contoso.example: lync2013\n', { file: 'lyncdr.yaml' }));
    const clash = withAgentProducts(t, reports({ 'pool01.contoso.example': 'sfb2015' }, null));
    expect(pool(clash.topology, 'pool01.contoso.example')).toMatchObject({ product: 'lync2013', productSource: 'overlay' });
    expect(clash.findings.map((f) => [f.code, f.subject])).toEqual([['AGENT_PRODUCT_CONFLICT', 'pool01.contoso.example']]);
    expect(clash.findings[0]!.message).toMatch(/^an agent reported sfb2015 .*lyncdr\.yaml \(product:\/products:\) says lync2013/);
    const same = withAgentProducts(t, reports({ 'pool01.contoso.example': 'lync2013', 'pool02.contoso.example': 'sfb2015' }));
    expect(same.findings).toEqual([]);
    expect(same.topology.pools).toEqual(t.pools);
  });

  it('ignores a report for a pool the topology does not hold, and an empty map changes nothing', () => {
    const t = parse(mixed);
    const r = withAgentProducts(t, reports({ 'pool09.contoso.example': 'sfb2019' }));
    expect(r.findings).toEqual([]);
    expect(r.topology).toEqual(t);
    expect(withAgentProducts(t, new Map()).topology).toBe(t);
  });

  it('a newer report replaces an earlier agent version', () => {
    const first = withAgentProducts(parse(mixed), reports({ 'pool01.contoso.example': 'sfb2015' })).topology;
    const again = withAgentProducts(first, reports({ 'pool01.contoso.example': 'sfb2019' }));
    expect(pool(again.topology, 'pool01.contoso.example')).toMatchObject({ product: 'sfb2019', productSource: 'agent' });
    expect(again.findings).toEqual([]);
  });
});

describe('newestAgentProducts', () => {
  it('keeps the newest known version per pool, in any case, and drops unknown values', () => {
    const m = newestAgentProducts([
      { pool: 'pool01.contoso.example', product: 'sfb2015', at: '2026-11-22T09:00:00.000Z', agent: 'fe1' },
      { pool: 'POOL01.contoso.example', product: 'sfb2019', at: '2026-11-22T10:00:00.000Z', agent: 'fe2' },
      { pool: 'pool01.contoso.example', product: 'lync2013', at: '2026-11-22T08:00:00.000Z' },
      { pool: 'pool01.contoso.example', product: 'sfb2022', at: '2026-11-22T11:00:00.000Z' },
      { pool: 'pool02.contoso.example', product: undefined, at: '2026-11-22T11:00:00.000Z' },
      { pool: 'pool03.contoso.example', product: 7, at: '2026-11-22T11:00:00.000Z' },
    ]);
    expect([...m]).toEqual([['pool01.contoso.example', { product: 'sfb2019', reportedAt: '2026-11-22T10:00:00.000Z', agent: 'fe2' }]]);
  });
});
