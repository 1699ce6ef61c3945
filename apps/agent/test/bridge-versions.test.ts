/**
 * The Lync bridge scripts on Lync Server 2013, Skype for Business Server 2015 and 2019: each script runs through the
 * real bridge (a child process, the same boundary as powershell.exe) against the replay stand-in playing each product
 * ($LYNCDR_REPLAY_PRODUCT), and the collectors turn the output into what the agent reports. A computer with neither
 * management shell module gives E_BRIDGE_NO_MODULE.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backupServiceCollector, cmsReplicationCollector, mirrorStateCollector } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import type { Observation } from '@lyncdr/protocol';
import { createPowerShellBridge, scriptFailure } from '../src/bridge/powershell';

const here = path.dirname(fileURLToPath(import.meta.url));
const replay = path.join(here, 'replay-powershell.mjs');
const scriptsDir = path.resolve(here, '../scripts');
const LYNC_SCRIPTS = ['backup-service-status', 'cms-replication-status', 'database-mirror-state', 'pool-backup-relationship'] as const;
const PRODUCTS = ['lync2013', 'sfb2015', 'sfb2019'] as const;
type Product = (typeof PRODUCTS)[number] | 'none';

const bridgeFor = (product: Product) =>
  createPowerShellBridge({ executable: replay, timeoutMs: 15_000, maxOutputBytes: 4 * 1024 * 1024, env: { ...process.env, LYNCDR_REPLAY_PRODUCT: product } });
const ctxFor = (product: Product) => ({ now: () => new Date('2026-11-22T09:00:00Z'), bridge: bridgeFor(product) });
const codes = (o: Observation | undefined) => (o?.findings ?? []).map((f) => f.code).sort();

async function failure(p: Promise<unknown>): Promise<LyncdrError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LyncdrError);
    return e as LyncdrError;
  }
  throw new Error('expected a failure');
}

describe('bridge scripts print one JSON shape on every version', () => {
  it('backup-service-status and cms-replication-status: the same top-level keys on 2013, 2015 and 2019', async () => {
    const keys = async (product: Product, script: string, args: Record<string, string>) => Object.keys((await bridgeFor(product).run(script, args)) as object).sort();
    for (const product of PRODUCTS) {
      expect(await keys(product, 'backup-service-status.ps1', { PoolFqdn: 'pool-red.contoso.test' }), product).toEqual(
        ['OverallExportStatus', 'OverallImportStatus', 'backupModules', 'collectedAtUtc', 'poolFqdn', 'product', 'properties'],
      );
      expect(await keys(product, 'cms-replication-status.ps1', {}), product).toEqual(['collectedAtUtc', 'product', 'replicas']);
    }
  });

  it('every Lync bridge script prints the product it runs on ($csProduct of the module block)', async () => {
    const args: Record<string, Record<string, string>> = { 'cms-replication-status': {} };
    for (const product of PRODUCTS) {
      for (const s of LYNC_SCRIPTS) {
        const out = (await bridgeFor(product).run(`${s}.ps1`, args[s] ?? { PoolFqdn: 'pool-dub.contoso.test' })) as Record<string, unknown>;
        expect(out.product, `${s} on ${product}`).toBe(product);
      }
    }
  });

  it('database-mirror-state: 2015 prints the 2013 shape; 2019 adds mirroring = not-supported and no databases', async () => {
    const out15 = (await bridgeFor('sfb2015').run('database-mirror-state.ps1', { PoolFqdn: 'pool-red.contoso.test', DatabaseType: 'User' })) as Record<string, unknown>;
    expect(Object.keys(out15)).toEqual(['poolFqdn', 'databaseType', 'collectedAtUtc', 'product', 'databases']);
    const out19 = (await bridgeFor('sfb2019').run('database-mirror-state.ps1', { PoolFqdn: 'pool-dub.contoso.test' })) as Record<string, unknown>;
    expect(out19).toMatchObject({ poolFqdn: 'pool-dub.contoso.test', databases: [], mirroring: 'not-supported', product: 'sfb2019' });
  });

  it('pool-backup-relationship: the partner pool on every version', async () => {
    for (const product of PRODUCTS) {
      const out = (await bridgeFor(product).run('pool-backup-relationship.ps1', { PoolFqdn: 'pool-red.contoso.test' })) as { relationships: unknown[] };
      expect(out.relationships, product).toEqual([{ PoolFqdn: 'pool-red.contoso.test', BackupPoolFqdn: 'pool-dub.contoso.test' }]);
    }
  });
});

describe('what the agent reports, per version', () => {
  const pools = ['pool-red.contoso.test', 'pool-dub.contoso.test'];

  it('backup-service on Lync Server 2013: red healthy, dub with a backlog and an import error', async () => {
    const run = await backupServiceCollector.run({ pools, cmsMasterPool: 'pool-red.contoso.test' }, ctxFor('lync2013'));
    const [red, dub] = run.observations;
    expect(red!.ok).toBe(true);
    expect(codes(dub)).toEqual(['BACKUP_BACKLOG', 'BACKUP_IMPORT_STATE']);
    expect([red!.data.product, dub!.data.product]).toEqual(['lync2013', 'lync2013']);
  });

  it('backup-service on SfB Server 2015: both directions healthy, CMSMaster NotInitialized on the pool without the CMS', async () => {
    const run = await backupServiceCollector.run({ pools, cmsMasterPool: 'pool-red.contoso.test' }, ctxFor('sfb2015'));
    expect(run.ok).toBe(true);
    const [red, dub] = run.observations;
    expect(codes(red)).toEqual([]);
    expect(codes(dub)).toEqual([]);
    expect(dub!.data.modules).toContainEqual({ identity: 'CentralMgmt.CMSMaster', exportStatus: 'NotInitialized', importStatus: 'NormalState', healthy: true });
    expect(dub!.data.relationships).toEqual([{ PoolFqdn: 'pool-dub.contoso.test', BackupPoolFqdn: 'pool-red.contoso.test' }]);
    expect([red!.data.product, dub!.data.product]).toEqual(['sfb2015', 'sfb2015']);
  });

  it('backup-service on SfB Server 2019: the Response Group modules are checked like the others', async () => {
    const run = await backupServiceCollector.run({ pools, cmsMasterPool: 'pool-red.contoso.test' }, ctxFor('sfb2019'));
    const [red, dub] = run.observations;
    expect(red!.ok).toBe(true);
    expect((red!.data.modules as { identity: string }[]).map((m) => m.identity)).toEqual([
      'UserServices.PresenceFocus',
      'ConfServices.DataConf',
      'CentralMgmt.CMSMaster',
      'ApplicationServer.RGSDataStore',
      'ApplicationServer.RGSFileStore',
    ]);
    expect([red!.data.product, dub!.data.product]).toEqual(['sfb2019', 'sfb2019']);
    expect(dub!.ok).toBe(false);
    expect(codes(dub)).toEqual(['BACKUP_BACKLOG']);
    expect(dub!.findings[0]!.message).toMatch(/ApplicationServer\.RGSDataStore: export state NonSteadyState/);
  });

  it('cms-replication: a replica behind (and stale) on 2013, all current on 2015 (one stale report), one behind on 2019', async () => {
    const [o13] = (await cmsReplicationCollector.run({}, ctxFor('lync2013'))).observations;
    expect(codes(o13)).toEqual(['CMS_REPLICA_BEHIND', 'CMS_REPLICA_STALE']);
    expect(o13!.data.product).toBe('lync2013');

    const [o15] = (await cmsReplicationCollector.run({}, ctxFor('sfb2015'))).observations;
    expect(o15!.ok).toBe(true);
    expect(codes(o15)).toEqual(['CMS_REPLICA_STALE']);
    expect(o15!.data.product).toBe('sfb2015');
    expect(o15!.findings[0]!.message).toMatch(/^edge1\.contoso\.test/);
    expect((o15!.data.replicas as { productVersion: string }[]).map((r) => r.productVersion)).toEqual(['6.0.9319.619', '6.0.9319.619', '6.0.9319.619']);

    const [o19] = (await cmsReplicationCollector.run({}, ctxFor('sfb2019'))).observations;
    expect(o19!.ok).toBe(false);
    expect(codes(o19)).toEqual(['CMS_REPLICA_BEHIND']);
    expect(o19!.data.product).toBe('sfb2019');
    expect(o19!.findings[0]!.message).toMatch(/^fe2\.contoso\.test: UpToDate is False/);
    expect((o19!.data.replicas as { productVersion: string }[])[0]!.productVersion).toBe('7.0.2046.385');
  });

  it('mirror-state on Lync Server 2013: synchronized and not-mirrored databases', async () => {
    const [red] = (await mirrorStateCollector.run({ pools: ['pool-red.contoso.test'] }, ctxFor('lync2013'))).observations;
    expect(red!.ok).toBe(true);
    expect((red!.data.databases as { status: string }[]).map((d) => d.status)).toEqual(['synchronized', 'synchronized', 'not-mirrored']);
    expect(red!.data).not.toHaveProperty('mirroring');
    // This recording is the raw cmdlet output (an array), which carries no product: none is reported.
    expect(red!.data).not.toHaveProperty('product');
    const [dub] = (await mirrorStateCollector.run({ pools: ['pool-dub.contoso.test'] }, ctxFor('lync2013'))).observations;
    expect(dub!.data.product).toBe('lync2013');
  });

  it('mirror-state on SfB Server 2015: per database type, a database still synchronizing is reported', async () => {
    const [red] = (await mirrorStateCollector.run({ pools: ['pool-red.contoso.test'], databaseTypes: ['User', 'App'] }, ctxFor('sfb2015'))).observations;
    const dbs = red!.data.databases as { databaseName: string; status: string }[];
    expect(dbs.map((d) => `${d.databaseName}:${d.status}`)).toEqual(['rtcxds:synchronized', 'rtcshared:synchronized', 'rgsconfig:synchronized', 'rgsdyn:synchronized', 'cpsdyn:attention']);
    expect(red!.ok).toBe(false);
    expect(codes(red)).toEqual(['MIRROR_NOT_SYNCHRONIZED']);
    const [dub] = (await mirrorStateCollector.run({ pools: ['pool-dub.contoso.test'] }, ctxFor('sfb2015'))).observations;
    expect(dub!.ok).toBe(true);
    expect((dub!.data.databases as { status: string }[]).map((d) => d.status)).toEqual(['synchronized', 'not-mirrored']);
    expect([red!.data.product, dub!.data.product]).toEqual(['sfb2015', 'sfb2015']);
  });

  it('mirror-state on SfB Server 2019: not applicable, said once per pool, never an error', async () => {
    const run = await mirrorStateCollector.run({ pools, databaseTypes: ['User', 'App'] }, ctxFor('sfb2019'));
    expect(run.ok).toBe(true);
    for (const o of run.observations) {
      expect(o.ok).toBe(true);
      expect(o.data).toEqual({ databases: [], mirroring: 'not-supported', product: 'sfb2019' });
      expect(o.findings).toEqual([expect.objectContaining({ code: 'MIRROR_NOT_SUPPORTED', severity: 'info' })]);
      expect(o.findings[0]!.message).toMatch(/SfBServer2019\/deprecated\.md/);
    }
  });
});

describe('a computer with neither the Lync nor the SkypeForBusiness module', () => {
  it('every Lync bridge script fails with E_BRIDGE_NO_MODULE naming both modules', async () => {
    const args: Record<string, Record<string, string>> = { 'cms-replication-status': {} };
    for (const s of LYNC_SCRIPTS) {
      const e = await failure(bridgeFor('none').run(`${s}.ps1`, args[s] ?? { PoolFqdn: 'pool-red.contoso.test' }));
      expect(e.code, s).toBe('E_BRIDGE_NO_MODULE');
      expect(e.message).toMatch(new RegExp(`^${s}\\.ps1: neither the SkypeForBusiness module .* nor the Lync module`));
    }
  });

  it('the collectors report it as a finding with that code', async () => {
    const [backup] = (await backupServiceCollector.run({ pools: ['pool-red.contoso.test'] }, ctxFor('none'))).observations;
    expect(codes(backup)).toEqual(['E_BRIDGE_NO_MODULE', 'E_BRIDGE_NO_MODULE']);
    const [mirror] = (await mirrorStateCollector.run({ pools: ['pool-red.contoso.test'] }, ctxFor('none'))).observations;
    expect(codes(mirror)).toEqual(['E_BRIDGE_NO_MODULE']);
    expect(mirror!.ok).toBe(false);
  });

  it('a script only names codes the bridge knows; anything else stays E_BRIDGE_EXIT', () => {
    expect(scriptFailure('x.ps1', 'WARNING: something\r\nlyncdr:E_BRIDGE_NO_MODULE: no module here\r\n')).toMatchObject({ code: 'E_BRIDGE_NO_MODULE', message: 'x.ps1: no module here' });
    expect(scriptFailure('x.ps1', 'lyncdr:E_INTERNAL: pretend')).toBeNull();
    expect(scriptFailure('x.ps1', 'Import-Module : The specified module was not loaded')).toBeNull();
  });
});

describe('the scripts and their recordings agree', () => {
  const SHELL = readFileSync(path.join(scriptsDir, 'lync-shell.ps1'), 'utf8');
  const DOT_SOURCE = ". (Join-Path $PSScriptRoot 'lync-shell.ps1')";
  const block = (_s: string) => ({ block: SHELL });

  it('every Lync bridge script loads the module through lync-shell.ps1, before its first Lync cmdlet', () => {
    expect(SHELL).toMatch(/Get-Module -ListAvailable -Name SkypeForBusiness, Lync/);
    expect(SHELL).toMatch(/^Import-Module -ModuleInfo \$csModule$/m);
    for (const s of LYNC_SCRIPTS) {
      const text = readFileSync(path.join(scriptsDir, `${s}.ps1`), 'utf8');
      // The first Lync cmdlet the script runs (outside the help comment and # comments) comes after the dot-source.
      const code = text.replace(/<#[\s\S]*?#>/, (m) => ' '.repeat(m.length)).replace(/#.*$/gm, (m) => ' '.repeat(m.length));
      expect(code.indexOf(DOT_SOURCE), s).toBeGreaterThan(0);
      expect(code.indexOf(DOT_SOURCE), s).toBeLessThan(code.search(/\b(Get|Set|Invoke)-Cs\w+/));
      expect(text, s).not.toMatch(/^Import-Module\b/m);
    }
  });

  it('the "none" recordings print exactly what the block prints, and exit as it exits', () => {
    const b = block(LYNC_SCRIPTS[0]).block!;
    const line = /\[Console\]::Error\.WriteLine\('([^']*)'\)\s*\n\s*exit (\d+)/.exec(b);
    expect(line).not.toBeNull();
    for (const s of LYNC_SCRIPTS) {
      const cases = JSON.parse(readFileSync(path.join(here, 'recordings', `${s}.json`), 'utf8')) as { product?: string | string[]; stderr?: string; exit?: number }[];
      const none = cases.filter((c) => c.product === 'none');
      expect(none, s).toHaveLength(1);
      expect(none[0]!.stderr!.trimEnd(), s).toBe(line![1]);
      expect(none[0]!.exit, s).toBe(Number(line![2]));
    }
  });

  it('each Lync bridge script has a recording for 2013, 2015 and 2019', () => {
    for (const s of LYNC_SCRIPTS) {
      const cases = JSON.parse(readFileSync(path.join(here, 'recordings', `${s}.json`), 'utf8')) as { product?: string | string[] }[];
      const products = new Set(cases.flatMap((c) => [c.product ?? 'lync2013'].flat()));
      for (const p of PRODUCTS) expect(products.has(p), `${s} ${p}`).toBe(true);
    }
  });
});
