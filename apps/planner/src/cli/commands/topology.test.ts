import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from '@lyncdr/topology/testing';
import { createCliContext } from '../context';
import { runCli } from '../program';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const example = (dir: string, f: string) => path.join(repo, 'examples', dir, f);
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-topology-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const published = readFileSync(example('two-site', 'topology.xml'), 'utf8');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx = createCliContext({
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: tmp,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}
function file(name: string, data: string | Uint8Array): string {
  const p = path.join(tmp, name);
  writeFileSync(p, data);
  return p;
}

describe('lyncdr topology show', () => {
  it('prints the DESIGN §4 JSON shape for example (a) with its overlay', async () => {
    const r = await run(
      'topology',
      'show',
      example('two-site', 'topology.xml'),
      '--overlay',
      example('two-site', 'lyncdr.yaml'),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout);
    expect(d.deployment).toBe('Contoso (Paris + Lyon)');
    expect(d.sites).toEqual([
      { id: '1', name: 'Paris', location: 'Paris, FR', kind: 'central' },
      { id: '2', name: 'Lyon', location: 'Lyon, FR', kind: 'central' },
    ]);
    expect(d.pools.find((p: { fqdn: string }) => p.fqdn === 'pool01.contoso.example')).toMatchObject({
      site: '1',
      kind: 'FrontEnd',
      machines: ['fe01a.contoso.example', 'fe01b.contoso.example', 'fe01c.contoso.example'],
      backupPool: 'pool02.contoso.example',
      mirroredBackEnd: true,
    });
    expect(new Set(d.pools.map((p: { kind: string }) => p.kind))).toEqual(
      new Set(['FrontEnd', 'SqlServer', 'FileServer', 'Edge', 'Director', 'PersistentChat', 'Mediation']),
    );
    expect(d.sqlStores.find((s: { kind: string }) => s.kind === 'CentralManagement')).toMatchObject({
      server: 'sql01.contoso.example',
      instance: 'rtc',
      databases: ['xds', 'lis'],
    });
    expect(d.fileStores[1]).toMatchObject({
      server: 'fs02.contoso.example',
      share: 'lyncshare',
      pools: ['pool02.contoso.example'],
    });
    expect(d.cms).toEqual({
      sqlServer: 'sql01.contoso.example',
      instance: 'rtc',
      pool: 'pool01.contoso.example',
      standbyPool: 'pool02.contoso.example',
    });
    expect(d.federation).toEqual({ lyncEdge: 'edge01.contoso.example', xmppEdge: 'edge02.contoso.example' });
  });

  it('prints sites → pools → machines, stores and databases, pairs, the CMS and findings for people', async () => {
    const r = await run(
      'topology',
      'show',
      example('standard-edition', 'topology.tbxml'),
      '--overlay',
      example('standard-edition', 'lyncdr.yaml'),
    );
    expect(r.code).toBe(0);
    const order = [
      'Sites',
      '  1 Boston',
      '    se01.fabrikam.example  [StandardEdition]  backup pool se02.fabrikam.example',
      '      - se01.fabrikam.example',
      'SQL stores',
      'databases: rtcxds, rtcshared, rtcab',
      'File stores',
      '\\\\se02.fabrikam.example\\share',
      'Pairs (backup pools)',
      'se01.fabrikam.example ↔ se02.fabrikam.example',
      'Central Management store',
      'pool se01.fabrikam.example, SQL se01.fabrikam.example\\rtc, standby in se02.fabrikam.example',
      'Backup plan',
      'owner default: Fabrikam IT <it@fabrikam.example>',
      'schedule sql: daily 22:00',
      'RPO: 1440 min',
      'Findings (0)',
    ];
    let at = -1;
    for (const s of order) {
      const i = r.stdout.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
  });

  it('exits 1 when a finding has error severity (a pool paired with two pools)', async () => {
    const overlay = file(
      'two-partners.yaml',
      'pairs:\n  - [pool01.contoso.example, pool02.contoso.example]\n  - [pool01.contoso.example, dir01.contoso.example]\n',
    );
    const r = await run('topology', 'show', example('two-site', 'topology.xml'), '--overlay', overlay, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['PAIR_NOT_ONE_TO_ONE', 'PAIR_NOT_FRONT_END']),
    );
  });

  it('reads UTF-16 and UTF-8-with-BOM files', async () => {
    const u16 = file(
      'u16.xml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(published.replace('utf-8', 'utf-16'), 'utf16le')]),
    );
    const bom = file('bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(published)]));
    for (const f of [u16, bom]) {
      const r = await run('topology', 'show', f, '--json');
      expect(r.code, f).toBe(0);
      expect(JSON.parse(r.stdout).pools).toHaveLength(17);
    }
  });

  it('reads an Export-CsConfiguration zip and lists its documents', async () => {
    const zip = file(
      'export.zip',
      zipSync({
        'DocItemSet.xml': strToU8(
          `<DocItemSet><DocItem Name="urn:xds:topology"><Data>${published.replace(/^<\?xml[^>]*>/, '')}</Data></DocItem></DocItemSet>`,
        ),
      }),
    );
    const r = await run('topology', 'show', zip, '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.source.format).toBe('cms-export');
    expect(d.source.documents).toEqual([
      expect.objectContaining({ element: 'DocItemSet' }),
      expect.objectContaining({ element: 'Topology', name: 'urn:xds:topology', topology: true }),
    ]);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['not XML', () => [file('notes.md', '# Notes\nnot a topology\n')], /E_TOPOLOGY_PARSE: .*notes\.md:1:1: not XML/],
    [
      'wrong root',
      () => [file('other.xml', '<?xml version="1.0"?>\n<Configuration xmlns="urn:other"/>')],
      /E_TOPOLOGY_ROOT: .*other\.xml:2 Configuration: the root element is <Configuration>/,
    ],
    [
      'wrong namespace',
      () => [file('ns.xml', published.replace('Deploy.Topology.2008"', 'Deploy.Topology.2099"'))],
      /E_TOPOLOGY_NAMESPACE: .*ns\.xml:2 Topology: .*expected "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"/,
    ],
    [
      'truncated file',
      () => [file('cut.xml', published.slice(0, 9000))],
      /E_TOPOLOGY_PARSE: .*cut\.xml:\d+:\d+: .*truncated/,
    ],
    [
      'duplicate FQDN',
      () => [file('dup.xml', published.replace('Fqdn="pool02.contoso.example"', 'Fqdn="pool01.contoso.example"'))],
      /E_TOPOLOGY_DUPLICATE: .*dup\.xml:\d+ pool01\.contoso\.example: pool FQDN pool01\.contoso\.example appears twice/,
    ],
    [
      'dangling service reference',
      () => [
        file(
          'dangling.xml',
          published.replace(
            '<InstalledOn><ClusterId SiteId="2" Number="7" />',
            '<InstalledOn><ClusterId SiteId="2" Number="70" />',
          ),
        ),
      ],
      /E_TOPOLOGY_REFERENCE: .*dangling\.xml:\d+ Service\[2-MediationServer-1\]\/InstalledOn: /,
    ],
    [
      'overlay naming an unknown pool',
      () => [
        example('two-site', 'topology.xml'),
        '--overlay',
        file('typo.yaml', 'deployment: x\npairs:\n  - [pool01.contoso.example, pool2.contoso.example]\n'),
      ],
      /E_OVERLAY_UNKNOWN_POOL: .*typo\.yaml:3 pairs\[0\]\[1\]: pool2\.contoso\.example is not a pool/,
    ],
    [
      'overlay with a bad value',
      () => [example('two-site', 'topology.xml'), '--overlay', file('bad.yaml', 'targets:\n  rpoMinutes: -5\n')],
      /E_OVERLAY_INVALID: .*bad\.yaml:2 targets\.rpoMinutes: /,
    ],
    [
      'zip bomb',
      () => [file('bomb.zip', zipSync({ 'a.xml': new Uint8Array(24 * 1024 * 1024) }, { level: 9 }))],
      /E_ZIP_LIMIT: .*bomb\.zip a\.xml: entry a\.xml expands/,
    ],
    [
      'path traversal in a zip',
      () => [file('trav.zip', zipSync({ '../../etc/topology.xml': strToU8(published) }))],
      /E_ZIP_PATH: .*trav\.zip \.\.\/\.\.\/etc\/topology\.xml: /,
    ],
    [
      'a 50 MB file',
      () => [file('big.xml', published.replace('<Sites>', `<!-- ${'x'.repeat(50 * 1024 * 1024)} -->\n<Sites>`))],
      /E_TOPOLOGY_TOO_LARGE: .*big\.xml: .*over the 33554432-byte limit/,
    ],
    ['a missing file', () => [path.join(tmp, 'nope.xml')], /E_INPUT: cannot read topology .*nope\.xml: no such file/],
  ];
  it.each(bad)(
    '%s: exit 2, one clear line on stderr, nothing on stdout, no stack trace',
    async (_name, args, message) => {
      const r = await run('topology', 'show', ...args(), '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('runs as a real process: --json on stdout, exit 0; bad input exit 2 without a stack trace', () => {
    const main = path.join(repo, 'apps/planner/src/cli/main.ts');
    const ok = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        main,
        'topology',
        'show',
        'examples/two-site/topology.tbxml',
        '--overlay',
        'examples/two-site/lyncdr.yaml',
        '--json',
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(
      JSON.parse(ok.stdout).pools.find((p: { fqdn: string }) => p.fqdn === 'pool02.contoso.example').backupPool,
    ).toBe('pool01.contoso.example');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', main, 'topology', 'show', 'LICENSE'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^lyncdr: E_TOPOLOGY_PARSE: LICENSE:1:1: not XML/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const help = spawnSync(process.execPath, ['--import', 'tsx', main, 'topology', 'show', '--help'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--overlay <file>[\s\S]*--json[\s\S]*Exit codes/);
  }, 120_000);
});
