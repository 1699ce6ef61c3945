import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { parseTopologyDocument, type Topology } from './index';
import { standardEditionSpec, twoSiteSpec } from './testing/example-specs';
import { generateSpec } from './testing/generate-spec';
import { renderPublished } from './testing/render-published';
import { renderTbxml } from './testing/render-tbxml';
import type { TopologySpec } from './testing/topology-spec';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const parse = (xml: string, file = 't.xml'): Topology => parseTopologyDocument(bytes(xml), { file });
const withoutSource = (t: Topology): Omit<Topology, 'source'> => {
  const { source: _s, ...rest } = t;
  return rest;
};
function errorOf(fn: () => unknown): LyncdrError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LyncdrError) return e;
    throw e;
  }
  throw new Error('expected a LyncdrError');
}

describe('parseTopologyDocument on example (a), two sites', () => {
  const t = parse(renderPublished(twoSiteSpec));

  it('reads sites and pools with their kind and machines', () => {
    expect(t.source.format).toBe('published');
    expect(t.sites.map((s) => [s.id, s.name, s.kind])).toEqual([
      ['1', 'Paris', 'central'],
      ['2', 'Lyon', 'central'],
    ]);
    const kinds = Object.fromEntries(t.pools.map((p) => [p.fqdn.split('.')[0], p.kind]));
    expect(kinds).toMatchObject({
      pool01: 'FrontEnd',
      pool02: 'FrontEnd',
      edge01: 'Edge',
      edge02: 'Edge',
      dir01: 'Director',
      pchat01: 'PersistentChat',
      med02: 'Mediation',
      sql01: 'SqlServer',
      fs01: 'FileServer',
    });
    expect(t.pools.find((p) => p.fqdn === 'pool01.contoso.example')?.machines).toEqual([
      'fe01a.contoso.example',
      'fe01b.contoso.example',
      'fe01c.contoso.example',
    ]);
    expect(t.pools.find((p) => p.fqdn === 'sql01.contoso.example')?.machines).toEqual(['sql01.contoso.example']);
  });

  it('derives the databases of each SQL store from its role (REFERENCE §a.1)', () => {
    const dbs = Object.fromEntries(
      t.sqlStores.map((s) => [s.id, [s.kind, s.server, s.instance, s.databases.join(' ')]]),
    );
    expect(dbs).toEqual({
      '1-UserStore-1': ['BackEnd', 'sql01.contoso.example', 'rtc', 'rtcxds rtcshared rtcab'],
      '1-ApplicationStore-1': ['Application', 'sql01.contoso.example', 'rtc', 'rgsconfig rgsdyn cpsdyn'],
      '1-CentralMgmtStore-1': ['CentralManagement', 'sql01.contoso.example', 'rtc', 'xds lis'],
      '1-ArchivingStore-1': ['Archiving', 'sqlmon01.contoso.example', 'archmon', 'LcsLog'],
      '1-MonitoringStore-1': ['Monitoring', 'sqlmon01.contoso.example', 'archmon', 'LcsCDR QoEMetrics'],
      '1-PersistentChatStore-1': ['PersistentChat', 'sqlpc01.contoso.example', 'mgc', 'mgc'],
      '1-PersistentChatComplianceStore-1': ['PersistentChatCompliance', 'sqlpc01.contoso.example', 'mgc', 'mgccomp'],
      '2-UserStore-1': ['BackEnd', 'sql02.contoso.example', 'rtc', 'rtcxds rtcshared rtcab'],
      '2-ApplicationStore-1': ['Application', 'sql02.contoso.example', 'rtc', 'rgsconfig rgsdyn cpsdyn'],
    });
    expect(t.sqlStores.find((s) => s.id === '1-ArchivingStore-1')?.pools).toEqual([
      'pool01.contoso.example',
      'pool02.contoso.example',
    ]);
  });

  it('reads file stores with their UNC path and the pools using them, the CMS, Edge associations and next hops', () => {
    expect(t.fileStores.map((f) => [f.unc, f.pools])).toEqual([
      [
        '\\\\fs01.contoso.example\\lyncshare',
        ['dir01.contoso.example', 'pchat01.contoso.example', 'pool01.contoso.example'],
      ],
      ['\\\\fs02.contoso.example\\lyncshare', ['pool02.contoso.example']],
    ]);
    expect(t.cms).toEqual({
      sqlServer: 'sql01.contoso.example',
      instance: 'rtc',
      pool: 'pool01.contoso.example',
      standbyPool: null,
    });
    const pool = (f: string) => t.pools.find((p) => p.fqdn === `${f}.contoso.example`)!;
    expect(pool('edge01').nextHop).toBe('dir01.contoso.example');
    expect(pool('edge02').nextHop).toBe('pool02.contoso.example');
    expect(pool('pool01').edgePool).toBe('edge01.contoso.example');
    expect(t.services.find((s) => s.id === '1-Registrar-2')?.attributes).toEqual({ IsDirector: 'true' });
    expect(t.pairs).toEqual([]);
  });

  it('finds the unpaired Front End pools and the CMS on an unpaired pool, without an overlay', () => {
    expect(t.findings.map((f) => `${f.code} ${f.subject}`)).toEqual(
      expect.arrayContaining([
        'POOL_NO_BACKUP pool01.contoso.example',
        'POOL_NO_BACKUP pool02.contoso.example',
        'CMS_POOL_UNPAIRED pool01.contoso.example',
      ]),
    );
    expect(t.findings.every((f) => f.severity !== 'error')).toBe(true);
  });
});

