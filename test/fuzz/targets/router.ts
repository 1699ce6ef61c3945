import { connect } from 'node:net';
import { createPlannerServer, type PlannerServer } from '../../../apps/planner/src/server/planner-server';
import { parsePlannerConfig } from '../../../apps/planner/src/server/config';
import { createSqliteStore } from '../../../packages/store/src/index';
import type { Store } from '../../../packages/store/src/index';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';

const enc = new TextEncoder();
const seeds = [
  'GET /api/status',
  'GET /api/status/snapshot',
  'GET /api/items?limit=10',
  'GET /api/items/filestore%3A%5C%5Cfs01.contoso.example%5Clyncshare/history?limit=5',
  'GET /api/items/caf%C3%A9%20%E2%82%AC/history',
  'GET /api/items/sql%3Asql01.contoso.example%5Crtc%7Crtcxds/history',
  'GET /api/agents',
  'POST /api/agents/fe01/collect',
  'POST /api/evaluate',
  'GET /api/topology/versions?limit=1',
  'GET /api/alerts?limit=1000000',
  'GET /api/documents/worksheet?lang=fr&format=pdf',
  'GET /',
  'GET /dashboard/app.js',
  'GET /api/events',
  'GET /healthz',
].map((s) => enc.encode(s));

let server: PlannerServer | null = null;
let store: Store | null = null;
let port = 0;

/** Sends one request line as raw bytes (only CR and LF removed) and resolves with the status, or null when refused. */
function request(line: Uint8Array): Promise<number | null> {
  const clean = Buffer.from(line.filter((b) => b !== 13 && b !== 10));
  const space = clean.indexOf(32);
  const head = space > 0 ? clean : Buffer.concat([Buffer.from('GET '), clean]);
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    sock.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n')) sock.destroy();
    });
    // The HTTP parser refusing a request line resets the connection: a refusal, not a failure.
    sock.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    sock.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      resolve(m ? Number(m[1]) : null);
    });
    sock.end(Buffer.concat([head, Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')]));
  });
}

/**
 * The planner's URL handling end to end: a real planner (reads open, an in-memory store) on port 0, one raw request
 * per case. An internal error (HTTP 500) fails the case; any other answer, or a request the HTTP parser refuses, passes; so does any uncaught error
 * or unhandled rejection in the process while the request runs.
 */
export const target: FuzzTarget = {
  name: 'router',
  input: mutatedDocument(seeds, {
    tokens: ['%', '%E0%A4%A', '%ZZ', '%00', '%2F', '%2e%2e/', '../', '//', '?', '#', '&', '=', ':id', '/api/items/', '/history', '\\', '%C0%AF', '%F0%9F%98%80', '\u0000', '\u00e9', 'http://evil.example/', '*'],
    nesting: [['../', ''], ['%25', ''], ['/', '']],
  }),
  async setup() {
    store = createSqliteStore({ file: ':memory:', now: () => new Date('2026-12-03T08:00:00Z') });
    server = createPlannerServer({ config: parsePlannerConfig('port: 0\napi: { openRead: true }\n', 'planner.yaml'), store, schedule: false, commitInWorker: false });
    port = (await server.start()).port;
  },
  async teardown() {
    await server?.stop();
    store?.close();
  },
  async run(bytes) {
    const status = await request(bytes);
    if (status === 500) throw new Error(`HTTP ${status} for ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 200))}`);
    return status;
  },
};
