import { describe, expect, it } from 'vitest';
import { LyncdrError, formatError, isLyncdrError } from './index';

describe('LyncdrError', () => {
  it('carries a stable code, a location and exit code 2 by default', () => {
    const e = new LyncdrError('E_TOPOLOGY_PARSE', 'unclosed tag; fix the XML', { location: { file: 't.xml', line: 3, column: 7 } });
    expect(e.code).toBe('E_TOPOLOGY_PARSE');
    expect(e.exitCode).toBe(2);
    expect(isLyncdrError(e)).toBe(true);
    expect(formatError(e)).toBe('E_TOPOLOGY_PARSE: t.xml:3:7: unclosed tag; fix the XML');
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'E_TOPOLOGY_PARSE', message: 'unclosed tag; fix the XML' });
  });

  it('formats foreign errors without a stack trace', () => {
    expect(formatError(new TypeError('x is undefined'))).toBe('E_INTERNAL: x is undefined');
    expect(formatError('boom')).toBe('E_INTERNAL: boom');
  });
});
