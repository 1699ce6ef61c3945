import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkConnection, formatCheck } from './connection-check';

// The accepted and refused tokens are checked against a real planner in test/agent-wine.test.ts; here the steps that
// fail before the planner is reached.
const base = { token: 'tok-0123456789', agentId: 'fe1', version: '0.1.0', host: 'fe1', capabilities: ['file-store'], timeoutMs: 10_000 };

describe('checkConnection', () => {
  it('stops at the URL when it is not ws:// or wss://', async () => {
    const r = await checkConnection({ ...base, url: 'https://planner.contoso.test/agent' });
    expect(r.ok).toBe(false);
    expect(r.steps).toMatchObject([{ step: 'url', ok: false }]);
  });

  it('names the host that does not resolve and what to check', async () => {
    const lookup = () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const r = await checkConnection({ ...base, url: 'wss://nope.contoso.test/agent', lookup });
    expect(r.steps.map((s) => [s.step, s.ok])).toEqual([['url', true], ['resolve', false]]);
    expect(formatCheck(r.steps)).toMatch(/FAILED {2}resolve {6}nope\.contoso\.test: ENOTFOUND\n {8}what to do: check the host name in planner\.url .*Resolve-DnsName nope\.contoso\.test/);
  });

  it('names a refused TCP connection with the port and the firewall check', async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await checkConnection({ ...base, url: `ws://127.0.0.1:${port}/agent` });
    expect(r.steps.map((s) => [s.step, s.ok])).toEqual([['url', true], ['resolve', true], ['connect', false]]);
    expect(r.steps[2]!.detail).toMatch(/ECONNREFUSED/);
    expect(r.steps[2]!.fix).toMatch(new RegExp(`Test-NetConnection 127\\.0\\.0\\.1 -Port ${port}`));
  });

  it('reports an HTTP answer that is not a WebSocket upgrade (wrong path or a proxy)', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.writeHead(404).end()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const r = await checkConnection({ ...base, url: `ws://127.0.0.1:${(server.address() as net.AddressInfo).port}/wrong` });
      expect(r.steps.at(-1)).toMatchObject({ step: 'handshake', ok: false, detail: 'HTTP 404 Not Found', fix: expect.stringMatching(/\/agent/) });
    } finally {
      server.close();
    }
  });
});
