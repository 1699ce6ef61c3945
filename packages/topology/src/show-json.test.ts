import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, toShowJson } from './index';
import { standardEditionSpec } from './testing/example-specs';
import { renderPublished } from './testing/render-published';

describe('toShowJson', () => {
  const bytes = new Uint8Array(Buffer.from(renderPublished(standardEditionSpec)));
  const t = applyOverlay(
    parseTopologyDocument(bytes, { file: 'se.xml' }),
    parseOverlay('deployment: Fabrikam\npairs: [[se01.fabrikam.example, se02.fabrikam.example]]', { file: 'o.yaml' }),
  );
  const d = toShowJson(t);

  it('has the DESIGN §4 keys with their minimum fields, and is plain JSON', () => {
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['sites', 'pools', 'sqlStores', 'fileStores', 'cms']));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(d.sites[0]).toMatchObject({ id: '1', name: 'Boston' });
    expect(d.pools[0]).toMatchObject({
      fqdn: 'se01.fabrikam.example',
      site: '1',
      kind: 'StandardEdition',
      machines: ['se01.fabrikam.example'],
      backupPool: 'se02.fabrikam.example',
    });
    expect(d.sqlStores.find((s) => s.kind === 'CentralManagement')).toMatchObject({
      server: 'se01.fabrikam.example',
      instance: 'rtc',
      databases: ['xds', 'lis'],
    });
    expect(d.fileStores[0]).toMatchObject({
      server: 'se01.fabrikam.example',
      share: 'share',
      pools: ['se01.fabrikam.example'],
    });
    expect(d.cms).toEqual({
      sqlServer: 'se01.fabrikam.example',
      instance: 'rtc',
      pool: 'se01.fabrikam.example',
      standbyPool: 'se02.fabrikam.example',
    });
    expect(d.deployment).toBe('Fabrikam');
  });

  it('names the source with its SHA-256', () => {
    expect(d.source).toMatchObject({
      file: 'se.xml',
      format: 'published',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('does not share arrays with the model', () => {
    d.pools[0]!.machines.push('x');
    expect(t.pools[0]!.machines).toEqual(['se01.fabrikam.example']);
  });
});
