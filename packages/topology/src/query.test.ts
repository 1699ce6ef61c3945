import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from './index';
import { backEndOf, fileStoreOf, findPool, isUserPool, sameFqdn, sameInstance, sqlArgs, sqlName, storesOf, userPools } from './query';
import { standardEditionSpec, twoSiteSpec } from './testing/example-specs';
import { renderPublished } from './testing/render-published';

const parse = (xml: string): Topology => parseTopologyDocument(new Uint8Array(Buffer.from(xml)), { file: 't.xml' });
const contoso = parse(renderPublished(twoSiteSpec));

/** The same deployment with every FQDN in the stores, file stores and pools written in capitals. */
function shouting(t: Topology): Topology {
  const up = (s: string) => s.toUpperCase();
  return {
    ...t,
    pools: t.pools.map((p) => ({ ...p, fqdn: up(p.fqdn) })),
    sqlStores: t.sqlStores.map((s) => ({ ...s, pools: s.pools.map(up) })),
    fileStores: t.fileStores.map((f) => ({ ...f, pools: f.pools.map(up) })),
  };
}

describe('topology queries', () => {
  it('lists the Front End pools and Standard Edition servers as user pools', () => {
    expect(userPools(contoso).map((p) => p.fqdn)).toEqual(['pool01.contoso.example', 'pool02.contoso.example']);
    expect(userPools(parse(renderPublished(standardEditionSpec))).map((p) => p.kind)).toEqual(['StandardEdition', 'StandardEdition']);
    expect(contoso.pools.filter((p) => !isUserPool(p)).map((p) => p.kind)).not.toContain('FrontEnd');
  });

  it('finds a pool, its Back End store, its stores of a kind and its file store, whatever the case of the FQDN', () => {
    const pool = 'Pool01.CONTOSO.example';
    expect(findPool(contoso, pool)?.fqdn).toBe('pool01.contoso.example');
    expect(backEndOf(contoso, pool)).toMatchObject({ kind: 'BackEnd', server: 'sql01.contoso.example', instance: 'rtc' });
    expect(storesOf(contoso, 'BackEnd', pool)).toEqual([backEndOf(contoso, pool)]);
    expect(storesOf(contoso, 'BackEnd').map((s) => s.server)).toEqual(['sql01.contoso.example', 'sql02.contoso.example']);
    expect(fileStoreOf(contoso, pool)?.unc).toBe(fileStoreOf(contoso, 'pool01.contoso.example')?.unc);
    const loud = shouting(contoso);
    expect(backEndOf(loud, 'pool01.contoso.example')?.id).toBe(backEndOf(contoso, 'pool01.contoso.example')?.id);
    expect(fileStoreOf(loud, 'pool02.contoso.example')?.id).toBe(fileStoreOf(contoso, 'pool02.contoso.example')?.id);
  });

  it('answers null or nothing for a pool that is not there', () => {
    expect(findPool(contoso, 'nowhere.contoso.example')).toBeUndefined();
    expect(backEndOf(contoso, 'nowhere.contoso.example')).toBeNull();
    expect(storesOf(contoso, 'BackEnd', 'nowhere.contoso.example')).toEqual([]);
    expect(fileStoreOf(contoso, 'nowhere.contoso.example')).toBeNull();
  });

  it('names a SQL instance and writes its cmdlet parameters, the default instance without a name', () => {
    expect(sqlName({ server: 'sql01.contoso.example', instance: 'rtc' })).toBe('sql01.contoso.example\\rtc');
    expect(sqlName({ server: 'sql01.contoso.example', instance: null })).toBe('sql01.contoso.example');
    expect(sqlArgs({ server: 'sql01.contoso.example', instance: 'rtc' })).toBe('-SqlServerFqdn sql01.contoso.example -SqlInstanceName rtc');
    expect(sqlArgs({ server: 'sql01.contoso.example', instance: null })).toBe('-SqlServerFqdn sql01.contoso.example');
  });

  it('compares FQDNs and SQL instances without regard to case', () => {
    expect(sameFqdn('SQL01.contoso.example', 'sql01.CONTOSO.example')).toBe(true);
    expect(sameFqdn('sql01.contoso.example', 'sql02.contoso.example')).toBe(false);
    expect(sameInstance({ server: 'SQL01.contoso.example', instance: 'RTC' }, { server: 'sql01.contoso.example', instance: 'rtc' })).toBe(true);
    expect(sameInstance({ server: 'sql01.contoso.example', instance: null }, { server: 'sql01.contoso.example', instance: 'rtc' })).toBe(false);
    expect(sameInstance({ server: 'sql01.contoso.example', instance: null }, { server: 'sql01.contoso.example', instance: null })).toBe(true);
  });

  it('matches an overlay mirror to a store whose server the topology writes in capitals', () => {
    const loud = { ...contoso, sqlStores: contoso.sqlStores.map((s) => ({ ...s, server: s.server.toUpperCase() })) };
    const t = applyOverlay(loud, parseOverlay('mirrors:\n  - { primary: sql01.contoso.example\\RTC, mirror: sql01m.contoso.example\\rtc }', { file: 'o.yaml' }));
    expect(backEndOf(t, 'pool01.contoso.example')?.mirror).toEqual({ server: 'sql01m.contoso.example', instance: 'rtc' });
  });
});
