import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { generateSpec, renderPublished, renderTbxml, strToU8, zipSync } from '../packages/topology/src/testing/index';

// The bundled examples through the CLI: both XML forms and a CMS export zip give the same JSON. Example (a) runs as
// real `lyncdr` processes; the rest in-process through runCli (same code path, much faster on a busy machine).
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(repo, 'apps/planner/src/cli/main.ts');
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-topology-scenario-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function showInProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx = createCliContext({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: repo });
  const code = await runCli(['topology', 'show', ...args, '--json'], ctx);
  expect(stderr).toBe('');
  return { code, json: JSON.parse(stdout) as Record<string, unknown> };
}
async function showProcess(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'topology', 'show', ...args, '--json'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  expect(r.stderr).toBe('');
  return { code: r.status, json: JSON.parse(r.stdout) as Record<string, unknown> };
}
const withoutSource = ({ source: _s, ...rest }: Record<string, unknown>) => rest;

describe('examples through the lyncdr process', () => {
  const dirs = readdirSync(path.join(repo, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('holds the three bundled deployments', () => {
    expect(dirs.sort()).toEqual(['sfb2019-two-site', 'standard-edition', 'two-site']);
  });

  it.each(dirs)(
    'examples/%s: topology.xml, topology.tbxml and a zip of the XML give the same JSON, exit 0',
    async (dir) => {
      const show = dir === 'two-site' ? showProcess : showInProcess;
      const overlay = path.join('examples', dir, 'lyncdr.yaml');
      const xml = await show(path.join('examples', dir, 'topology.xml'), '--overlay', overlay);
      const tbxml = await show(path.join('examples', dir, 'topology.tbxml'), '--overlay', overlay);
      const zipFile = path.join(tmp, `${dir}.zip`);
      const body = readFileSync(path.join(repo, 'examples', dir, 'topology.xml'), 'utf8').replace(/^<\?xml[^>]*>/, '');
      writeFileSync(
        zipFile,
        zipSync({
          'DocItemSet.xml': strToU8(
            `<DocItemSet><DocItem Name="urn:xds:topology"><Data>${body}</Data></DocItem></DocItemSet>`,
          ),
          'Meta.xml': strToU8('<Meta/>'),
        }),
      );
      const zip = await show(zipFile, '--overlay', overlay);
      expect([xml.code, tbxml.code, zip.code]).toEqual([0, 0, 0]);
      expect(withoutSource(tbxml.json)).toEqual(withoutSource(xml.json));
      expect(withoutSource(zip.json)).toEqual(withoutSource(xml.json));
      expect((xml.json.pairs as unknown[]).length).toBe(1);
      expect(xml.json.cms).not.toBeNull();
      if (dir === 'sfb2019-two-site') {
        // Skype for Business Server 2019 everywhere, both back ends on AlwaysOn Availability Groups.
        const pools = xml.json.pools as { kind: string; product?: string }[];
        expect(pools.map((p) => p.product)).toEqual(pools.map(() => 'sfb2019'));
        const stores = xml.json.sqlStores as { kind: string; haType?: string }[];
        expect(stores.filter((st) => st.kind === 'BackEnd').map((st) => st.haType)).toEqual(['alwayson', 'alwayson']);
      }
    },
  );

  it('a generated 10-site deployment reads the same in both forms', async () => {
    const spec = generateSpec({ sites: 10, pools: 40, machines: 200 });
    const a = path.join(tmp, 'gen.xml');
    const b = path.join(tmp, 'gen.tbxml');
    writeFileSync(a, renderPublished(spec));
    writeFileSync(b, renderTbxml(spec));
    const xml = await showInProcess(a);
    const tbxml = await showInProcess(b);
    expect(withoutSource(tbxml.json)).toEqual(withoutSource(xml.json));
    const pools = xml.json.pools as { kind: string; machines: string[] }[];
    expect(pools.filter((p) => p.kind === 'FrontEnd').reduce((n, p) => n + p.machines.length, 0)).toBe(200);
    expect(pools.filter((p) => p.kind === 'Edge')).toHaveLength(10);
  });
});
