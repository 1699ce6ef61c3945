import { describe, expect, it } from 'vitest';
import { compileRoute } from './router';

describe('router', () => {
  const r = compileRoute({ method: 'GET', path: '/api/items/:id/history', role: 'read', handle: () => {} });

  it('decodes parameters and ignores other paths', () => {
    expect(r.match('/api/items/filestore%3A%5C%5Cfs1/history')).toEqual({ id: 'filestore:\\\\fs1' });
    expect(r.match('/api/items')).toBeNull();
  });

  it.each(['%E0%A4%A', '%', '%zz', '%C0%80', '%ED%A0%80'])('a malformed escape (%s) is E_HTTP_BAD_PATH, not a URIError', (bad) => {
    expect(() => r.match(`/api/items/${bad}/history`)).toThrow(expect.objectContaining({ code: 'E_HTTP_BAD_PATH' }));
  });
});
