import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cmsExportZip, makeZip } from '@lyncdr/collectors/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../context';
import { runCli } from '../program';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-verify-cms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Pool = { fqdn: string; machines: string[] };
function cmsZip(name: string, pools: Pool[], mtime: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, cmsExportZip(pools.map((p, i) => ({ ...p, number: i + 1 }))));
  utimesSync(f, new Date(mtime), new Date(mtime));
  return f;
}

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, createCliContext({ stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-22T10:00:00Z') }));
  return { code, out, err };
}

describe('lyncdr verify cms-export', () => {
  const a = cmsZip('cms-a.zip', [{ fqdn: 'pool-red.contoso.test', machines: ['fe1.contoso.test', 'fe2.contoso.test'] }], '2026-11-01T00:00:00Z');
  const b = cmsZip('cms-b.zip', [{ fqdn: 'pool-red.contoso.test', machines: ['fe1.contoso.test'] }, { fqdn: 'pool-dub.contoso.test', machines: ['fe3.contoso.test'] }], '2026-11-02T00:00:00Z');

  it('exit 0, reports the pools found and what changed between the two newest exports', async () => {
    const r = await run(['verify', 'cms-export', a, b, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.ok).toBe(true);
    expect(d.findings).toEqual([]);
    expect(d.topology.pools.map((p: { fqdn: string }) => p.fqdn).sort()).toEqual(['pool-dub.contoso.test', 'pool-red.contoso.test']);
    expect(d.changes).toMatchObject({ from: a, to: b, pools: { added: ['pool-dub.contoso.test'], removed: [] }, machines: { removed: ['fe2.contoso.test'] } });
  });

  it('exit 1 naming the damaged zip in findings[].path', async () => {
    const good = cmsExportZip([{ fqdn: 'p.contoso.test', number: 1, machines: ['m.contoso.test'] }]);
    const truncated = path.join(dir, 'truncated.zip');
    writeFileSync(truncated, good.subarray(0, good.length - 40));
    const r = await run(['verify', 'cms-export', a, truncated, '--json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out);
    expect(d.ok).toBe(false);
    expect(d.findings).toEqual([expect.objectContaining({ code: 'ZIP_TRUNCATED', path: truncated })]);
    const human = await run(['verify', 'cms-export', truncated]);
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/FAILED .*truncated\.zip/);
  });

  it('human output: one block per zip, each with its own pools and findings, then the change between the newest two', async () => {
    const good = cmsExportZip([{ fqdn: 'p.contoso.test', number: 1, machines: ['m.contoso.test'] }]);
    const broken = path.join(dir, 'broken-block.zip');
    writeFileSync(broken, good.subarray(0, good.length - 40));
    const r = await run(['verify', 'cms-export', a, broken, b]);
    expect(r.code).toBe(1);
    const blocks = r.out.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toMatch(new RegExp(`^ok ${a.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} \\(modified 2026-11-01T00:00:00.000Z, \\d+ bytes, 1 pool\\(s\\)\\)\\n {2}pool pool-red\\.contoso\\.test \\(.*\\): fe1\\.contoso\\.test, fe2\\.contoso\\.test$`));
    expect(blocks[1]).toMatch(/^FAILED .*broken-block\.zip \(.*\)\n {2}ZIP_TRUNCATED: /);
    expect(blocks[1]).not.toMatch(/pool /);
    expect(blocks[2]).toMatch(/^ok .*cms-b\.zip .*2 pool\(s\)\)\n {2}pool pool-red.*: fe1\.contoso\.test\n {2}pool pool-dub.*: fe3\.contoso\.test$/);
    expect(blocks[3]).toMatch(/^changes from .*cms-a\.zip to .*cms-b\.zip: pools \+1 -0 ~\d+, machines \+1 -1/);
  });

  it('a zip without the topology is a finding', async () => {
    const f = path.join(dir, 'no-topology.zip');
    writeFileSync(f, makeZip({ 'DocItemSet.xml': '<DocItemSet/>' }));
    const d = JSON.parse((await run(['verify', 'cms-export', f, '--json'])).out);
    expect(d.findings.map((x: { code: string }) => x.code)).toEqual(['CMS_TOPOLOGY_PARSE']);
    expect(d.topology).toBeNull();
  });

  it('exit 2 for a path that does not exist', async () => {
    const r = await run(['verify', 'cms-export', 'missing.zip', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/E_INPUT: missing\.zip: cannot read missing\.zip \(ENOENT\)/);
  });
});
