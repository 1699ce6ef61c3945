import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../apps/planner/src/cli/io';
import { hashToken, newToken } from '../apps/planner/src/server/agents/tokens';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../apps/planner/src/testing/test-planner';
import { repoRoot } from './planner-helpers';

/**
 * Two real planners (startPlanner on their own ports) that know each other as peers, each with a webhook channel that
 * points at a local HTTP server: each shows the other reachable and how far behind it is; only the first in the order
 * sends alerts, the other logs them as not sent; when the first stops, the second sees it unreachable, then down, raises
 * peer:a and sends the alerts it held back meanwhile.
 */

const SUBJECT = '\\\\fs1.contoso.test\\lyncshare';
const ITEM = `filestore:${SUBJECT}`;
const items = () => [{ id: ITEM, name: 'File store', frequency: { periodHours: 24 } }];

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Polls `check` until it returns something truthy (generous timeout: CI machines are slow). */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A local webhook receiver: what each planner posted, by path. */
async function webhookServer(): Promise<{ url: string; posts: Map<string, { changes?: { itemId: string; to: string }[]; kind: string }[]>; server: Server }> {
  const posts = new Map<string, { kind: string; changes?: { itemId: string; to: string }[] }[]>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const list = posts.get(req.url ?? '') ?? [];
      list.push(JSON.parse(body) as never);
      posts.set(req.url ?? '', list);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, server };
}

interface PeersView {
  self: { name: string; url: string };
  sender: string;
  peers: { name: string; reachable: boolean | null; down: boolean; error: string | null; gap: { behindSeconds: number; reportsLacking: number } | null }[];
}

