import { describe, expect, it } from 'vitest';
import { createHostCheck, hostOf, hostRefused } from './host-check';

describe('Host check (DNS rebinding)', () => {
  const check = createHostCheck({ bindHost: '0.0.0.0', allowed: ['lyncdr.contoso.example'], machine: ['planner01', '10.0.0.5', 'fe80::1'] });

  it('allows the loopback names, the machine, the configured names, with or without port', () => {
    for (const h of ['127.0.0.1:8470', 'localhost', 'LOCALHOST:1', '[::1]:8470', 'planner01', '10.0.0.5:8470', '[fe80::1]', 'lyncdr.contoso.example.', undefined]) {
      expect(check(h), String(h)).toBe(true);
    }
  });

  it('refuses other names and malformed headers, and says what to do', () => {
    for (const h of ['evil.example', 'evil.example:8470', '0.0.0.0', '', 'a b', 'localhost.evil.example', '[::1']) expect(check(h), h).toBe(false);
    expect(hostRefused('evil.example').message).toMatch(/add it to api.allowedHosts/);
    expect(hostRefused('x'.repeat(100_000)).message.length).toBeLessThan(200);
  });

  it('allows the bind address, and anything with *', () => {
    expect(createHostCheck({ bindHost: '192.168.1.9', allowed: [], machine: [] })('192.168.1.9:8470')).toBe(true);
    expect(createHostCheck({ bindHost: '127.0.0.1', allowed: ['*'], machine: [] })('whatever.example')).toBe(true);
  });

  it('reads the host of a Host header', () => {
    expect(hostOf('Example.COM:80')).toBe('example.com');
    expect(hostOf('[::1]:1')).toBe('::1');
    expect(hostOf('ex ample')).toBeNull();
  });
});
