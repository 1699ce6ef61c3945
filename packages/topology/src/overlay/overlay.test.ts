import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { applyOverlay, parseOverlay, parseTopologyDocument } from '../index';
import { twoSiteSpec } from '../testing/example-specs';
import { renderPublished } from '../testing/render-published';

const topology = () =>
  parseTopologyDocument(new Uint8Array(Buffer.from(renderPublished(twoSiteSpec))), { file: 'two-site.xml' });
const overlay = (yaml: string) => parseOverlay(yaml, { file: 'lyncdr.yaml' });
function errorOf(fn: () => unknown): LyncdrError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LyncdrError) return e;
    throw e;
  }
  throw new Error('expected a LyncdrError');
}

const full = `
deployment: Contoso
language: fr
pairs:
  - [POOL02.contoso.example, pool01.contoso.example]
mirrors:
  - { primary: sql01.contoso.example\\rtc, mirror: sql01m.contoso.example\\rtc, witness: sqlw01.contoso.example\\witness }
  - { primary: sql02.contoso.example\\rtc, mirror: sql02m.contoso.example\\rtc }
federation: { lync: edge01.contoso.example, xmpp: edge02.contoso.example }
nextHops:
  edge01.contoso.example: pool01.contoso.example
owners:
  default: { name: Ops, email: ops@contoso.example }
  pool02.contoso.example: Lyon IT
destinations: { sql: '\\\\nas\\sql' }
schedules: { sql: daily 01:00 }
targets:
  rpoMinutes: 1440
  rtoMinutes: 240
  pools:
    pool01.contoso.example: { rpoMinutes: 60 }
`;

describe('parseOverlay', () => {
  it('reads every key', () => {
    const o = overlay(full);
    expect(o).toMatchObject({
      deployment: 'Contoso',
      language: 'fr',
      pairs: [['pool02.contoso.example', 'pool01.contoso.example']],
      federation: { lyncEdge: 'edge01.contoso.example', xmppEdge: 'edge02.contoso.example' },
      nextHops: { 'edge01.contoso.example': 'pool01.contoso.example' },
      owners: {
        default: { name: 'Ops', email: 'ops@contoso.example' },
        'pool02.contoso.example': { name: 'Lyon IT', email: null },
      },
      destinations: { sql: '\\\\nas\\sql' },
      schedules: { sql: 'daily 01:00' },
      targets: { rpoMinutes: 1440, rtoMinutes: 240, perPool: { 'pool01.contoso.example': { rpoMinutes: 60 } } },
      extra: {},
    });
    expect(o.mirrors?.[0]).toEqual({
      primary: { server: 'sql01.contoso.example', instance: 'rtc' },
      mirror: { server: 'sql01m.contoso.example', instance: 'rtc' },
      witness: { server: 'sqlw01.contoso.example', instance: 'witness' },
    });
    expect(o.lines?.['pairs[0][1]']).toBe(5);
  });

  it('accepts an empty file', () => {
    expect(overlay('').pairs).toEqual([]);
  });

  it('reads how often each goal must be drilled, in days', () => {
    expect(overlay('drills:\n  failover: 180\n  cms-failover: 365').drills).toEqual({ failover: 180, 'cms-failover': 365 });
    expect(overlay('deployment: x').drills).toBeUndefined();
  });

  it.each([
    ['pairs: [[a.contoso.com]]', 'pairs[0]', 1, /two pool FQDNs/],
    ['deployment: x\npairs:\n  - [a.contoso.com, "not a host!"]', 'pairs[0][1]', 3, /not an FQDN/],
    ['language: de', 'language', 1, /en or fr/],
    ['targets:\n  rpoMinutes: soon', 'targets.rpoMinutes', 2, /number of minutes/],
    ['targets:\n  rpo: 5', 'targets.rpo', 2, /unknown key/],
    ['federation:\n  sip: edge.contoso.com', 'federation.sip', 2, /unknown key/],
    ['owners:\n  default: { email: x@y }', 'owners.default', 2, /needs a name/],
    ['- a\n- b', '(top)', 1, /mapping/],
    ['drills:\n  failover: 0', 'drills.failover', 2, /whole number of days/],
    ['drills:\n  failover: soon', 'drills.failover', 2, /whole number of days/],
    ['drills:\n  Fail_Over: 30', 'drills.Fail_Over', 2, /not a goal name/],
  ])('%j → E_OVERLAY_INVALID at %s line %i', (yaml, where, line, message) => {
    const e = errorOf(() => overlay(yaml));
    expect(e.code).toBe('E_OVERLAY_INVALID');
    expect(e.location).toMatchObject({ file: 'lyncdr.yaml', where, line });
    expect(e.message).toMatch(message);
  });

  it('refuses broken YAML with E_OVERLAY_PARSE and the line', () => {
    const e = errorOf(() => overlay('deployment: x\npairs: [a, b\nowners: {'));
    expect(e.code).toBe('E_OVERLAY_PARSE');
    expect(e.location.line).toBeGreaterThanOrEqual(2);
  });
});

