import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { silentLogger } from '@lyncdr/logger';
import { createSqliteStore, type Store } from '@lyncdr/store';
import { hashToken, newToken } from '../agents/tokens';
import { createRequestHandler } from '../http/request-handler';
import { compileRoute } from '../../http/router';
import { runRoutes, type RunService } from './run-routes';
import type { RunView } from './run-types';

const view = { id: 'r1', kind: 'drill', title: 'Drill', goal: 'failover', operator: 'alice', startedAt: '2026-12-01T09:00:00.000Z', finishedAt: null, outcome: null, fingerprint: 'h', lyncdrVersion: '0.1.0', seq: 1, next: 1, steps: [], summary: null, rollback: null } satisfies RunView;
const calls: unknown[][] = [];
/** Records what the routes hand to the service; run "gone" is unknown and step 9 loses a race, as the core would say. */
const service: RunService = {
  start: (input, operator, lang) => (calls.push(['start', input, operator, lang]), view),
  list: () => [],
  view: (id) => {
    if (id === 'gone') throw new LyncdrError<string>('E_RUN_UNKNOWN', 'no run gone');
    return view;
  },
  step: (id, n, input, operator) => {
    calls.push(['step', id, n, input, operator]);
    if (n === 9) throw new LyncdrError<string>('E_RUN_CONFLICT', 'the run changed; reload it');
    return view;
  },
  finish: (id, input, operator) => (calls.push(['finish', id, input, operator]), view),
  events: () => [],
  evidence: () => null,
  report: async () => ({ contentType: 'application/pdf', body: '%PDF-' }),
};

let store: Store;
let server: Server;
let url = '';
let admin = '';
let read = '';

beforeAll(async () => {
  store = createSqliteStore({ file: ':memory:', now: () => new Date('2026-12-01T09:00:00Z') });
  admin = newToken();
  read = newToken();
  store.addToken('alice', 'admin', hashToken(admin));
  store.addToken('viewer', 'read', hashToken(read));
  server = createServer(createRequestHandler({
    routes: runRoutes({ store, runs: service }).map(compileRoute), store, log: silentLogger, openRead: false, ready: () => true,
    serveStatic: () => false, hostAllowed: () => true, eventStreams: { open: () => 0, max: 1 },
  }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  store.close();
});

const post = (path: string, body: unknown, token = admin) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('the runs routes', () => {
  it('start a run with an admin token; the token name is the operator', async () => {
    const res = await post('/api/runs?lang=fr', { goal: 'failover', args: { pool: 'pool01.contoso.example' }, title: 'Drill' });
    expect(res.status).toBe(201);
    expect(calls.at(-1)).toEqual(['start', { goal: 'failover', args: { pool: 'pool01.contoso.example' }, kind: 'drill', title: 'Drill' }, 'alice', 'fr']);
  });

  it('refuse a read token for changes, and bodies that lack what a change needs', async () => {
    expect((await post('/api/runs', { goal: 'failover', title: 'x' }, read)).status).toBe(403);
    expect(await errorOf(await post('/api/runs', { goal: 'failover' }))).toBe('E_HTTP_BODY');
    expect(await errorOf(await post('/api/runs', { goal: 'failover', title: 'x', kind: 'rehearsal' }))).toBe('E_HTTP_BODY');
    expect(await errorOf(await post('/api/runs/r1/steps/1', { status: 'finished' }))).toBe('E_HTTP_BODY');
    expect(await errorOf(await post('/api/runs/r1/steps/0', { status: 'done' }))).toBe('E_HTTP_BAD_PATH');
    expect(await errorOf(await post('/api/runs/r1/steps/1', { status: 'done', evidence: { name: 'x' } }))).toBe('E_HTTP_BODY');
    expect(await errorOf(await post('/api/runs/r1/finish', { outcome: 'won' }))).toBe('E_HTTP_BODY');
  });

  it('hand a step change with its note, reason and evidence (pasted text or a file) to the core', async () => {
    expect((await post('/api/runs/r1/steps/3', { status: 'skipped', reason: 'known', note: 'n', evidence: { name: 'out.txt', text: 'OK' } })).status).toBe(200);
    expect(calls.at(-1)).toEqual(['step', 'r1', 3, { status: 'skipped', reason: 'known', note: 'n', evidence: { name: 'out.txt', content: new TextEncoder().encode('OK') } }, 'alice']);
    await post('/api/runs/r1/steps/4', { status: 'done', evidence: { name: 'shot.png', base64: Buffer.from([1, 2, 3]).toString('base64') } });
    expect((calls.at(-1)![3] as { evidence: { content: Uint8Array } }).evidence.content).toEqual(new Uint8Array([1, 2, 3]));
    await post('/api/runs/r1/finish', {});
    expect(calls.at(-1)).toEqual(['finish', 'r1', { outcome: 'completed' }, 'alice']);
  });

  it('answer an unknown run with 404 and a change that lost a race with 409, with the core\u2019s code', async () => {
    const gone = await fetch(`${url}/api/runs/gone`, { headers: { authorization: `Bearer ${read}` } });
    expect(gone.status).toBe(404);
    expect(await errorOf(gone)).toBe('E_RUN_UNKNOWN');
    const raced = await post('/api/runs/r1/steps/9', { status: 'done' });
    expect(raced.status).toBe(409);
    expect(await errorOf(raced)).toBe('E_RUN_CONFLICT');
  });

  it('serve the report as a file, and refuse a format it does not have', async () => {
    const res = await fetch(`${url}/api/runs/r1/report.pdf?lang=fr`, { headers: { authorization: `Bearer ${read}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="drill-report-r1-fr.pdf"');
    expect((await fetch(`${url}/api/runs/r1/report.docx`, { headers: { authorization: `Bearer ${read}` } })).status).toBe(400);
  });
});
