import { describe, expect, it } from 'vitest';
import { parsePingPath } from './ping';

describe('parsePingPath', () => {
  it('reads the item and the action', () => {
    expect(parsePingPath('/ping/export%3Artcxds%40pool01')).toEqual({ item: 'export:rtcxds@pool01', action: { kind: 'success' } });
    expect(parsePingPath('/ping/a/start')).toEqual({ item: 'a', action: { kind: 'start' } });
    expect(parsePingPath('/ping/a/fail')).toEqual({ item: 'a', action: { kind: 'fail', exitCode: null } });
    expect(parsePingPath('/ping/a/0')).toEqual({ item: 'a', action: { kind: 'success' } });
    expect(parsePingPath('/ping/a/3')).toEqual({ item: 'a', action: { kind: 'fail', exitCode: 3 } });
    expect(parsePingPath('/ping/filestore%3A%5C%5Cfs1%5Cshare/255')).toEqual({ item: 'filestore:\\\\fs1\\share', action: { kind: 'fail', exitCode: 255 } });
  });

  it('refuses other shapes', () => {
    for (const p of ['/ping', '/ping/', '/ping/a/256', '/ping/a/-1', '/ping/a/1.5', '/ping/a/b/c', '/ping/a/stop', '/pingx/a', '/api/ping/a']) {
      expect(parsePingPath(p), p).toBeNull();
    }
  });

  it('a malformed %-escape is the client\'s error', () => {
    expect(() => parsePingPath('/ping/%E0%A4%A')).toThrow(expect.objectContaining({ code: 'E_HTTP_BAD_PATH' }));
  });
});