describe('two planners that know each other', () => {
  it('show each other reachable and how far behind; only the first sends alerts; the second takes over when the first is gone', async () => {
    // Both planners' clock runs `offset` ahead of real time: the test moves it on to make a silent peer "down".
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const hook = await webhookServer();
    const [portA, portB] = [await freePort(), await freePort()];
    const urlA = `http://127.0.0.1:${portA}`, urlB = `http://127.0.0.1:${portB}`;
    // Read tokens issued on each planner for the other (added to its store once it runs).
    const readA = newToken(), readB = newToken();
    const config = (self: 'a' | 'b', port: number, url: string, peer: { name: string; url: string; token: string }) => ({
      port, self: { name: self, url }, peers: [peer],
      peering: { pollSeconds: 0.2, timeoutSeconds: 2, downAfterSeconds: 600 },
      alerts: { webhook: { url: `${hook.url}/${self}`, retries: 0 }, peerOrder: ['a', 'b'] },
    });
    // A's data folder outlives a stop: A comes back on it at the end.
    const dirA = mkdtempSync(path.join(tmpdir(), 'lyncdr-peer-a-'));
    cleanup.push(() => rmSync(dirA, { recursive: true, force: true }));
    const startA = () => startTestPlanner(config('a', portA, urlA, { name: 'b', url: urlB, token: readB }), { items, now, deployment: 'contoso', dir: dirA });
    let a: TestPlanner | null = await startA();
    cleanup.push(() => a?.stop());
    const b = await startTestPlanner(config('b', portB, urlB, { name: 'a', url: urlA, token: readA }), { items, now, deployment: 'contoso' });
    cleanup.push(() => b.stop());
    a.store.addToken('peer-b', 'read', hashToken(readA));
    b.store.addToken('peer-a', 'read', hashToken(readB));

    const get = async <T>(base: string, token: string, p: string): Promise<T> => {
      const r = await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
      if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
      return (p === '/metrics' ? r.text() : r.json()) as Promise<T>;
    };
    const peersOf = (base: string, token: string) => get<PeersView>(base, token, '/api/peers');
    const alertsOf = (base: string, token: string) => get<{ alerts: { itemId: string; to: string; channel: string; delivered: boolean; detail: string }[] }>(base, token, '/api/alerts?limit=50').then((x) => x.alerts);

    // Each shows the other reachable; A sends the alerts (first in the order), B leaves them to A.
    const viewA = await until('A sees B reachable', async () => ((await peersOf(urlA, readA)).peers[0]?.reachable ? peersOf(urlA, readA) : null));
    expect(viewA).toMatchObject({ self: { name: 'a', url: urlA }, sender: 'a', peers: [{ name: 'b', reachable: true, down: false }] });
    const viewB = await until('B sees A reachable', async () => ((await peersOf(urlB, readB)).peers[0]?.reachable ? peersOf(urlB, readB) : null));
    expect(viewB).toMatchObject({ sender: 'a', peers: [{ name: 'a', reachable: true }] });
    expect(await get<{ planner: string; reports: number }>(urlA, readA, '/api/sync-state')).toMatchObject({ planner: 'a', reports: 0 });
    expect((await fetch(`${urlA}/api/sync-state`)).status).toBe(401);

    // One agent reports to both planners (an agent with several planners does that).
    const agents: SimAgent[] = [];
    for (const p of [a, b]) {
      const agent = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now });
      agent.hello();
      agents.push(agent);
      cleanup.push(() => agent.close());
    }
    const [toA, toB] = agents as [SimAgent, SimAgent];
    const report = async (to: SimAgent[], id: string, ok: boolean) => {
      for (const x of to) await x.report(id, { ok, observations: [{ kind: 'file-store', subject: SUBJECT, itemId: ITEM, lastGood: ok ? now().toISOString() : null, ok, findings: ok ? [] : [{ code: 'copy', message: 'copy failed', severity: 'error' as const }], data: {} }] });
    };
    await report([toA, toB], 'report-01', true);

    // Five minutes later, a report only A has: A sees B one report and five minutes behind.
    offset += 300_000;
    await report([toA], 'report-02', true);
    await until('A sees B behind', async () => (await peersOf(urlA, readA)).peers[0]?.gap?.reportsLacking === 1);
    expect((await peersOf(urlA, readA)).peers[0]!.gap!.behindSeconds).toBeGreaterThanOrEqual(300);
    // The peer item is judged on the next evaluation.
    const reason = await until('A judges peer:b behind', async () => (await get<{ items: { itemId: string; reason: string }[] }>(urlA, readA, '/api/status')).items.find((i) => i.itemId === 'peer:b' && /^peer planner b answers/.test(i.reason))?.reason);
    expect(reason).toMatch(/^peer planner b answers/);
    await report([toB], 'report-02', true);
    await until('A sees B caught up', async () => (await peersOf(urlA, readA)).peers[0]?.gap?.reportsLacking === 0);

    // The file store fails: A posts the alert, B logs it as not sent.
    await report([toA, toB], 'report-03', false);
    await until('A posted the alert', async () => hook.posts.get('/a')?.some((m) => m.changes?.some((c) => c.itemId === ITEM && c.to === 'failed')));
    const held = await until('B logged the alert as not sent', async () => (await alertsOf(urlB, readB)).find((x) => x.itemId === ITEM && x.to === 'failed'));
    expect(held).toMatchObject({ channel: 'peer', delivered: false, detail: 'not sent: peer a sends' });
    expect(hook.posts.get('/b') ?? []).toEqual([]);

    // A stops. B sees it unreachable (not down yet) and still leaves the alerts to it: the file store comes back meanwhile.
    await a.stop();
    a = null;
    await until('B sees A unreachable', async () => (await peersOf(urlB, readB)).peers[0]?.reachable === false);
    expect((await peersOf(urlB, readB))).toMatchObject({ sender: 'a', peers: [{ name: 'a', reachable: false, down: false }] });
    await report([toB], 'report-04', true);
    await until('B logged the recovery as not sent', async () => (await alertsOf(urlB, readB)).some((x) => x.itemId === ITEM && x.to === 'ok' && x.channel === 'peer'));
    expect(hook.posts.get('/b') ?? []).toEqual([]);

    // Past peering.downAfterSeconds A is down: B raises peer:a and sends it with the recovery it held back. (Ten minutes
    // of silence are far from anything a busy machine takes in real time, so A is not down before this.)
    offset += 660_000;
    const sent = await until('B posted peer:a', async () => hook.posts.get('/b')?.find((m) => m.changes?.some((c) => c.itemId === 'peer:a')));
    expect(sent.changes).toEqual([expect.objectContaining({ itemId: ITEM, to: 'ok' }), expect.objectContaining({ itemId: 'peer:a', to: 'failed' })]);
    expect(await peersOf(urlB, readB)).toMatchObject({ sender: 'b', peers: [{ name: 'a', reachable: false, down: true }] });
    const status = await get<{ items: { itemId: string; status: string; reason: string }[] }>(urlB, readB, '/api/status');
    expect(status.items.find((i) => i.itemId === 'peer:a')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^peer planner a \(http:\/\/127\.0\.0\.1:\d+\) has not answered for 1\d min/) });
    const metrics = await get<string>(urlB, readB, '/metrics');
    expect(metrics).toMatch(/lyncdr_peer_down\{peer="a"\} 1/);
    expect(metrics).toMatch(/lyncdr_peer_up\{peer="a"\} 0/);
    expect(metrics).toMatch(/lyncdr_alerts_sender 1/);

    // A comes back: B sees it answer and leaves the alerts to it again, but says itself that A is back.
    a = await startA();
    const back = await until('B posted peer:a ok', async () => hook.posts.get('/b')?.find((m) => m.changes?.some((c) => c.itemId === 'peer:a' && c.to === 'ok')));
    expect(back.changes).toEqual([expect.objectContaining({ itemId: 'peer:a', to: 'ok' })]);
    expect(await peersOf(urlB, readB)).toMatchObject({ sender: 'a', peers: [{ name: 'a', reachable: true, down: false }] });
    expect(await until('A sees B reachable again', async () => (await peersOf(urlA, readA)).peers[0]?.reachable)).toBe(true);
  }, 90_000);

  it('prints both planner URLs in the header of worksheets and runbooks it serves', async () => {
    const topology = await loadDeployment('examples/two-site/topology.xml', 'examples/two-site/lyncdr.yaml', repoRoot);
    const p = await startTestPlanner({
      self: { name: 'paris', url: 'https://lyncdr-paris.contoso.example:8470' },
      peers: [{ name: 'london', url: 'https://lyncdr-london.contoso.example:8470', token: 'unused' }],
      peering: { pollSeconds: 3600, timeoutSeconds: 1 },
    }, { topology });
    cleanup.push(() => p.stop());
    const reader = p.addAgent('ops', 'read');
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-peers-pdf-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const list = await (await fetch(`${p.url}/api/runbooks`, { headers: { authorization: `Bearer ${reader}` } })).json() as { runbooks: { id: string; applies: string | null }[] };
    const first = list.runbooks.find((r) => r.applies === null)?.id;
    const paths = ['/api/documents/worksheet?kind=all&format=pdf', ...(first ? [`/api/documents/runbook?procedure=${encodeURIComponent(first)}&format=pdf`] : [])];
    expect(paths).toHaveLength(2);
    for (const [i, p2] of paths.entries()) {
      const r = await fetch(`${p.url}${p2}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(r.status, p2).toBe(200);
      const file = path.join(dir, `${i}.pdf`);
      writeFileSync(file, Buffer.from(await r.arrayBuffer()));
      const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(firstPage, p2).toContain('paris https://lyncdr-paris.contoso.example:8470 (this planner) · london https://lyncdr-london.contoso.example:8470');
    }
  }, 60_000);
});
