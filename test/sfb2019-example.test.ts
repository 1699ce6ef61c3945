/**
 * examples/sfb2019-two-site: its files are the rendering of test/sfb2019-two-site-spec.ts; `lyncdr topology show`
 * prints every pool as Skype for Business Server 2019 and both back ends as AlwaysOn; the inventory and all four
 * worksheets (English and French, through `lyncdr worksheet`) hold no Persistent Chat and no XMPP.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { buildInventory } from '../packages/domain/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';
import { renderPublished, renderTbxml } from '../packages/topology/src/testing/index';
import { sfb2019TwoSiteSpec } from './sfb2019-two-site-spec';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join('examples', 'sfb2019-two-site');
const overlay = path.join(dir, 'lyncdr.yaml');
const tmp = mkdtempSync(path.join(tmpdir(), 'lyncdr-sfb2019-example-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx = createCliContext({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: repo });
  const code = await runCli(args, ctx);
  return { code, stdout, stderr };
}

function load(file: string, withOverlay = true): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(repo, dir, file))), { file });
  return withOverlay ? applyOverlay(t, parseOverlay(readFileSync(path.join(repo, overlay), 'utf8'), { file: overlay })) : t;
}

const POOLS = ['pool01.litware.example', 'pool02.litware.example'];

describe('examples/sfb2019-two-site', () => {
  it('topology.xml and topology.tbxml are the rendering of its spec, every Service with ServiceVersion 8', () => {
    const xml = readFileSync(path.join(repo, dir, 'topology.xml'), 'utf8');
    expect(xml).toBe(renderPublished(sfb2019TwoSiteSpec));
    expect(readFileSync(path.join(repo, dir, 'topology.tbxml'), 'utf8')).toBe(renderTbxml(sfb2019TwoSiteSpec));
    const services = xml.match(/<Service /g) ?? [];
    expect(services.length).toBeGreaterThan(20);
    expect(xml.match(/<Service [^>]*ServiceVersion="8"/g)).toHaveLength(services.length);
    expect(xml).not.toMatch(/PersistentChat|Xmpp/i);
  });

  it('topology show prints every pool as sfb2019 and both back ends as AlwaysOn, with no finding', async () => {
    const r = await cli('topology', 'show', path.join(dir, 'topology.xml'), '--overlay', overlay);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Product: sfb2019 (lyncdr.yaml)');
    const versions = r.stdout.match(/^ {6}version .*$/gm) ?? [];
    expect(versions).toHaveLength(9);
    for (const v of versions) expect(v.trim()).toBe('version sfb2019 (lyncdr.yaml)');
    expect(r.stdout).toContain('back end: sqlag01.litware.example\\rtc, HA alwayson (backEndHa:)');
    expect(r.stdout).toContain('back end: sqlag02.litware.example\\rtc, HA alwayson (backEndHa:)');
    expect(r.stdout).toMatch(/Findings \(0\)\n {2}none/);
    expect(r.stdout).not.toMatch(/xmpp|persistent chat/i);

    const json = await cli('topology', 'show', path.join(dir, 'topology.xml'), '--overlay', overlay, '--json');
    const model = JSON.parse(json.stdout) as Topology;
    expect(model.pools.filter((p) => p.kind === 'FrontEnd').map((p) => [p.fqdn, p.product])).toEqual(POOLS.map((p) => [p, 'sfb2019']));
    const backEnds = model.sqlStores.filter((s) => s.kind === 'BackEnd');
    expect(backEnds.map((s) => [s.server, s.haType])).toEqual([
      ['sqlag01.litware.example', 'alwayson'],
      ['sqlag02.litware.example', 'alwayson'],
    ]);
    expect(model.sqlStores.every((s) => s.mirror === null)).toBe(true);
    expect(model.federation).toEqual({ lyncEdge: 'edge01.litware.example', xmppEdge: null });
  });

  it('the topology alone says 2019 for every pool that runs services (ServiceVersion 8)', () => {
    const t = load('topology.tbxml', false);
    for (const p of t.pools.filter((x) => x.services.length > 0)) expect([p.fqdn, p.product, p.productSource]).toEqual([p.fqdn, 'sfb2019', 'topology']);
    expect(t.product).toMatchObject({ version: 'sfb2019', source: 'topology' });
  });

  it('its inventory has no Persistent Chat item and names each AG listener as the back-end SQL Server', () => {
    const inv = buildInventory(load('topology.xml'));
    expect(inv.items.some((i) => i.category === 'persistentchat' || /mgc/i.test(i.id))).toBe(false);
    expect(inv.notBackedUp.some((n) => /mgc|persistent/i.test(`${n.key} ${n.name}`))).toBe(false);
    expect(inv.findings!.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(inv.backupService!.doesNotProtect.some((d) => /persistent chat/i.test(d.what))).toBe(false);
    for (const [pool, sql] of [[POOLS[0]!, 'sqlag01.litware.example'], [POOLS[1]!, 'sqlag02.litware.example']]) {
      const user = inv.items.find((i) => i.id === `export:userdata@${pool}`)!;
      expect([user.host, user.sqlInstance]).toEqual([sql, `${sql}\\rtc`]);
    }
    expect(inv.items.find((i) => i.id === `export:rgs@${POOLS[0]}`)!.notes![0]).toContain('July 2019 cumulative update');
  });

  it.each(['en', 'fr'])('lyncdr worksheet renders all four worksheets (%s) without Persistent Chat', async (lang) => {
    const out = path.join(tmp, `worksheets-${lang}.md`);
    const r = await cli('worksheet', path.join(dir, 'topology.xml'), '--overlay', overlay, '--lang', lang, '-o', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    for (const pool of POOLS) expect(md).toContain(`Export-CsUserData -PoolFqdn ${pool}`);
    // Markdown escapes each backslash.
    expect(md).toContain('sqlag01.litware.example\\\\rtc');
    expect(md).toContain('fs02.litware.example\\\\sfbshare');
    expect(md).not.toMatch(/persistent chat|conversation permanente|mgc|xmpp/i);
    expect(md).toContain(lang === 'en' ? 'July 2019 cumulative update' : 'mise à jour cumulative de juillet 2019');
    expect(md).toContain(lang === 'en' ? 'is the listener of an AlwaysOn Availability Group' : 'est l’écouteur d’un groupe de disponibilité AlwaysOn');
    // French puts a non-breaking space before the colon.
    expect(md).toContain(lang === 'en' ? 'Product version:** Skype for Business Server 2019' : 'Version du produit\u00a0:** Skype Entreprise Server 2019');
    // Restoring an AlwaysOn back end ends with Install-CsDatabase -Update on each replica (CMS on sqlag01, sqlag02).
    expect(md.match(/Install-CsDatabase -Update/g)).toHaveLength(2);
    expect(md).not.toContain('same FQDN as sqlag0');
  });
});
