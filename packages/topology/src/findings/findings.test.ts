import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../index';
import { standardEditionSpec, twoSiteSpec } from '../testing/example-specs';
import { renderPublished } from '../testing/render-published';
import type { TopologySpec } from '../testing/topology-spec';

const load = (spec: TopologySpec, yaml: string): Topology =>
  applyOverlay(
    parseTopologyDocument(new Uint8Array(Buffer.from(renderPublished(spec))), { file: 't.xml' }),
    parseOverlay(yaml, { file: 'o.yaml' }),
  );
const codes = (t: Topology) => t.findings.map((f) => `${f.severity} ${f.code}`);

/** Example (a) plus a Standard Edition server in Paris, for mixed pairings. */
const mixed: TopologySpec = {
  ...twoSiteSpec,
  clusters: [...twoSiteSpec.clusters, { site: '1', number: 20, fqdn: 'se09.contoso.example', sql: ['rtc'] }],
  services: [
    ...twoSiteSpec.services,
    {
      site: '1',
      role: 'Registrar',
      instance: 3,
      on: 'se09.contoso.example',
      deps: ['1-UserStore-2'],
      element: { name: 'RegistrarService', attrs: { IsDirector: 'false' } },
    },
    { site: '1', role: 'UserStore', instance: 2, on: { sql: 'se09.contoso.example', instance: 'rtc' } },
  ],
};

describe('pairing rules (REFERENCE §0 rule 5, §d.1)', () => {
  it('accepts the example pairs without findings', () => {
    const t = load(
      twoSiteSpec,
      'pairs: [[pool01.contoso.example, pool02.contoso.example]]\nmirrors:\n  - { primary: sql01.contoso.example\\rtc, mirror: sql01m.contoso.example\\rtc }\n  - { primary: sql02.contoso.example\\rtc, mirror: sql02m.contoso.example\\rtc }',
    );
    expect(codes(t)).toEqual(['info FILESTORE_SHARED']);
    expect(load(standardEditionSpec, 'pairs: [[se01.fabrikam.example, se02.fabrikam.example]]').findings).toEqual([]);
  });

  it('blocks an Enterprise Edition ↔ Standard Edition pair (only EE↔EE or SE↔SE are supported)', () => {
    const t = load(mixed, 'pairs: [[pool01.contoso.example, se09.contoso.example]]');
    expect(t.findings.find((f) => f.code === 'PAIR_EDITION_MISMATCH')).toMatchObject({
      severity: 'error',
      ref: 'lync-server-2013-supported-pool-pairing-options-and-best-practices.md',
    });
  });

  it('blocks a pool with two partners (pairing is 1:1 and reciprocal)', () => {
    const t = load(
      mixed,
      'pairs:\n  - [pool01.contoso.example, pool02.contoso.example]\n  - [pool01.contoso.example, se09.contoso.example]',
    );
    expect(t.findings.find((f) => f.code === 'PAIR_NOT_ONE_TO_ONE')).toMatchObject({
      severity: 'error',
      subject: 'pool01.contoso.example',
      ref: 'lync-server-2013-backup-registrar-relationships.md',
    });
  });

  it('blocks pairing a pool that is not a Front End pool', () => {
    const t = load(twoSiteSpec, 'pairs: [[pool01.contoso.example, dir01.contoso.example]]');
    expect(codes(t)).toContain('error PAIR_NOT_FRONT_END');
  });

  it('warns when one pool of a pair has a mirrored back end and the other not (a recommendation)', () => {
    const t = load(
      mixed,
      'pairs: [[pool01.contoso.example, pool02.contoso.example]]\nmirrors:\n  - { primary: sql01.contoso.example\\rtc, mirror: sql01m.contoso.example\\rtc }',
    );
    expect(t.findings.find((f) => f.code === 'PAIR_HA_MISMATCH')).toMatchObject({
      severity: 'warning',
      ref: 'lync-server-2013-back-end-server-high-availability.md',
    });
  });

  it('warns when both pools of a pair are in one site', () => {
    const spec: TopologySpec = {
      ...standardEditionSpec,
      clusters: standardEditionSpec.clusters.map((c) => ({
        ...c,
        site: '1',
        number: c.fqdn.startsWith('se02') ? 9 : c.number,
      })),
      services: standardEditionSpec.services.map((s) => ({
        ...s,
        site: '1',
        instance: s.site === '2' ? 2 : s.instance,
        deps: s.deps?.map((d) => (d.startsWith('2-') ? d.replace(/^2-(.*)-1$/, '1-$1-2') : d)),
      })),
    };
    const t = load(spec, 'pairs: [[se01.fabrikam.example, se02.fabrikam.example]]');
    expect(t.findings.find((f) => f.code === 'PAIR_SAME_SITE')).toMatchObject({ severity: 'warning' });
  });
});
