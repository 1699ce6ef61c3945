import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerClient } from './run-client';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-run-client-'));
let server: Server;
let url = '';
const seen: { auth?: string; body?: string }[] = [];

beforeAll(async () => {
  writeFileSync(path.join(dir, 'token'), 'tok-123\n');
  writeFileSync(path.join(dir, 'two'), 'a b\n');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body });
      if (req.url === '/api/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (req.url === '/api/bad') return void res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"E_AUTH","message":"no"}}');
      if (req.url === '/api/runs') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"E_HTTP_NOT_FOUND","message":"no such endpoint"}}');
      res.writeHead(502).end('<html>proxy</html>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('the planner client of lyncdr run', () => {
  it('sends the token as a bearer and JSON bodies', async () => {
    const c = await createPlannerClient({ planner: url, tokenFile: 'token' }, dir);
    expect(await c.postJson('/api/ok', { a: 1 })).toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({ auth: 'Bearer tok-123', body: '{"a":1}' });
  });

  it("turns the planner's error into a LyncdrError with the planner's code", async () => {
    const c = await createPlannerClient({ planner: url, tokenFile: 'token' }, dir);
    await expect(c.getJson('/api/bad')).rejects.toMatchObject({ code: 'E_AUTH', message: 'no (HTTP 409)' });
    await expect(c.getJson('/api/other')).rejects.toMatchObject({ code: 'E_PLANNER_UNREACHABLE', message: expect.stringContaining('HTTP 502') });
  });

  it('says so when the planner does not serve runs', async () => {
    const c = await createPlannerClient({ planner: url, tokenFile: 'token' }, dir);
    await expect(c.getJson('/api/runs')).rejects.toMatchObject({ code: 'E_HTTP_NOT_FOUND', message: expect.stringContaining('does not serve runs') });
  });

  it('names a planner it cannot reach, a URL that is not one and a token file without one token', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const c = await createPlannerClient({ planner: `http://127.0.0.1:${port}`, tokenFile: 'token' }, dir);
    await expect(c.getJson('/api/ok')).rejects.toMatchObject({ code: 'E_PLANNER_UNREACHABLE', message: expect.stringContaining('ECONNREFUSED') });
    await expect(createPlannerClient({ planner: 'planner:8080', tokenFile: 'token' }, dir)).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(createPlannerClient({ planner: url, tokenFile: 'two' }, dir)).rejects.toMatchObject({ code: 'E_INPUT' });
  });
});
