import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, run } from '../../testing/run-cli';

const twoSite = [example('two-site', 'topology.xml'), '--overlay', example('two-site', 'lyncdr.yaml')];

describe('lyncdr inventory', () => {
  it('prints one JSON document with items, notBackedUp and findings for the two-site example', async () => {
    const r = await run(['inventory', ...twoSite, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const d = JSON.parse(r.out);
    expect(d.deployment).toBe('Contoso (Paris + Lyon)');
    const ids = d.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'export:userdata@pool01.contoso.example',
        'export:userdata@pool02.contoso.example',
        'export:configuration@global',
        'export:lis@global',
        'export:rgs@pool01.contoso.example',
        'sql:LcsLog@sqlmon01.contoso.example\\archmon',
        'sql:mgc@sqlpc01.contoso.example\\mgc',
        'filestore:\\\\fs01.contoso.example\\lyncshare',
      ]),
    );
    const user = d.items.find((i: { id: string }) => i.id === 'export:userdata@pool02.contoso.example');
    expect(user.command).toBe('Export-CsUserData -PoolFqdn pool02.contoso.example -FileName "\\\\backup01.contoso.example\\lyncbackup\\sql\\ExportedUserData-pool02.contoso.example.zip"');
    expect(user.owner).toBe('Lyon IT <it-lyon@contoso.example>');
    expect(user.schedule).toBe('daily 01:00');
    expect(d.notBackedUp.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['Rtcdyn', 'rtcab', 'rgsdyn', 'cpsdyn', 'mgccomp']));
    expect(Array.isArray(d.findings)).toBe(true);
    expect(d.backupService.doesNotProtect.length).toBeGreaterThan(5);
  });

  it('gives the same items for the published XML and the Topology Builder file of an example', async () => {
    const ids = async (file: string) => {
      const r = await run(['inventory', example('two-site', file), '--overlay', example('two-site', 'lyncdr.yaml'), '--json']);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out).items.map((i: { id: string }) => i.id).sort();
    };
    expect(await ids('topology.tbxml')).toEqual(await ids('topology.xml'));
  });

  it('groups the human output by kind', async () => {
    const r = await run(['inventory', example('standard-edition', 'topology.tbxml'), '--overlay', example('standard-edition', 'lyncdr.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Databases \(\d+\)$/m);
    expect(r.out).toMatch(/^Settings \(\d+\)$/m);
    expect(r.out).toMatch(/^File stores \(\d+\)$/m);
    expect(r.out).toMatch(/^Needs no backup \(\d+\)$/m);
    expect(r.out).toContain('Export-CsUserData -PoolFqdn');
  });

  it('exits 2 with a clear error and no stack trace on a file that is not a topology', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-inv-'));
    writeFileSync(path.join(dir, 'bad.xml'), 'this is not xml');
    const r = await run(['inventory', 'bad.xml', '--json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^lyncdr: E_[A-Z_]+: .*bad\.xml/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('has --help', async () => {
    const r = await run(['inventory', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--overlay <file>');
    expect(r.out).toContain('--json');
  });
});
