import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '@lyncdr/logger';
import { startTestPlanner, type TestPlanner } from '../../testing/test-planner';
import { LINK_TTL_MS, SESSION_TTL_MS, sessionsFor } from './admin-link';

let p: TestPlanner | null = null;
afterEach(async () => {
  await p?.stop();
  p = null;
});

/** A raw GET (fetch would follow the redirect and hide the cookie). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function start() {
  const records: LogRecord[] = [];
  p = await startTestPlanner({}, { log: createLogger({ sinks: [{ write: (r) => records.push(r) }] }) });
  const rec = records.find((r) => r.msg === 'planner.admin_link');
  return { planner: p, link: (rec?.fields?.link as string | undefined) ?? null };
}

describe('one-time admin link', () => {
  it('is printed at a first start (no API token); opening it once sets an HttpOnly, SameSite=Strict admin session cookie', async () => {
    const { planner, link } = await start();
    expect(link).toMatch(new RegExp(`^${planner.url}/login\\?token=[A-Za-z0-9_-]{43}$`));
    // Without the cookie the API wants a token.
    expect((await fetch(`${planner.url}/api/status`)).status).toBe(401);
    const res = await get(link!);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lyncdr_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    const session = cookie.split(';')[0]!;
    // The cookie reads the API and, from the planner's own page, writes (admin).
    expect((await fetch(`${planner.url}/api/status`, { headers: { cookie: session } })).status).toBe(200);
    const host = new URL(planner.url).host;
    const evaluate = (headers: Record<string, string>) => fetch(`${planner.url}/api/evaluate`, { method: 'POST', headers: { cookie: session, ...headers } });
    expect((await evaluate({ origin: `http://${host}` })).status).toBe(200);
    // A write with the cookie alone from another origin, or with no Origin, is refused.
    expect((await evaluate({ origin: 'http://evil.example' })).status).toBe(401);
    expect((await evaluate({})).status).toBe(401);
    // Single use: the second visit is refused, and sets no cookie.
    const again = await get(link!);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(again.body)).toMatchObject({ error: { code: 'E_AUTH', message: expect.stringContaining('lyncdr agents add <name> --role admin') } });
    // A made-up session is nothing.
    expect((await fetch(`${planner.url}/api/status`, { headers: { cookie: 'lyncdr_session=made-up' } })).status).toBe(401);
    expect((await get(`${planner.url}/login`)).status).toBe(403);
    expect((await get(`${planner.url}/login?token=nope`)).status).toBe(403);
  });

  it('is not printed once the planner has an API token', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-admin-link-'));
    try {
      const records: LogRecord[] = [];
      const log = createLogger({ sinks: [{ write: (r) => records.push(r) }] });
      p = await startTestPlanner({}, { dir, log });
      expect(records.filter((r) => r.msg === 'planner.admin_link')).toHaveLength(1);
      p.addAgent('viewer', 'read');
      await p.stop();
      records.length = 0;
      p = await startTestPlanner({}, { dir, log });
      expect(records.map((r) => r.msg)).toContain('planner.ready');
      expect(records.map((r) => r.msg)).not.toContain('planner.admin_link');
    } finally {
      await p?.stop();
      p = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links expire after 10 minutes and sessions after 12 hours', async () => {
    const { planner } = await start();
    const book = sessionsFor(planner.store);
    const t0 = Date.parse('2026-12-01T08:00:00Z');
    expect(book.redeem(book.issueLink(t0), t0 + LINK_TTL_MS)).toBeNull();
    const session = book.redeem(book.issueLink(t0), t0 + LINK_TTL_MS - 1);
    expect(session).not.toBeNull();
    expect(book.isLive(session!, t0 + SESSION_TTL_MS - 2)).toBe(true);
    expect(book.isLive(session!, t0 + LINK_TTL_MS + SESSION_TTL_MS)).toBe(false);
    // Another planner's book knows nothing of this one's sessions.
    expect(sessionsFor({} as never).isLive(session!, t0)).toBe(false);
  });
});
