import { request, createServer, type IncomingHttpHeaders, type ClientRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../apps/planner/src/dashboard/event-hub';
import { startPlannerProcess, type PlannerProcess } from './planner-helpers';

/**
 * The planner's HTTP surface under attack (issue 12, defects 1 and 10): a real `lyncdr serve` process on port 0,
 * reads open without a token (as in the demo), requests sent byte for byte.
 */
interface Answer { status: number; headers: IncomingHttpHeaders; body: string }

function send(base: string, o: { path: string; method?: string; headers?: Record<string, string> }): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: o.path, method: o.method ?? 'GET', headers: o.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer to ${o.path} within 20 s`)));
    req.end();
  });
}

/** Sends raw bytes and resolves with everything the server wrote before closing (or after 20 s). */
function sendRaw(base: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => s.write(bytes));
    let out = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => (out += d));
    s.on('close', () => resolve(out));
    s.on('error', reject);
    s.setTimeout(20_000, () => s.destroy());
  });
}

const code = (a: Answer) => (JSON.parse(a.body) as { error: { code: string } }).error.code;

describe('planner HTTP surface (real process)', () => {
  let dir = '';
  let planner: PlannerProcess;
  const alive = async () => {
    expect(planner.child.exitCode).toBeNull();
    expect((await send(planner.url, { path: '/healthz' })).status).toBe(200);
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-hard-http-'));
    writeFileSync(path.join(dir, 'planner.yaml'), [
      `data: ${JSON.stringify(dir)}`, 'port: 0',
      'api: { openRead: true, allowedHosts: [lyncdr.contoso.example], maxEventStreams: 3 }', '',
    ].join('\n'));
    planner = await startPlannerProcess(['--config', path.join(dir, 'planner.yaml')]);
  });
  afterAll(async () => {
    planner?.child.kill('SIGTERM');
    await planner?.exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a malformed %-escape in any :param route is a coded 400; the process stays up', async () => {
    for (const [method, p] of [['GET', '/api/items/%E0%A4%A/history'], ['GET', '/api/documents/%'], ['POST', '/api/agents/%zz/collect'], ['GET', '/api/items/%C0%80/history']] as const) {
      const a = await send(planner.url, { path: p, method });
      expect(a.status, p).toBe(400);
      expect(code(a)).toBe('E_HTTP_BAD_PATH');
      await alive();
    }
  });

  it('a request target that is not a URL is a 400, also on an upgrade; the process stays up', async () => {
    expect(await sendRaw(planner.url, 'GET http://[/api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1.1 400 .*E_HTTP_BAD_PATH/s);
    const upgrade = 'GET http://[/agent HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
    expect(await sendRaw(planner.url, upgrade)).toMatch(/^HTTP\/1.1 400 /);
    await alive();
  });

  it('JSON answers, errors included, carry nosniff and a restrictive CSP', async () => {
    for (const p of ['/api/status', '/api/nope', '/api/items/%/history', '/healthz']) {
      const a = await send(planner.url, { path: p });
      expect(a.headers['x-content-type-options'], p).toBe('nosniff');
      expect(a.headers['content-security-policy'], p).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
    // The dashboard page keeps its own policy.
    expect((await send(planner.url, { path: '/' })).headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('answers only for its own names: a rebound Host is refused (421) even where reads need no token', async () => {
    const port = new URL(planner.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `lyncdr.contoso.example:${port}`]) {
      expect((await send(planner.url, { path: '/api/status', headers: { host } })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, 'lyncdr.contoso.example.evil.example', 'x'.repeat(5000)]) {
      const a = await send(planner.url, { path: '/api/status', headers: { host } });
      expect(a.status, host.slice(0, 40)).toBe(421);
      expect(code(a)).toBe('E_HTTP_HOST');
      expect(a.body.length).toBeLessThan(400);
    }
  });

  it('limits the live /api/events streams (api.maxEventStreams)', async () => {
    const { hostname, port } = new URL(planner.url);
    const open = () => new Promise<{ status: number; req: ClientRequest }>((resolve, reject) => {
      const req = request({ host: hostname, port, path: '/api/events' }, (res) => resolve({ status: res.statusCode ?? 0, req }));
      req.on('error', () => undefined);
      req.setTimeout(20_000, () => reject(new Error('no answer')));
      req.end();
    });
    const streams = [await open(), await open(), await open()];
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await open();
    expect(fourth.status).toBe(503);
    streams[0]!.req.destroy();
    // The planner sees the close a little later: retry until a slot is free (bounded, no fixed sleep).
    let again = 503;
    for (let i = 0; i < 200 && again === 503; i++) {
      const s = await open();
      again = s.status;
      if (again === 200) streams.push(s);
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(again).toBe(200);
    for (const s of streams) s.req.destroy();
    await alive();
  });
});

describe('event streams honour backpressure', () => {
  it('a consumer that stops reading is closed, never buffered without bound', async () => {
    const hub = createEventHub({ keepAliveMs: 60_000, maxBacklogBytes: 256 * 1024 });
    const server = createServer((_req, res) => hub.attach(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    // A client that sends the request and then never reads: the kernel buffers fill, then the planner's.
    const slow = connect(port, '127.0.0.1', () => slow.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    slow.pause();
    const closed = new Promise<void>((r) => slow.on('close', () => r()));
    slow.on('error', () => undefined);
    for (let i = 0; i < 200 && hub.clients === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(hub.clients).toBe(1);
    const data = { blob: 'x'.repeat(64 * 1024) };
    let published = 0;
    // 64 MB offered; the hub must drop the client long before.
    while (hub.clients > 0 && published < 1024) {
      hub.publish('status', data);
      published++;
      await new Promise((r) => setImmediate(r));
    }
    expect(hub.clients).toBe(0);
    expect(published).toBeLessThan(1024);
    slow.destroy();
    await closed;
    hub.close();
    await new Promise((r) => server.close(r));
  });
});
