import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument } from './index';

// Real-world and reference topologies kept outside the project (../shared/fixtures); read in place, never copied.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.resolve(repo, '../shared/fixtures/topology');
const present = existsSync(dir);
if (!present) console.warn(`skipping topology fixture conformance: ${dir} is absent`);
const load = (name: string) =>
  parseTopologyDocument(new Uint8Array(readFileSync(path.join(dir, name))), { file: name });
const summary = (t: ReturnType<typeof load>) => ({
  sites: t.sites.length,
  pools: Object.fromEntries(t.pools.map((p) => [p.fqdn, [p.kind, p.machines.length]])),
  sqlStores: t.sqlStores.map((s) => `${s.id}@${s.server}${s.instance ? '\\' + s.instance : ''}`),
  fileStores: t.fileStores.map((f) => f.unc),
  services: t.services.length,
});

describe.skipIf(!present)('topology fixtures in ../shared/fixtures/topology', () => {
  it('Contoso.tbxml (real Topology Builder file): counts read from the file by hand', () => {
    const t = load('Contoso.tbxml');
    expect(t.source.format).toBe('tbxml');
    expect(summary(t)).toEqual({
      sites: 1,
      pools: {
        'frontendpool.contoso.com': ['FrontEnd', 4],
        'edgepool.contoso.com': ['Edge', 3],
        'xoffice1.contoso.com': ['OfficeWebApps', 1],
        'xsql1.contoso.com': ['SqlServer', 1],
        'xfile1.contoso.com': ['FileServer', 1],
        'xfile2.contoso.com': ['FileServer', 1],
      },
      sqlStores: [
        '1-ApplicationStore-1@xsql1.contoso.com',
        '1-ArchivingStore-1@xsql1.contoso.com',
        '1-MonitoringStore-1@xsql1.contoso.com',
        '1-UserStore-1@xsql1.contoso.com',
      ],
      fileStores: ['\\\\xfile1.contoso.com\\Data1', '\\\\xfile2.contoso.com\\Data2'],
      services: 15,
    });
    expect(t.cms).toBeNull();
    expect(t.pools.find((p) => p.kind === 'Edge')?.nextHop).toBe('frontendpool.contoso.com');
    expect(t.findings.map((f) => f.code)).toEqual(['POOL_NO_BACKUP']);
  });

  it('two-sites.SYNTHETIC.xml with its overlay: pairs and the CMS', () => {
    const t = applyOverlay(
      load('two-sites.SYNTHETIC.xml'),
      parseOverlay(readFileSync(path.join(dir, 'two-sites.lyncdr.yaml'), 'utf8'), { file: 'two-sites.lyncdr.yaml' }),
    );
    expect(summary(t)).toMatchObject({
      sites: 2,
      pools: {
        'pool-red.contoso.test': ['FrontEnd', 2],
        'pool-dub.contoso.test': ['FrontEnd', 2],
        'edge-red.contoso.test': ['Edge', 1],
        'sql-red.contoso.test': ['SqlServer', 1],
      },
      sqlStores: [
        '1-CentralMgmtStore-1@sql-red.contoso.test\\rtc',
        '1-UserStore-1@sql-red.contoso.test\\rtc',
        '2-UserStore-1@sql-dub.contoso.test\\rtc',
      ],
      fileStores: ['\\\\fs-red.contoso.test\\share', '\\\\fs-dub.contoso.test\\share'],
      services: 13,
    });
    expect(Object.keys(summary(t).pools)).toHaveLength(7);
    expect(t.pools.find((p) => p.fqdn === 'pool-red.contoso.test')?.backupPool).toBe('pool-dub.contoso.test');
    expect(t.cms).toEqual({
      sqlServer: 'sql-red.contoso.test',
      instance: 'rtc',
      pool: 'pool-red.contoso.test',
      standbyPool: 'pool-dub.contoso.test',
    });
    expect(t.findings).toEqual([]);
  });

  it('topology-published-skeleton.SYNTHETIC.xml: dependencies on absent services are findings', () => {
    const t = load('topology-published-skeleton.SYNTHETIC.xml');
    expect(summary(t)).toEqual({
      sites: 2,
      pools: {
        'poola.contoso.test': ['FrontEnd', 1],
        'sqla.contoso.test': ['SqlServer', 1],
        'fs1.contoso.test': ['FileServer', 1],
      },
      sqlStores: ['1-UserStore-1@sqla.contoso.test\\rtc'],
      fileStores: ['\\\\fs1.contoso.test\\LyncShare'],
      services: 3,
    });
    expect(t.findings.filter((f) => f.code === 'DEPENDENCY_MISSING').map((f) => f.message)).toEqual([
      expect.stringContaining('1-UserServices-1'),
      expect.stringContaining('1-WebServices-1'),
    ]);
  });
});
