/**
 * A pool's version from the agent (docs/topology.md "Product version"): the two-site example leaves pool01's version
 * unknown (ServiceVersion 6 maps to nothing, the overlay says nothing), so a failback plan has no Start-CsPool. The real
 * agent runs the backup-service collector through the real PowerShell bridge (the replay stand-in playing SfB Server
 * 2015), reports over the real WebSocket, and from then on the planner's plan, topology and runbook list take sfb2015
 * for pool01: the failback plan starts the pool with Start-CsPool (docs-sfb/cmdlets/Start-CsPool.md).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgent, createPowerShellBridge } from '../apps/agent/src/index';
import { startTestPlanner } from '../apps/planner/src/testing/test-planner';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';
import { repoRoot } from './planner-helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-product-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const example = (f: string) => path.join(repoRoot, 'examples/two-site', f);
function twoSite(): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(example('topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(readFileSync(example('lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

const POOL = 'pool01.contoso.example';
const PARTNER = 'pool02.contoso.example';

/** What backup-service-status.ps1 and pool-backup-relationship.ps1 print for pool01 on SfB Server 2015. */
function writeRecordings(to: string): void {
  mkdirSync(to, { recursive: true });
  const at = '2026-11-22T09:00:00.0000000Z';
  const modules = ['UserServices.PresenceFocus', 'ConfServices.DataConf', 'CentralMgmt.CMSMaster'].map((identity) => ({ identity, exportStatus: 'SteadyState', importStatus: 'NormalState' }));
  writeFileSync(path.join(to, 'backup-service-status.json'), JSON.stringify([
    { product: 'sfb2015', args: { PoolFqdn: POOL }, stdout: { poolFqdn: POOL, collectedAtUtc: at, product: 'sfb2015', OverallExportStatus: null, OverallImportStatus: null, properties: { PoolFqdn: POOL }, backupModules: modules } },
  ]));
  writeFileSync(path.join(to, 'pool-backup-relationship.json'), JSON.stringify([
    { product: 'sfb2015', args: { PoolFqdn: POOL }, stdout: { poolFqdn: POOL, collectedAtUtc: at, product: 'sfb2015', relationships: [{ PoolFqdn: POOL, BackupPoolFqdn: PARTNER }] } },
  ]));
}

describe('a pool version reported by the agent reaches the plans', () => {
  it('unknown in the topology: no Start-CsPool in the failback plan; after the agent reports sfb2015, Start-CsPool -PoolFqdn <pool>', async () => {
    const topology = twoSite();
    expect(topology.pools.find((p) => p.fqdn === POOL)).toMatchObject({ product: 'unknown', productSource: 'unknown' });
    const recordings = path.join(dir, 'recordings');
    writeRecordings(recordings);

    const p = await startTestPlanner({}, { dir: path.join(dir, 'planner'), topology });
    const reader = p.addAgent('ops', 'read');
    const get = async <T>(url: string): Promise<T> => {
      const r = await fetch(`${p.url}${url}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(r.status, url).toBe(200);
      return (await r.json()) as T;
    };
    const state = encodeURIComponent(JSON.stringify({ down: [], failedOver: { [POOL]: PARTNER }, cmsActive: PARTNER }));
    const failbackCommands = async () =>
      (await get<{ steps: { command: string | null }[] }>(`/api/plan?goal=failback&pool=${POOL}&state=${state}`)).steps.map((s) => s.command ?? '');
    type ShownPool = { fqdn: string; product?: string; productSource?: string };
    const shownPool = async () => (await get<{ topology: { pools: ShownPool[] } }>('/api/topology')).topology.pools.find((x) => x.fqdn === POOL);

    const agent = createAgent({
      config: {
        agentId: 'fe1', planner: { url: p.agentUrl, token: p.addAgent('fe1') }, outboxDir: path.join(dir, 'outbox'), heartbeatSeconds: 1,
        reconnect: { initialMs: 50, maxMs: 200 },
        collectors: { 'backup-service': { schedule: '0 3 * * *', pools: [POOL], cmsMasterPool: PARTNER } },
      },
      bridge: createPowerShellBridge({
        executable: path.join(repoRoot, 'apps/agent/test/replay-powershell.mjs'), timeoutMs: 15_000, maxOutputBytes: 1024 * 1024,
        env: { ...process.env, LYNCDR_REPLAY_PRODUCT: 'sfb2015', LYNCDR_REPLAY_DIR: recordings },
      }),
    });
    try {
      // Before any report: the version is unknown, so the plan follows Lync Server 2013 (no Start-CsPool).
      const before = await failbackCommands();
      expect(before.some((c) => c.startsWith(`Invoke-CsPoolFailBack -PoolFqdn ${POOL}`))).toBe(true);
      expect(before.filter((c) => c.startsWith('Start-CsPool'))).toEqual([]);
      expect(await shownPool()).toMatchObject({ product: 'unknown', productSource: 'unknown' });

      await agent.start();
      await agent.runOnce('backup-service');
      await until('the ack', () => agent.outboxDepth() === 0);
      const stored = p.store.latestObservations().find((o) => o.observation.kind === 'backup-service');
      expect(stored?.observation).toMatchObject({ subject: POOL, ok: true, data: { product: 'sfb2015' } });

      const after = await failbackCommands();
      expect(after).toContain(`Start-CsPool -PoolFqdn ${POOL}`);
      expect(after.indexOf(`Start-CsPool -PoolFqdn ${POOL}`)).toBeLessThan(after.findIndex((c) => c.startsWith('Invoke-CsPoolFailBack')));
      expect(await shownPool()).toMatchObject({ product: 'sfb2015', productSource: 'agent' });
      // The stored topology itself is unchanged: the agent's version is applied when it is served.
      expect(JSON.parse(p.store.latestTopology()!.json).pools.find((x: ShownPool) => x.fqdn === POOL)).toMatchObject({ product: 'unknown' });
    } finally {
      await agent.stop();
      await p.stop();
    }
  });
});