describe('applyOverlay', () => {
  it('sets pairs, backup pools, mirrors, federation, next hops and the CMS standby; findings are recomputed', () => {
    const before = topology();
    const t = applyOverlay(before, overlay(full));
    expect(t.deployment).toBe('Contoso');
    expect(t.pairs).toEqual([['pool01.contoso.example', 'pool02.contoso.example']]);
    const pool = (f: string) => t.pools.find((p) => p.fqdn === `${f}.contoso.example`)!;
    expect(pool('pool01').backupPool).toBe('pool02.contoso.example');
    expect(pool('pool02').backupPool).toBe('pool01.contoso.example');
    expect(pool('pool01').mirroredBackEnd).toBe(true);
    expect(t.sqlStores.find((s) => s.id === '1-UserStore-1')?.witness).toEqual({
      server: 'sqlw01.contoso.example',
      instance: 'witness',
    });
    expect(t.cms?.standbyPool).toBe('pool02.contoso.example');
    expect(t.federation).toEqual({ lyncEdge: 'edge01.contoso.example', xmppEdge: 'edge02.contoso.example' });
    expect(pool('edge01').nextHop).toBe('pool01.contoso.example');
    // The XML says dir01; the overlay wins and the difference is reported.
    expect(t.findings.find((f) => f.code === 'OVERLAY_CONFLICT')).toMatchObject({
      subject: 'edge01.contoso.example',
      message: expect.stringContaining('dir01.contoso.example'),
    });
    expect(t.findings.map((f) => f.code)).not.toContain('POOL_NO_BACKUP');
    expect(t.findings.map((f) => f.code)).not.toContain('CMS_POOL_UNPAIRED');
    expect(before.pools.find((p) => p.fqdn === 'pool01.contoso.example')?.backupPool).toBeNull();
  });

  it('refuses a pool that is not in the topology, naming the overlay line and key', () => {
    const e = errorOf(() =>
      applyOverlay(topology(), overlay('pairs:\n  - [pool01.contoso.example, pool03.contoso.example]')),
    );
    expect(e.code).toBe('E_OVERLAY_UNKNOWN_POOL');
    expect(e.location).toMatchObject({ file: 'lyncdr.yaml', line: 2, where: 'pairs[0][1]' });
    expect(e.message).toMatch(
      /pool03.contoso.example is not a pool of two-site.xml.*one of: pool01.contoso.example, pool02.contoso.example/,
    );
  });

  it('refuses a mirror whose primary holds no store', () => {
    const e = errorOf(() =>
      applyOverlay(
        topology(),
        overlay('mirrors:\n  - { primary: sql09.contoso.example\\rtc, mirror: m.contoso.example }'),
      ),
    );
    expect(e.code).toBe('E_OVERLAY_UNKNOWN_SQL');
    expect(e.location.where).toBe('mirrors[0].primary');
  });

  it('keeps unknown keys and reports them', () => {
    const t = applyOverlay(topology(), overlay('deployment: x\nbackupWindow: nightly'));
    expect(t.overlay?.extra).toEqual({ backupWindow: 'nightly' });
    expect(t.findings.find((f) => f.code === 'OVERLAY_UNKNOWN_KEY')?.subject).toBe('backupWindow');
  });
});

describe('overlay keys in any case', () => {
  it('names the line of an unknown Edge pool in nextHops even when written in capitals', () => {
    const e = errorOf(() =>
      applyOverlay(topology(), overlay('deployment: x\nnextHops:\n  EDGE09.contoso.example: pool01.contoso.example')),
    );
    expect(e.code).toBe('E_OVERLAY_UNKNOWN_POOL');
    expect(e.location).toMatchObject({ line: 3, where: 'nextHops.edge09.contoso.example' });
    expect(e.message).toMatch(/one of: edge01.contoso.example, edge02.contoso.example/);
  });

  it('names the line of an unknown pool in targets.pools', () => {
    const e = errorOf(() =>
      applyOverlay(topology(), overlay('targets:\n  pools:\n    Pool9.contoso.example: { rpoMinutes: 5 }')),
    );
    expect(e.location).toMatchObject({ line: 3, where: 'targets.pools.pool9.contoso.example' });
  });
});

describe('groupPickup', () => {
  it('reads Group Call Pickup orbit ranges per pool, [] for none', () => {
    const o = overlay('groupPickup:\n  POOL01.contoso.example: ["Paris pickup 1", Paris pickup 2]\n  pool02.contoso.example: []');
    expect(o.groupPickup).toEqual({ 'pool01.contoso.example': ['Paris pickup 1', 'Paris pickup 2'], 'pool02.contoso.example': [] });
    expect(applyOverlay(topology(), o).overlay?.groupPickup).toEqual(o.groupPickup);
  });

  it('refuses a range list that is not a list, and a pool that is not in the topology', () => {
    expect(errorOf(() => overlay('groupPickup:\n  pool01.contoso.example: one')).code).toBe('E_OVERLAY_INVALID');
    const e = errorOf(() => applyOverlay(topology(), overlay('groupPickup:\n  pool9.contoso.example: [a]')));
    expect(e.code).toBe('E_OVERLAY_UNKNOWN_POOL');
    expect(e.location).toMatchObject({ line: 2, where: 'groupPickup.pool9.contoso.example' });
  });
});
