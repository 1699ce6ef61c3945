import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { cmsExportZip, type MiniPool } from '../testing/cms-zip';
import { exportsCollector } from './index';
import { backupFileName } from '@lyncdr/domain';
import { kindFromName, verifyExport } from './verify-export';
import { parseTopologyDocument, topologyFingerprint, type Topology } from '@lyncdr/topology';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parseTopology = (b: Uint8Array, file: string) => parseTopologyDocument(b, { file });
const red: MiniPool = { fqdn: 'pool-red.contoso.test', number: 1, machines: ['fe1.contoso.test', 'fe2.contoso.test'] };
const dub: MiniPool = { fqdn: 'pool-dub.contoso.test', site: '2', number: 1, machines: ['fe3.contoso.test'] };
const write = (rel: string, bytes: Uint8Array, mtime?: string) => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, bytes);
  if (mtime) utimesSync(f, new Date(mtime), new Date(mtime));
  return f;
};

describe('verifyExport', () => {
  it('a CMS export: opens, CRCs match, DocItemSet.xml present, topology parsed', async () => {
    const f = write('one/CmsConfig-2026-11-20.zip', cmsExportZip([red, dub]));
    const r = await verifyExport(f, { parseTopology });
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ ok: true, kind: 'configuration', confirmedBy: 'content' });
    expect(r.topology!.pools.map((p) => p.fqdn).sort()).toEqual(['pool-dub.contoso.test', 'pool-red.contoso.test']);
  });

  it('a CMS export without DocItemSet.xml or without a topology is a finding', async () => {
    const noDoc = write('one/cms-nodoc.zip', zipSync({ 'Topology.xml': cmsTopologyOnly() }));
    expect((await verifyExport(noDoc, { parseTopology })).findings.map((f) => f.code)).toEqual(['EXPORT_DOC_MISSING']);
    const noTopo = write('one/cms-notopo.zip', zipSync({ 'DocItemSet.xml': strToU8('<DocItemSet/>'), 'Other.xml': strToU8('<Other/>') }));
    const r = await verifyExport(noTopo, { parseTopology });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(['CMS_TOPOLOGY_PARSE']);
  });

  it('user data is confirmed by content; the other kinds by name only (their layout is undocumented)', async () => {
    const ud = write('one/UserData.zip', zipSync({ 'DocItemSet.xml': strToU8('<DocItemSet><DocItem Name="urn:lcd:alice@contoso.test"><Data><HomedResource/></Data></DocItem></DocItemSet>'), 'Manifest.xml': strToU8('<m/>') }));
    expect(await verifyExport(ud, { parseTopology })).toMatchObject({ ok: true, kind: 'userdata', confirmedBy: 'content' });
    const rgs = write('one/Rgs-pool-red.zip', zipSync({ 'Workflows.xml': strToU8('<w/>') }));
    const r = await verifyExport(rgs, { parseTopology });
    expect(r).toMatchObject({ ok: true, kind: 'rgs', confirmedBy: 'name' });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['EXPORT_CONTENT_UNCONFIRMED', 'info']]);
    expect(kindFromName('C:\\Backup\\LIS-2026.bak')).toBe('lis');
    expect(kindFromName('PChat_export.zip')).toBe('persistentchat');
    expect(kindFromName('holiday-photos.zip')).toBeNull();
  });

  it('classifies the files the worksheets and runbooks write (the domain naming scheme) by their kind', () => {
    const names: [string, string][] = [
      ['configuration', backupFileName(null, 'configuration')],
      ['lis', backupFileName(null, 'lis')],
      ['userdata', backupFileName(null, 'userData', 'fe-north.fabrikam.test')],
      ['rgs', backupFileName(null, 'rgs', 'fe-north.fabrikam.test')],
      ['persistentchat', backupFileName(null, 'persistentChat', 'sqlpc.fabrikam.test')],
    ];
    expect(names.map(([, n]) => n)).toEqual(['Config.zip', 'E911Config.zip', 'ExportedUserData-fe-north.fabrikam.test.zip', 'RgsConfiguration-fe-north.fabrikam.test.zip', 'PersistentChatData-sqlpc.fabrikam.test.zip']);
    for (const [kind, name] of names) expect(kindFromName(`\\\\backup\\lync\\2026-01-15\\${name}`), name).toBe(kind);
  });
});

