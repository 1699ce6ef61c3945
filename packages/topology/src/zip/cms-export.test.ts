import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { LyncdrError } from '@lyncdr/errors';
import { parseTopologyDocument, type Topology } from '../index';
import { twoSiteSpec } from '../testing/example-specs';
import { esc } from '../testing/topology-spec';
import { renderPublished } from '../testing/render-published';

const published = renderPublished(twoSiteSpec);
const body = published.replace(/^<\?xml[^>]*>\n/, '');
const parseZip = (files: Zippable): Topology => parseTopologyDocument(zipSync(files), { file: 'export.zip' });
function errorOf(fn: () => unknown): LyncdrError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LyncdrError) return e;
    throw e;
  }
  throw new Error('expected a LyncdrError');
}
/** Offset of the first central directory entry of a zip. */
const centralDirectory = (zip: Uint8Array): number =>
  new DataView(zip.buffer, zip.byteOffset).getUint32(zip.length - 22 + 16, true);

describe('Export-CsConfiguration zip', () => {
  it('finds the topology at the root of an entry and lists the other documents', () => {
    const t = parseZip({
      'DocItemSet.xml': strToU8(
        '<DocItemSet xmlns="urn:x"><DocItem Name="urn:xds:a"><Data><Settings xmlns="urn:s"/></Data></DocItem></DocItemSet>',
      ),
      'Topology.xml': strToU8(published),
      'readme.bin': new Uint8Array([0, 1, 2]),
    });
    expect(t.source.format).toBe('cms-export');
    expect(t.pools.map((p) => p.fqdn)).toContain('pool01.contoso.example');
    expect(t.source.documents).toEqual([
      { entry: 'DocItemSet.xml', element: 'DocItemSet', namespace: 'urn:x', name: null, topology: false },
      { entry: 'DocItemSet.xml', element: 'Settings', namespace: 'urn:s', name: 'urn:xds:a', topology: false },
      {
        entry: 'Topology.xml',
        element: 'Topology',
        namespace: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
        name: null,
        topology: true,
      },
      { entry: 'readme.bin', element: null, namespace: null, name: null, topology: false },
    ]);
  });

  it('finds the topology nested in a DocItemSet/DocItem wrapper', () => {
    const wrapped = `<?xml version="1.0"?><DocItemSet xmlns="urn:schema:Microsoft.Rtc.Management.Xds.AppLayer.2008"><DocItem Name="urn:xds:Microsoft.Rtc.Management.Deploy.Topology.2008:Topology"><Data>${body}</Data></DocItem><DocItem Name="urn:xds:other"><Data><Other/></Data></DocItem></DocItemSet>`;
    const t = parseZip({ 'DocItemSet.xml': strToU8(wrapped), 'MetaData.xml': strToU8('<Meta/>') });
    expect(t.sites).toHaveLength(2);
    expect(t.source.documents?.filter((d) => d.topology)).toEqual([
      {
        entry: 'DocItemSet.xml',
        element: 'Topology',
        namespace: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
        name: 'urn:xds:Microsoft.Rtc.Management.Deploy.Topology.2008:Topology',
        topology: true,
      },
    ]);
  });

  it('finds a topology carried as XML-escaped text inside an element', () => {
    const escaped = `<DocItemSet><DocItem Name="t"><Data><AnyType>${esc(body)}</AnyType></Data></DocItem></DocItemSet>`;
    const t = parseZip({ 'DocItemSet.xml': strToU8(escaped) });
    expect(t.pools.find((p) => p.fqdn === 'pool02.contoso.example')?.kind).toBe('FrontEnd');
  });

  it('reports the documents it saw when there is no topology', () => {
    const e = errorOf(() => parseZip({ 'DocItemSet.xml': strToU8('<DocItemSet/>'), 'x.txt': strToU8('hello') }));
    expect(e.code).toBe('E_ZIP_NO_TOPOLOGY');
    expect(e.message).toMatch(/DocItemSet.xml <DocItemSet>, x.txt/);
  });

  it('reports the XML error of a damaged topology entry with the entry and line', () => {
    const e = errorOf(() => parseZip({ 'Topology.xml': strToU8(published.slice(0, 5000)) }));
    expect(e.code).toBe('E_TOPOLOGY_PARSE');
    expect(e.location.file).toBe('export.zip!Topology.xml');
    expect(e.location.line).toBeGreaterThan(1);
  });

  it('refuses path-traversal and absolute entry names', () => {
    for (const name of ['../evil.xml', 'a/../../evil.xml', '/etc/passwd', 'C:/x.xml', 'a\\..\\..\\b']) {
      const e = errorOf(() => parseZip({ [name]: strToU8('<a/>') }));
      expect(e.code, name).toBe('E_ZIP_PATH');
    }
  });

  it('refuses a declared size over the limit before inflating anything', () => {
    const zip = zipSync({ 'Topology.xml': strToU8(published) });
    const cd = centralDirectory(zip);
    new DataView(zip.buffer, zip.byteOffset).setUint32(cd + 24, 3_000_000_000, true);
    const e = errorOf(() => parseTopologyDocument(zip, { file: 'bomb.zip' }));
    expect(e.code).toBe('E_ZIP_LIMIT');
    expect(e.message).toMatch(/declares 3000000000 bytes/);
  });

  it('refuses an entry that expands more than 1000 times (zip bomb)', () => {
    const zip = zipSync({ 'zeros.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(zip.length).toBeLessThan(50_000);
    expect(errorOf(() => parseTopologyDocument(zip, { file: 'bomb.zip' })).code).toBe('E_ZIP_LIMIT');
  });

  it('refuses more than 1000 entries', () => {
    const files: Zippable = {};
    for (let i = 0; i < 1001; i++) files[`f${i}.xml`] = strToU8('<a/>');
    const e = errorOf(() => parseZip(files));
    expect(e.code).toBe('E_ZIP_LIMIT');
    expect(e.message).toMatch(/1001 entries/);
  });

  it('refuses a damaged or truncated zip', () => {
    const zip = zipSync({ 'Topology.xml': strToU8(published) });
    const bad = zip.slice();
    new DataView(bad.buffer).setUint32(centralDirectory(bad) + 16, 0x12345678, true);
    expect(errorOf(() => parseTopologyDocument(bad, { file: 'crc.zip' })).code).toBe('E_ZIP_CORRUPT');
    expect(errorOf(() => parseTopologyDocument(zip.slice(0, zip.length - 30), { file: 'cut.zip' })).code).toBe(
      'E_ZIP_CORRUPT',
    );
  });
});
