import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { applyOverlay, parseOverlay, parseTopologyDocument, toShowJson } from '../index';
import { twoSiteSpec } from '../testing/example-specs';
import { renderPublished } from '../testing/render-published';

const topology = () =>
  parseTopologyDocument(new Uint8Array(Buffer.from(renderPublished(twoSiteSpec))), { file: 'two-site.xml' });
const overlay = (yaml: string) => parseOverlay(yaml, { file: 'lyncdr.yaml' });
const backEnd = (t: ReturnType<typeof topology>, server: string) =>
  t.sqlStores.find((s) => s.kind === 'BackEnd' && s.server === server)!;
const mirror01 = 'mirrors:\n  - { primary: sql01.contoso.example\\rtc, mirror: sql01m.contoso.example\\rtc }\n';

describe('back-end HA type', () => {
  it('is unknown when nobody says (the topology XML does not)', () => {
    const t = topology();
    expect(backEnd(t, 'sql01.contoso.example')).toMatchObject({ haType: 'unknown', haSource: 'unknown' });
    expect(toShowJson(t).sqlStores[0]).toMatchObject({ haType: 'unknown', haSource: 'unknown' });
  });

  it('is mirror for the instances mirrors: names, and backEndHa: per instance, keys case-insensitive', () => {
    const t = applyOverlay(topology(), overlay(`${mirror01}backEndHa:\n  SQL02.Contoso.Example\\RTC: alwayson\n`));
    expect(backEnd(t, 'sql01.contoso.example')).toMatchObject({ haType: 'mirror', haSource: 'mirrors' });
    expect(backEnd(t, 'sql02.contoso.example')).toMatchObject({ haType: 'alwayson', haSource: 'overlay' });
    // Every store on the instance shares its HA type.
    const onSql02 = t.sqlStores.filter((s) => s.server === 'sql02.contoso.example' && s.instance === 'rtc');
    expect(onSql02.length).toBeGreaterThan(1);
    for (const s of onSql02) expect(s.haType).toBe('alwayson');
    expect(t.findings.filter((f) => f.code === 'OVERLAY_CONFLICT')).toEqual([]);
  });

  it('makes a clash between mirrors: and backEndHa: a finding, backEndHa: winning', () => {
    const t = applyOverlay(topology(), overlay(`${mirror01}backEndHa:\n  sql01.contoso.example\\rtc: fci\n`));
    expect(backEnd(t, 'sql01.contoso.example')).toMatchObject({ haType: 'fci', haSource: 'overlay' });
    const clash = t.findings.find((f) => f.code === 'OVERLAY_CONFLICT');
    expect(clash).toMatchObject({ subject: 'sql01.contoso.example\\rtc', severity: 'warning' });
  });

  it('makes an SfB 2019 pool on a mirrored back end a finding', () => {
    const t = applyOverlay(topology(), overlay(`product: sfb2019\n${mirror01}`));
    const f = t.findings.filter((x) => x.code === 'SFB2019_MIRROR');
    expect(f.map((x) => x.subject)).toEqual(['pool01.contoso.example']);
    expect(f[0]).toMatchObject({ severity: 'error', ref: 'docs-sfb/SfBServer2019/deprecated.md' });
    // The same back end on 2015 is fine, and so is AlwaysOn on 2019.
    const ok2015 = applyOverlay(topology(), overlay(`product: sfb2015\n${mirror01}`));
    expect(ok2015.findings.some((x) => x.code === 'SFB2019_MIRROR')).toBe(false);
    const ag = applyOverlay(topology(), overlay('product: sfb2019\nbackEndHa:\n  sql01.contoso.example\\rtc: alwayson\n'));
    expect(ag.findings.some((x) => x.code === 'SFB2019_MIRROR')).toBe(false);
  });

  it('refuses an HA type it does not know, a malformed key and an instance not in the topology', () => {
    expect(() => overlay('backEndHa:\n  sql01.contoso.example\\rtc: logshipping\n')).toThrow(
      /not an HA type; use none, mirror, alwayson, fci/,
    );
    expect(() => overlay('backEndHa:\n  a\\b\\c: none\n')).toThrow(/should be server.fqdn\\instance/);
    expect(() => overlay('backEndHa:\n  sql01.contoso.example\\rtc: none\n  SQL01.contoso.example\\RTC: fci\n')).toThrow(
      /listed twice/,
    );
    let e: unknown;
    try {
      applyOverlay(topology(), overlay('backEndHa:\n  sql09.contoso.example\\rtc: none\n'));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(LyncdrError);
    expect((e as LyncdrError).code).toBe('E_OVERLAY_UNKNOWN_SQL');
    expect((e as LyncdrError).location).toMatchObject({ where: 'backEndHa.sql09.contoso.example\\rtc', line: 2 });
  });
});

describe('pairing rule: same back-end HA type', () => {
  const pair = 'pairs:\n  - [pool01.contoso.example, pool02.contoso.example]\n';
  it('warns when both types are known and differ', () => {
    const t = applyOverlay(
      topology(),
      overlay(`${pair}backEndHa:\n  sql01.contoso.example\\rtc: alwayson\n  sql02.contoso.example\\rtc: fci\n`),
    );
    const f = t.findings.filter((x) => x.code === 'PAIR_HA_MISMATCH');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/the back end of pool01.contoso.example is alwayson, that of pool02.contoso.example is fci/);
  });
  it('is quiet when they match or one is unknown', () => {
    const same = applyOverlay(
      topology(),
      overlay(`${pair}backEndHa:\n  sql01.contoso.example\\rtc: alwayson\n  sql02.contoso.example\\rtc: alwayson\n`),
    );
    expect(same.findings.some((x) => x.code === 'PAIR_HA_MISMATCH')).toBe(false);
    const half = applyOverlay(topology(), overlay(`${pair}backEndHa:\n  sql01.contoso.example\\rtc: alwayson\n`));
    expect(half.findings.some((x) => x.code === 'PAIR_HA_MISMATCH')).toBe(false);
  });
});
