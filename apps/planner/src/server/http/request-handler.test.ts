import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { createLogger } from '@lyncdr/logger';
import { createSqliteStore, type Store } from '@lyncdr/store';
import { createRequestHandler } from './request-handler';
import { compileRoute, type Route } from '../../http/router';

/** A real HTTP server on port 0 around the request handler, with routes that fail in every way a handler can. */
describe('request handler: last-resort guard', () => {
  let server: Server;
  let store: Store;
  const logged: { event: string; fields?: Record<string, unknown> }[] = [];
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    store.close();
  });

  async function start(routes: Route[]) {
    store = createSqliteStore({ file: ':memory:', now: () => new Date() });
    server = createServer(createRequestHandler({
      routes: routes.map(compileRoute), store, log: createLogger({ sinks: [{ write: (r) => logged.push({ event: r.msg, fields: r.fields }) }] }), openRead: true, ready: () => true,
      serveStatic: () => false, hostAllowed: () => true, eventStreams: { open: () => 0, max: 1 },
    }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('answers 500 for an unexpected error (logged once), 400 for a coded one, and cuts a response that had started', async () => {
    const url = await start([
      { method: 'GET', path: '/boom', role: 'read', handle: () => { throw new TypeError('x is undefined'); } },
      { method: 'GET', path: '/async', role: 'read', handle: async () => { await Promise.resolve(); throw new RangeError('late'); } },
      { method: 'GET', path: '/coded', role: 'read', handle: () => { throw new LyncdrError('E_USAGE', 'give kind'); } },
      { method: 'GET', path: '/half', role: 'read', handle: ({ res }) => { res.writeHead(200); res.write('{"a":'); throw new Error('mid-answer'); } },
    ]);
    const boom = await fetch(`${url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ error: { code: 'E_INTERNAL', message: 'internal error; see the planner log' } });
    expect((await fetch(`${url}/async`)).status).toBe(500);
    const coded = await fetch(`${url}/coded`);
    expect(coded.status).toBe(400);
    expect(((await coded.json()) as { error: { code: string } }).error.code).toBe('E_USAGE');
    await expect(fetch(`${url}/half`).then((r) => r.text())).rejects.toThrow();
    expect(logged.filter((l) => l.event === 'http.error').map((l) => l.fields?.error)).toEqual(['x is undefined', 'late', 'mid-answer']);
    // The server goes on.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('sets nosniff and a restrictive CSP on every answer, errors included', async () => {
    const url = await start([]);
    for (const path of ['/healthz', '/nope', '/api/items/%E0%A4%A/history']) {
      const r = await fetch(`${url}${path}`);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
  });
});
