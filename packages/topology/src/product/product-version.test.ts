import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { applyOverlay, parseOverlay, parseTopologyDocument, toShowJson } from '../index';
import type { TopologySpec } from '../testing/topology-spec';
import { twoSiteSpec } from '../testing/example-specs';
import { renderPublished } from '../testing/render-published';
import { renderTbxml } from '../testing/render-tbxml';
import { productOfServiceVersion } from './product-version';

/** The two-site example with site 2 (pool02 and everything on it) upgraded to SfB 2015: ServiceVersion 7. */
const mixed: TopologySpec = {
  ...twoSiteSpec,
  services: twoSiteSpec.services.map((s) => (s.site === '2' ? { ...s, serviceVersion: '7' } : s)),
};
const parse = (xml: string, file = 'mixed.xml') => parseTopologyDocument(new Uint8Array(Buffer.from(xml)), { file });
const overlay = (yaml: string) => parseOverlay(yaml, { file: 'lyncdr.yaml' });
const pool = (t: ReturnType<typeof parse>, fqdn: string) => t.pools.find((p) => p.fqdn === fqdn)!;

describe('productOfServiceVersion', () => {
  it('maps only the values a real file shows', () => {
    expect(productOfServiceVersion('7')).toBe('sfb2015');
    expect(productOfServiceVersion('8')).toBe('sfb2019');
    for (const v of ['6', '5', '9', '', null, undefined]) expect(productOfServiceVersion(v)).toBe('unknown');
  });
});

describe('product version of a mixed 2013 + 2015 topology', () => {
  for (const [form, xml] of [
    ['published', renderPublished(mixed)],
    ['tbxml', renderTbxml(mixed)],
  ] as const) {
    it(`reads ServiceVersion per pool (${form})`, () => {
      const t = parse(xml);
      expect(pool(t, 'pool02.contoso.example')).toMatchObject({ product: 'sfb2015', productSource: 'topology' });
      // ServiceVersion 6 is not mapped (no source): unknown, printed as such.
      expect(pool(t, 'pool01.contoso.example')).toMatchObject({ product: 'unknown', productSource: 'unknown' });
      expect(t.product).toEqual({ version: 'sfb2015', source: 'topology' });
    });
  }

  it('takes products: per pool and product: for the rest, the overlay winning', () => {
    const plain = parse(renderPublished(mixed));
    const site2 = plain.pools.filter((p) => p.product === 'sfb2015').map((p) => p.fqdn);
    expect(site2).toContain('pool02.contoso.example');
    const yaml = `product: lync2013\nproducts:\n${site2.map((f) => `  ${f.toUpperCase()}: sfb2015\n`).join('')}`;
    const t = applyOverlay(plain, overlay(yaml));
    expect(pool(t, 'pool01.contoso.example')).toMatchObject({ product: 'lync2013', productSource: 'overlay' });
    expect(pool(t, 'pool02.contoso.example')).toMatchObject({ product: 'sfb2015', productSource: 'overlay' });
    expect(t.product).toEqual({ version: 'lync2013', source: 'overlay' });
    expect(t.findings.filter((f) => f.code === 'OVERLAY_CONFLICT')).toEqual([]);
    const show = toShowJson(t);
    expect(show.product).toEqual({ version: 'lync2013', source: 'overlay', versions: ['lync2013', 'sfb2015'] });
    expect(show.pools.find((p) => p.fqdn === 'pool02.contoso.example')).toMatchObject({
      product: 'sfb2015',
      productSource: 'overlay',
    });
  });

  it('makes a clash between the overlay and ServiceVersion a finding', () => {
    const t = applyOverlay(parse(renderPublished(mixed)), overlay('product: sfb2019\n'));
    expect(pool(t, 'pool02.contoso.example')).toMatchObject({ product: 'sfb2019', productSource: 'overlay' });
    const clash = t.findings.filter((f) => f.code === 'OVERLAY_CONFLICT');
    expect(clash.map((f) => f.subject)).toContain('pool02.contoso.example');
    expect(clash.map((f) => f.subject)).not.toContain('pool01.contoso.example');
    expect(clash.find((f) => f.subject === 'pool02.contoso.example')!.message).toMatch(/sfb2015.*sfb2019/);
  });

  it('a mixed deployment without overlay has no single version', () => {
    const spec = { ...mixed, services: mixed.services.map((s) => (s.site === '1' ? { ...s, serviceVersion: '8' } : s)) };
    const t = parse(renderPublished(spec));
    expect(t.product).toEqual({ version: 'unknown', source: 'unknown' });
    expect(toShowJson(t).product.versions).toEqual(['sfb2015', 'sfb2019']);
  });

  it('refuses a product that is not a version, and a pool that is not in the topology', () => {
    expect(() => overlay('product: sfb2016\n')).toThrow(/not a product version; use lync2013, sfb2015, sfb2019/);
    const e = (() => {
      try {
        applyOverlay(parse(renderPublished(mixed)), overlay('products:\n  pool09.contoso.example: sfb2015\n'));
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(LyncdrError);
    expect((e as LyncdrError).code).toBe('E_OVERLAY_UNKNOWN_POOL');
  });
});

const contoso = path.resolve(__dirname, '../../../../../shared/fixtures/topology/Contoso.tbxml');

describe.skipIf(!existsSync(contoso))('real SfB 2015 Topology Builder file (../shared/fixtures/topology/Contoso.tbxml)', () => {
  it('gives sfb2015 from the topology for every pool with services', () => {
    const t = parse(readFileSync(contoso, 'utf8'), 'Contoso.tbxml');
    const withServices = t.pools.filter((p) => p.services.length);
    expect(withServices.length).toBeGreaterThan(0);
    for (const p of withServices) expect(p, p.fqdn).toMatchObject({ product: 'sfb2015', productSource: 'topology' });
    expect(t.product).toEqual({ version: 'sfb2015', source: 'topology' });
  });
});
if (!existsSync(contoso)) console.warn(`skipped: ${contoso} is absent (the shared fixtures are not next to the project)`);