describe('exports collector', () => {
  it('checks the newest exports of each kind and diffs the two newest CMS topologies', async () => {
    const red2: MiniPool = { ...red, machines: ['fe1.contoso.test', 'fe4.contoso.test'] };
    const blue: MiniPool = { fqdn: 'pool-blue.contoso.test', site: '2', number: 2, machines: ['fe9.contoso.test'] };
    write('two/cms/CsConfig-1.zip', cmsExportZip([red, dub]), '2026-11-01T00:00:00Z');
    write('two/cms/CsConfig-2.zip', cmsExportZip([red2, blue]), '2026-11-02T00:00:00Z');
    write('two/UserData-pool-red.zip', zipSync({ 'DocItemSet.xml': strToU8('<DocItemSet><DocItem Name="urn:lcd:bob@contoso.test"/></DocItemSet>') }), '2026-11-02T00:00:00Z');
    const bad = cmsExportZip([red]);
    write('two/cms/CsConfig-0-truncated.zip', bad.subarray(0, bad.length - 30), '2026-10-01T00:00:00Z');
    const run = await exportsCollector.run({ folders: [path.join(dir, 'two')], expect: ['configuration', 'userdata', 'lis'], checkNewest: 3 }, { now: () => new Date(), bridge: { run: async () => null } });
    const by = Object.fromEntries(run.observations.map((o) => [o.subject, o]));
    const cfg = by['export:configuration']!;
    expect(cfg.ok).toBe(true);
    expect(cfg.lastGood).toBe('2026-11-02T00:00:00.000Z');
    expect(cfg.findings.map((f) => f.code)).toEqual(['ZIP_TRUNCATED']);
    expect(cfg.data.pools).toEqual(['pool-red.contoso.test', 'pool-blue.contoso.test']);
    expect(cfg.data.changesSincePrevious).toMatchObject({
      pools: { added: ['pool-blue.contoso.test'], removed: ['pool-dub.contoso.test'], changed: [{ id: 'pool-red.contoso.test', changes: ['machine added fe4.contoso.test', 'machine removed fe2.contoso.test'] }] },
      machines: { added: ['fe4.contoso.test', 'fe9.contoso.test'], removed: ['fe2.contoso.test', 'fe3.contoso.test'] },
    });
    expect(by['export:userdata']!.ok).toBe(true);
    expect(by['export:lis']!.findings.map((f) => f.code)).toEqual(['EXPORT_NONE_FOUND']);
    expect(run.ok).toBe(false);
  });

  it('sends the newest CMS topology and its fingerprint, so the planner can tell whether its printed documents still hold', async () => {
    const zip = cmsExportZip([red, dub]);
    const f = write('three/CsConfig.zip', zip, '2026-11-03T00:00:00Z');
    const run = await exportsCollector.run({ folders: [path.join(dir, 'three')] }, { now: () => new Date(), bridge: { run: async () => null } });
    const cfg = run.observations.find((o) => o.subject === 'export:configuration')!;
    const parsed = parseTopologyDocument(zip, { file: f });
    expect(cfg.data.topologyFingerprint).toBe(topologyFingerprint(parsed));
    expect(cfg.data.topologyFile).toBe(f);
    // The model travels without its findings; its fingerprint is the same (findings are not part of it).
    const sent = JSON.parse(JSON.stringify(cfg.data.topology)) as Omit<Topology, 'findings'>;
    expect(sent).not.toHaveProperty('findings');
    expect(sent.pools.map((p) => p.fqdn).sort()).toEqual(['pool-dub.contoso.test', 'pool-red.contoso.test']);
    expect(topologyFingerprint({ ...sent, findings: [] })).toBe(cfg.data.topologyFingerprint);
  });

  it('names the key of a bad config', async () => {
    await expect(exportsCollector.run({ folders: [] }, { now: () => new Date(), bridge: { run: async () => null } })).rejects.toThrow(/collectors\.exports\.folders/);
  });
});

function cmsTopologyOnly(): Uint8Array {
  return strToU8('<?xml version="1.0"?><Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"><Sites/><Clusters/><Services/></Topology>');
}