describe('both XML forms load to the same model', () => {
  it.each([['two-site'], ['standard-edition']])('examples/%s: topology.xml and topology.tbxml', (dir) => {
    const read = (f: string) =>
      parseTopologyDocument(new Uint8Array(readFileSync(path.join(repo, 'examples', dir, f))), { file: f });
    const published = read('topology.xml');
    const tbxml = read('topology.tbxml');
    expect(published.source.format).toBe('published');
    expect(tbxml.source.format).toBe('tbxml');
    expect(withoutSource(tbxml)).toEqual(withoutSource(published));
    expect(published.pools.length).toBeGreaterThan(2);
  });

  it.each([
    ['two-site', twoSiteSpec],
    ['standard-edition', standardEditionSpec],
  ] as [string, TopologySpec][])('examples/%s files are the rendering of their spec', (dir, spec) => {
    expect(readFileSync(path.join(repo, 'examples', dir, 'topology.xml'), 'utf8')).toBe(renderPublished(spec));
    expect(readFileSync(path.join(repo, 'examples', dir, 'topology.tbxml'), 'utf8')).toBe(renderTbxml(spec));
  });

  it('recognises a Standard Edition server by its collocated user store', () => {
    const t = parse(renderTbxml(standardEditionSpec), 'se.tbxml');
    expect(t.pools.filter((p) => p.kind === 'StandardEdition').map((p) => p.fqdn)).toEqual([
      'se01.fabrikam.example',
      'se02.fabrikam.example',
    ]);
    expect(t.fileStores.map((f) => f.unc)).toEqual([
      '\\\\se01.fabrikam.example\\share',
      '\\\\se02.fabrikam.example\\share',
    ]);
  });
});

