import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSimAgent } from '../../testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../../testing/test-planner';
import { isSilenced } from './silence';
import { createWebhookSender } from './webhook';

/** A real local webhook receiver on port 0 that fails the first `failures` requests with 503. */
async function receiver(failures: number) {
  const bodies: unknown[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      calls++;
      if (calls <= failures) {
        res.writeHead(503).end();
        return;
      }
      bodies.push(JSON.parse(text));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, bodies, calls: () => calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('webhook sender', () => {
  it('retries 5xx with exponential backoff and delivers', async () => {
    const hook = await receiver(2);
    const waits: number[] = [];
    const send = createWebhookSender({ url: hook.url, retries: 3, backoffMs: 100, timeoutMs: 2000, sleep: async (ms) => void waits.push(ms) });
    expect(await send({ hello: 1 })).toEqual({ delivered: true, attempts: 3, detail: 'HTTP 204' });
    expect(waits).toEqual([100, 200]);
    expect(hook.bodies).toEqual([{ hello: 1 }]);
    await hook.close();
  });

  it('gives up after the retries, and on a connection refused', async () => {
    const hook = await receiver(100);
    const send = createWebhookSender({ url: hook.url, retries: 2, backoffMs: 1, timeoutMs: 2000 });
    expect(await send({})).toMatchObject({ delivered: false, attempts: 3, detail: 'HTTP 503' });
    await hook.close();
    const refused = await createWebhookSender({ url: hook.url, retries: 1, backoffMs: 1, timeoutMs: 2000 })({});
    expect(refused).toMatchObject({ delivered: false, attempts: 2 });
  });
});

describe('silence windows', () => {
  it('applies by time of day (UTC), across midnight, by weekday and item prefix', () => {
    const w = [{ from: '22:00', to: '06:00', days: [5] }, { from: '12:00', to: '13:00', items: 'sql:' }];
    expect(isSilenced(w, 'x', new Date('2026-11-20T23:00:00Z'))).toBe(true); // Friday night
    expect(isSilenced(w, 'x', new Date('2026-11-21T05:59:00Z'))).toBe(true); // Saturday morning, window began Friday
    expect(isSilenced(w, 'x', new Date('2026-11-22T05:00:00Z'))).toBe(false); // Sunday morning
    expect(isSilenced(w, 'sql:rtcxds@be1', new Date('2026-11-22T12:30:00Z'))).toBe(true);
    expect(isSilenced(w, 'filestore:x', new Date('2026-11-22T12:30:00Z'))).toBe(false);
  });
});

describe('alerts from the planner on status change only', () => {
  let p: TestPlanner | null = null;
  afterEach(async () => {
    await p?.stop();
    p = null;
  });

  it('posts a change to the webhook once, logs it, and not again while the status stays', async () => {
    const hook = await receiver(1);
    let clock = Date.parse('2026-11-22T10:00:00.000Z');
    const item = { id: 'filestore:\\\\fs1.contoso.test\\lyncshare', name: 'File store', frequency: { periodHours: 24 } };
    p = await startTestPlanner({ alerts: { webhook: { url: hook.url, retries: 2, backoffMs: 10 } } }, { now: () => new Date(clock), items: () => [item], deployment: 'contoso' });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(clock) });
    a.hello();
    await a.report('rep-fe1-000001');
    expect(p.server.evaluator.evaluate().items[0]?.status).toBe('ok');
    clock += 31 * 3_600_000; // the daily backup stops: 31 h later it is late
    expect(p.server.evaluator.evaluate().items[0]).toMatchObject({ status: 'late', reason: expect.stringMatching(/^last good backup 31 h ago/) });
    p.server.evaluator.evaluate();
    for (let i = 0; i < 100 && p.store.listAlerts(10).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]).toMatchObject({ kind: 'lyncdr.alert', deployment: 'contoso', changes: [{ itemId: item.id, from: 'ok', to: 'late' }] });
    expect(p.store.listAlerts(10)).toMatchObject([{ itemId: item.id, from: 'ok', to: 'late', channel: 'webhook', delivered: true }]);
    a.close();
    await hook.close();
  });
});
