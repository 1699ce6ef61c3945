import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from '@lyncdr/topology/testing';
import { run as runIn } from '../../testing/run-cli';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const example = (f: string) => path.join(repo, 'examples', 'two-site', f);
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-topology-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const published = readFileSync(example('topology.xml'), 'utf8');
const overlay = example('lyncdr.yaml');

/** The CLI in-process from the temp folder (apps/planner/src/testing/run-cli.ts), its output as stdout/stderr. */
async function run(...argv: string[]) {
  const r = await runIn(argv, tmp);
  return { code: r.code, stdout: r.out, stderr: r.err };
}
function file(name: string, data: string | Uint8Array): string {
  const p = path.join(tmp, name);
  writeFileSync(p, data);
  return p;
}

describe('lyncdr topology show: fingerprint', () => {
  it('prints the same fingerprint for the published XML, the .tbxml and a CMS export zip of one deployment', async () => {
    const body = published.replace(/^\uFEFF?<\?xml[^>]*>\s*/, '');
    const zip = file('export.zip', zipSync({ 'DocItemSet.xml': strToU8(`<DocItemSet><DocItem Name="urn:xds:topology"><Data>${body}</Data></DocItem></DocItemSet>`) }));
    const prints: string[] = [];
    for (const f of [example('topology.xml'), example('topology.tbxml'), zip]) {
      const json = await run('topology', 'show', f, '--overlay', overlay, '--json');
      expect(json.code).toBe(0);
      const d = JSON.parse(json.stdout);
      expect(d.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const text = await run('topology', 'show', f, '--overlay', overlay);
      expect(text.stdout).toContain(`Fingerprint: ${d.fingerprint.slice(0, 16)} (SHA-256 ${d.fingerprint})`);
      prints.push(d.fingerprint);
    }
    expect(new Set(prints).size).toBe(1);
  });
});

describe('lyncdr topology diff', () => {
  it('exits 0 and says so when two files hold the same deployment in different formats', async () => {
    const r = await run('topology', 'diff', example('topology.xml'), example('topology.tbxml'), '--overlay', overlay);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Same deployment: nothing differs.');
    const j = await run('topology', 'diff', example('topology.xml'), example('topology.tbxml'), '--overlay', overlay, '--json');
    const d = JSON.parse(j.stdout);
    expect(d).toMatchObject({ same: true, old: { format: 'published' }, new: { format: 'tbxml' } });
    expect(d.old.fingerprint).toBe(d.new.fingerprint);
  });

  it('exits 1 and names the removed machine and the lost pair', async () => {
    const changed = file(
      'changed.xml',
      published
        .replace(/\s*<Machine[^>]*Fqdn="fe01c\.contoso\.example"[^>]*>[\s\S]*?<\/Machine>/, '')
        .replace(/\s*<Machine[^>]*Fqdn="fe01c\.contoso\.example"[^>]*\/>/, ''),
    );
    expect(readFileSync(changed, 'utf8')).not.toContain('fe01c.contoso.example');
    const noPairs = file('no-pairs.yaml', readFileSync(overlay, 'utf8').replace(/pairs:\n(\s+- \[.*\]\n)+/, 'pairs: []\n'));
    const r = await run('topology', 'diff', example('topology.xml'), changed, '--old-overlay', overlay, '--overlay', noPairs);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Machines\n {2}- fe01c\.contoso\.example$/m);
    expect(r.stdout).toMatch(/^Pairs \(backup pools\)\n {2}- pool01\.contoso\.example ⇄ pool02\.contoso\.example$/m);
    const j = JSON.parse((await run('topology', 'diff', example('topology.xml'), changed, '--old-overlay', overlay, '--overlay', noPairs, '--json')).stdout);
    expect(j.same).toBe(false);
    expect(j.machines).toEqual({ added: [], removed: ['fe01c.contoso.example'] });
    expect(j.pools.changed).toContainEqual(expect.objectContaining({ id: 'pool01.contoso.example' }));
    expect(j.overlay).toEqual(['pairs']);
    expect(j.old.fingerprint).not.toBe(j.new.fingerprint);
  });

  it('lists a changed Edge route', async () => {
    const hop = file('hop.yaml', `${readFileSync(overlay, 'utf8')}\nnextHops:\n  edge02.contoso.example: dir01.contoso.example\n`);
    const r = await run('topology', 'diff', example('topology.xml'), example('topology.xml'), '--old-overlay', overlay, '--overlay', hop, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.edgeRoutes).toEqual({
      added: ['edge02.contoso.example → next hop dir01.contoso.example'],
      removed: ['edge02.contoso.example → next hop pool02.contoso.example'],
    });
  });

  it('exits 2 with one line on stderr for a missing file', async () => {
    const r = await run('topology', 'diff', example('topology.xml'), path.join(tmp, 'nope.xml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lyncdr: E_INPUT: .*nope\.xml/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
