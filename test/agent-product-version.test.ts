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
/** examples/two-site with its overlay, plus `extra` overlay lines. */
function twoSite(extra = ''): Topology {
  const t = parseTopologyDocument(new Uint8Array(readFileSync(example('topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(`${readFileSync(example('lyncdr.yaml'), 'utf8')}${extra}`, { file: 'lyncdr.yaml' }));
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

type ShownPool = { fqdn: string; product?: string; productSource?: string };

/** A planner on port 0 with `topology`, and the real agent (fe1) whose bridge plays SfB Server 2015 for pool01. */
async function setUp(name: string, topology: Topology) {
  const recordings = path.join(dir, name, 'recordings');
  writeRecordings(recordings);
  const p = await startTestPlanner({}, { dir: path.join(dir, name, 'planner'), topology });
  const reader = p.addAgent('ops', 'read');
  const get = async <T>(url: string): Promise<T> => {
    const r = await fetch(`${p.url}${url}`, { headers: { authorization: `Bearer ${reader}` } });
    expect(r.status, url).toBe(200);
    return (await r.json()) as T;
  };
  const state = encodeURIComponent(JSON.stringify({ down: [], failedOver: { [POOL]: PARTNER }, cmsActive: PARTNER }));
  const agent = createAgent({
    config: {
      agentId: 'fe1', planner: { url: p.agentUrl, token: p.addAgent('fe1') }, outboxDir: path.join(dir, name, 'outbox'), heartbeatSeconds: 1,
      reconnect: { initialMs: 50, maxMs: 200 },
      collectors: { 'backup-service': { schedule: '0 3 * * *', pools: [POOL], cmsMasterPool: PARTNER } },
    },
    bridge: createPowerShellBridge({
      executable: path.join(repoRoot, 'apps/agent/test/replay-powershell.mjs'), timeoutMs: 15_000, maxOutputBytes: 1024 * 1024,
      env: { ...process.env, LYNCDR_REPLAY_PRODUCT: 'sfb2015', LYNCDR_REPLAY_DIR: recordings },
    }),
  });
  const text = async (url: string): Promise<string> => {
    const r = await fetch(`${p.url}${url}`, { headers: { authorization: `Bearer ${reader}` } });
    expect(r.status, url).toBe(200);
    return r.text();
  };
  return {
    p,
    /** The worksheets as Markdown, from /api/documents. */
    worksheets: () => text('/api/documents/worksheet?kind=all&format=md&lang=en'),
    failbackCommands: async () =>
      (await get<{ steps: { command: string | null }[] }>(`/api/plan?goal=failback&pool=${POOL}&state=${state}`)).steps.map((s) => s.command ?? ''),
    shown: async () => (await get<{ topology: { pools: ShownPool[]; findings: { code: string; subject: string | null; message: string }[] } }>('/api/topology')).topology,
    /** The agent connects, runs backup-service once and waits for the planner's ack. */
    async report() {
      await agent.start();
      await agent.runOnce('backup-service');
      await until('the ack', () => agent.outboxDepth() === 0);
    },
    async stop() {
      await agent.stop();
      await p.stop();
    },
  };
}

describe('a pool version reported by the agent reaches the plans', () => {
  it('unknown in the topology: no Start-CsPool in the failback plan; after the agent reports sfb2015, Start-CsPool -PoolFqdn <pool>', async () => {
    const topology = twoSite();
    expect(topology.pools.find((x) => x.fqdn === POOL)).toMatchObject({ product: 'unknown', productSource: 'unknown' });
    const s = await setUp('unknown', topology);
    try {
      // Before any report: the version is unknown, so the plan follows Lync Server 2013 (no Start-CsPool).
      const before = await s.failbackCommands();
      expect(before.some((c) => c.startsWith(`Invoke-CsPoolFailBack -PoolFqdn ${POOL}`))).toBe(true);
      expect(before.filter((c) => c.startsWith('Start-CsPool'))).toEqual([]);
      expect((await s.shown()).pools.find((x) => x.fqdn === POOL)).toMatchObject({ product: 'unknown', productSource: 'unknown' });
      const RGS_2015 = 'Not replicated by the Skype for Business Server 2015 Backup Service.';
      expect(await s.worksheets()).not.toContain(RGS_2015);

      await s.report();
      const stored = s.p.store.latestObservations().find((o) => o.observation.kind === 'backup-service');
      expect(stored?.observation).toMatchObject({ subject: POOL, ok: true, data: { product: 'sfb2015' } });

      const after = await s.failbackCommands();
      expect(after).toContain(`Start-CsPool -PoolFqdn ${POOL}`);
      expect(after.indexOf(`Start-CsPool -PoolFqdn ${POOL}`)).toBeLessThan(after.findIndex((c) => c.startsWith('Invoke-CsPoolFailBack')));
      const shown = await s.shown();
      expect(shown.pools.find((x) => x.fqdn === POOL)).toMatchObject({ product: 'sfb2015', productSource: 'agent' });
      expect(shown.findings.filter((f) => f.code === 'AGENT_PRODUCT_CONFLICT')).toEqual([]);
      // The worksheets too: the Response Group data of pool01 carries the SfB Server 2015 note.
      expect(await s.worksheets()).toContain(RGS_2015);
      // The stored topology itself is unchanged: the agent's version is applied when it is served.
      expect((JSON.parse(s.p.store.latestTopology()!.json) as Topology).pools.find((x) => x.fqdn === POOL)).toMatchObject({ product: 'unknown' });
    } finally {
      await s.stop();
    }
  });

  it('the overlay wins over the agent: lync2013 stays (no Start-CsPool), and the clash is an AGENT_PRODUCT_CONFLICT warning', async () => {
    const topology = twoSite(`\nproducts:\n  ${POOL}: lync2013\n`);
    expect(topology.pools.find((x) => x.fqdn === POOL)).toMatchObject({ product: 'lync2013', productSource: 'overlay' });
    const s = await setUp('overlay', topology);
    try {
      await s.report();
      expect((await s.failbackCommands()).filter((c) => c.startsWith('Start-CsPool'))).toEqual([]);
      const shown = await s.shown();
      expect(shown.pools.find((x) => x.fqdn === POOL)).toMatchObject({ product: 'lync2013', productSource: 'overlay' });
      const clash = shown.findings.filter((f) => f.code === 'AGENT_PRODUCT_CONFLICT');
      expect(clash.map((f) => f.subject)).toEqual([POOL]);
      expect(clash[0]!.message).toMatch(/^agent fe1 reported sfb2015 for pool01\.contoso\.example .*says lync2013; lyncdr uses lync2013/);
    } finally {
      await s.stop();
    }
  });
});
