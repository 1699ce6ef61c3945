import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore, type Store } from '@lyncdr/store';
import { hashToken } from '../agents/tokens';
import { PlannerConfig } from '../config';
import { connectSimAgent } from '../../testing/sim-agent';
import { createDeploymentContext } from './deployment-context';
import { createDeploymentsServer, type DeploymentsServer } from './deployments-server';

const now = () => new Date();
const config = PlannerConfig.parse({ port: 0 });
const stores: Store[] = [];
let server: DeploymentsServer;
let base = '';
let ws = '';

/** A raw GET: the path goes out as written (fetch would resolve `..` and `//` itself). */
const raw = (path: string, token: string) => new Promise<{ status: number; body: string; location?: string }>((resolve, reject) => {
  const u = new URL(base);
  const r = request({ host: u.hostname, port: u.port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ...(res.headers.location ? { location: res.headers.location } : {}) }));
  });
  r.on('error', reject);
  r.end();
});

beforeAll(async () => {
  const deployments = ['alpha', 'beta'].map((name) => {
    const store = createSqliteStore({ file: ':memory:', now });
    stores.push(store);
    store.addToken('viewer', 'read', hashToken(`${name}-read`));
    store.addToken('fe1', 'agent', hashToken(`${name}-agent`));
    return { name, ctx: createDeploymentContext({ config, store, now, deployment: name.toUpperCase(), schedule: false, commitInWorker: false, base: `/d/${name}` }) };
  });
  const globalStore = createSqliteStore({ file: ':memory:', now });
  stores.push(globalStore);
  server = createDeploymentsServer({ config, deployments, globalStore });
  ({ url: base, ws } = await server.start());
});
afterAll(async () => {
  await server?.stop();
  for (const s of stores) s.close();
});

describe('the several-deployments server', () => {
  it('hands /d/<name>/… to that deployment with the prefix taken off, the query kept', async () => {
    const r = await raw('/d/alpha/api/status?limit=1', 'alpha-read');
    expect([r.status, (JSON.parse(r.body) as { deployment: string }).deployment]).toEqual([200, 'ALPHA']);
    expect((await raw('/d/beta/api/status', 'alpha-read')).status).toBe(403);
    expect((await raw('/d/beta/api/status', 'beta-read')).status).toBe(200);
  });

  it('never lets a path inside one deployment reach another: `..` and `//` stay inside it', async () => {
    const dots = await raw('/d/alpha/../beta/api/status', 'alpha-read');
    expect([dots.status, JSON.parse(dots.body).error.code]).toEqual([404, 'E_HTTP_NOT_FOUND']);
    const slashes = await raw('/d/alpha//beta/api/status', 'alpha-read');
    expect(slashes.status).toBe(404);
    expect((await raw('/d/alpha//api/status', 'alpha-read')).status).toBe(200);
  });

  it('redirects /d/<name> to /d/<name>/, and an unknown name is E_DEPLOYMENT_UNKNOWN', async () => {
    expect(await raw('/d/alpha?x=1', 'alpha-read')).toMatchObject({ status: 308, location: '/d/alpha/?x=1' });
    const unknown = await raw('/d/gamma/api/status', 'alpha-read');
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'E_DEPLOYMENT_UNKNOWN']);
    expect((await raw('/api/status', 'alpha-read')).status).toBe(404);
    expect((await raw('/healthz', '')).status).toBe(200);
  });

  it("takes agents at /d/<name>/agent only, each with its deployment's tokens", async () => {
    const a = await connectSimAgent(`${ws}/d/alpha/agent`, { agentId: 'fe1', token: 'alpha-agent' });
    a.hello(true);
    await a.report('rep-alpha-1');
    expect([stores[0]!.hasReport('rep-alpha-1'), stores[1]!.hasReport('rep-alpha-1')]).toEqual([true, false]);
    a.close();
    const b = await connectSimAgent(`${ws}/d/beta/agent`, { agentId: 'fe1', token: 'alpha-agent', header: false });
    b.hello(true);
    expect((await b.closed).code).toBe(1008);
    for (const path of ['/agent', '/d/gamma/agent', '/d/alpha/agent/x']) {
      await expect(connectSimAgent(`${ws}${path}`, { agentId: 'fe1', token: 'alpha-agent' })).rejects.toThrow(/404/);
    }
  });
});