describe('bad topology input', () => {
  const base = renderPublished(twoSiteSpec);

  it('refuses a duplicate pool FQDN with the line of the second one', () => {
    const xml = base.replace('Fqdn="pool02.contoso.example"', 'Fqdn="pool01.contoso.example"');
    const e = errorOf(() => parse(xml, 'dup.xml'));
    expect(e.code).toBe('E_TOPOLOGY_DUPLICATE');
    expect(e.message).toMatch(/pool FQDN pool01.contoso.example appears twice \(first at line \d+\)/);
    const lines = xml
      .split('\n')
      .flatMap((l, i) => (l.includes('<Cluster ') && l.includes('Fqdn="pool01.contoso.example"') ? [i + 1] : []));
    expect(lines).toHaveLength(2);
    expect(e.location.line).toBe(lines[1]);
  });

  it('refuses a machine listed in two pools', () => {
    const xml = base.replace('Fqdn="fe02a.contoso.example"', 'Fqdn="fe01a.contoso.example"');
    expect(errorOf(() => parse(xml)).message).toMatch(/machine FQDN \(also in pool pool01.contoso.example\) fe01a/);
  });

  it('refuses a service installed on a cluster that is not in the file (dangling reference)', () => {
    const xml = base.replace(
      '<InstalledOn><ClusterId SiteId="2" Number="7" /></InstalledOn>',
      '<InstalledOn><ClusterId SiteId="2" Number="99" /></InstalledOn>',
    );
    const e = errorOf(() => parse(xml, 'dangling.xml'));
    expect(e.code).toBe('E_TOPOLOGY_REFERENCE');
    expect(e.message).toMatch(/2-MediationServer-1 is installed on cluster 2:99/);
    expect(e.location.file).toBe('dangling.xml');
    expect(e.location.line).toBeGreaterThan(100);
  });

  it('reports a dependency on a missing service as a finding, not a crash', () => {
    const t = parse(
      base.replace(
        'RoleName="ArchivingStore" Instance="1" /></Dependency>',
        'RoleName="ArchivingStore" Instance="7" /></Dependency>',
      ),
    );
    expect(t.findings.find((f) => f.code === 'DEPENDENCY_MISSING')).toMatchObject({
      severity: 'error',
      subject: '1-Registrar-1',
      message: expect.stringContaining('1-ArchivingStore-7'),
    });
  });

  it.each([
    ['wrong root', '<Configuration xmlns="urn:x"/>', 'E_TOPOLOGY_ROOT'],
    ['wrong namespace', '<Topology xmlns="urn:schema:Something.Else"/>', 'E_TOPOLOGY_NAMESPACE'],
    ['truncated', base.slice(0, base.length / 2), 'E_TOPOLOGY_PARSE'],
    ['missing attribute', base.replace(/ Fqdn="pool01.contoso.example"/, ''), 'E_TOPOLOGY_INVALID'],
  ])('%s → %s', (_n, xml, code) => {
    expect(errorOf(() => parse(xml)).code).toBe(code);
  });

  it('reads UTF-16 files with a BOM', () => {
    const t = parseTopologyDocument(
      new Uint8Array([0xff, 0xfe, ...Buffer.from(base.replace('encoding="utf-8"', 'encoding="utf-16"'), 'utf16le')]),
      { file: 'u16.xml' },
    );
    expect(t.pools.length).toBe(parse(base).pools.length);
  });

  it('refuses a document over the size limit before reading it', () => {
    const e = errorOf(() => parseTopologyDocument(new Uint8Array(33 * 1024 * 1024), { file: 'huge.xml' }));
    expect(e.code).toBe('E_TOPOLOGY_TOO_LARGE');
  });
});

describe('services without a home', () => {
  it('reports a service with no InstalledOn as a finding', () => {
    const xml = renderPublished(twoSiteSpec).replace(
      '<InstalledOn><ClusterId SiteId="2" Number="7" /></InstalledOn>',
      '',
    );
    const t = parse(xml);
    expect(t.services.find((s) => s.id === '2-MediationServer-1')?.installedOn).toBeNull();
    expect(t.findings.find((f) => f.code === 'SERVICE_NOT_INSTALLED')).toMatchObject({
      severity: 'warning',
      subject: '2-MediationServer-1',
    });
    expect(t.pools.find((p) => p.fqdn === 'med02.contoso.example')?.kind).toBe('Other');
  });
});

describe('generated deployments of several sizes', () => {
  it.each([
    [1, 1, 1],
    [2, 3, 7],
    [5, 12, 31],
    [12, 30, 90],
  ])(
    '%i sites, %i pools, %i machines: both forms give the same model with every machine',
    async (sites, pools, machines) => {
      const spec = generateSpec({ sites, pools, machines });
      const a = parse(renderPublished(spec));
      const b = parse(renderTbxml(spec), 'g.tbxml');
      expect(withoutSource(b)).toEqual(withoutSource(a));
      const fe = a.pools.filter((p) => p.kind === 'FrontEnd');
      expect(fe).toHaveLength(pools);
      expect(fe.reduce((n, p) => n + p.machines.length, 0)).toBe(machines);
      expect(a.sqlStores).toHaveLength(pools);
      expect(a.fileStores.every((f) => f.pools.length === 1)).toBe(true);
      expect(a.pools.filter((p) => p.kind === 'Edge').every((p) => p.nextHop?.startsWith('pool'))).toBe(true);
    },
  );
});
