import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPublished, twoSiteSpec, type TopologySpec } from '@lyncdr/topology/testing';
import { createCliContext } from '../context';
import { runCli } from '../program';

const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-topology-versions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A mixed deployment: site 2 (pool02 and its servers) on SfB 2015 (ServiceVersion 7), site 1 left unmapped. */
const mixed: TopologySpec = {
  ...twoSiteSpec,
  services: twoSiteSpec.services.map((s) => (s.site === '2' ? { ...s, serviceVersion: '7' } : s)),
};
const topology = path.join(tmp, 'mixed.xml');
writeFileSync(topology, renderPublished(mixed));
const overlay = path.join(tmp, 'lyncdr.yaml');
writeFileSync(
  overlay,
  [
    'products:',
    '  pool01.contoso.example: lync2013',
    'mirrors:',
    '  - { primary: sql01.contoso.example\\rtc, mirror: sql01m.contoso.example\\rtc }',
    'backEndHa:',
    '  sql02.contoso.example\\rtc: alwayson',
    '',
  ].join('\n'),
);

async function run(...argv: string[]) {
  let stdout = '';
  const ctx = createCliContext({
    stdout: (t) => void (stdout += t),
    stderr: () => undefined,
    cwd: tmp,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { code: await runCli(argv, ctx), stdout };
}

describe('lyncdr topology show: product versions and back-end HA', () => {
  it('prints each pool version with its source and its back end HA type', async () => {
    const r = await run('topology', 'show', topology, '--overlay', overlay);
    expect(r.code).toBe(0);
    const order = [
      'Product: unknown (mixed: lync2013, sfb2015)',
      '    pool01.contoso.example  [FrontEnd]',
      '      version lync2013 (lyncdr.yaml)',
      '      back end: sql01.contoso.example\\rtc, HA mirror (mirrors:)',
      '    pool02.contoso.example  [FrontEnd]',
      '      version sfb2015 (topology ServiceVersion)',
      '      back end: sql02.contoso.example\\rtc, HA alwayson (backEndHa:)',
      'SQL stores',
    ];
    let at = -1;
    for (const s of order) {
      const i = r.stdout.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(r.stdout).toContain('    edge01.contoso.example  [Edge]  next hop dir01.contoso.example\n      version unknown\n');
  });

  it('gives the same in --json', async () => {
    const r = await run('topology', 'show', topology, '--overlay', overlay, '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.product).toEqual({ version: 'unknown', source: 'unknown', versions: ['lync2013', 'sfb2015'] });
    const pool = (f: string) => d.pools.find((p: { fqdn: string }) => p.fqdn === f);
    expect(pool('pool01.contoso.example')).toMatchObject({ product: 'lync2013', productSource: 'overlay' });
    expect(pool('pool02.contoso.example')).toMatchObject({ product: 'sfb2015', productSource: 'topology' });
    expect(pool('edge01.contoso.example')).toMatchObject({ product: 'unknown', productSource: 'unknown' });
    const backEnd = (server: string) =>
      d.sqlStores.find((s: { kind: string; server: string }) => s.kind === 'BackEnd' && s.server === server);
    expect(backEnd('sql01.contoso.example')).toMatchObject({ haType: 'mirror', haSource: 'mirrors' });
    expect(backEnd('sql02.contoso.example')).toMatchObject({ haType: 'alwayson', haSource: 'overlay' });
  });
});
