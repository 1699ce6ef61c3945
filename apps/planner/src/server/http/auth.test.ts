import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type Store } from '@lyncdr/store';
import { hashToken } from '../agents/tokens';
import { requestRole } from './auth';

const now = () => new Date('2026-12-04T08:00:00Z');
const req = (token: string | null, method = 'GET') => ({ method, headers: token ? { authorization: `Bearer ${token}` } : {} }) as unknown as IncomingMessage;

describe('the API role of a request with several deployments', () => {
  const stores: Store[] = [];
  const store = () => {
    const s = createSqliteStore({ file: ':memory:', now });
    stores.push(s);
    return s;
  };
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
  });

  it("a deployment knows its own tokens; another deployment's are unknown; a global admin token is admin everywhere", () => {
    const [a, b, global] = [store(), store(), store()];
    a.addToken('viewer', 'read', hashToken('a-read'));
    a.addToken('ops', 'admin', hashToken('a-admin'));
    a.addToken('fe1', 'agent', hashToken('a-agent'));
    global.addToken('noc', 'admin', hashToken('g-admin'));
    global.addToken('old', 'admin', hashToken('g-revoked'));
    global.revokeToken('old');
    global.addToken('stray', 'read', hashToken('g-read'));

    expect(requestRole(req('a-read'), a, false, global)).toBe('read');
    expect(requestRole(req('a-admin'), a, false, global)).toBe('admin');
    expect(requestRole(req('g-admin'), a, false, global)).toBe('admin');
    for (const t of ['a-read', 'a-admin', 'a-agent']) expect(requestRole(req(t), b, false, global), t).toBe('denied');
    // Only live admin tokens of the planner's store count on a deployment.
    expect(requestRole(req('g-revoked'), b, false, global)).toBe('denied');
    expect(requestRole(req('g-read'), b, false, global)).toBe('denied');
    expect(requestRole(req('a-agent'), a, false, global)).toBe('denied');
    expect(requestRole(req(null), b, false, global)).toBeNull();
    expect(requestRole(req(null), b, true, global)).toBe('read');
    // Without a planner store (one deployment), as before.
    expect(requestRole(req('g-admin'), a, false)).toBe('denied');
  });
});
