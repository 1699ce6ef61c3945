import { describe, expect, it } from 'vitest';
import { formatFields, jsonLine, prettyLine } from './format';
import { createLineSink, createLogger } from './logger';

const now = () => new Date('2026-03-01T10:00:00.000Z');

describe('log lines', () => {
  it('key=value quotes strings with spaces, quotes or =, and prints other values as JSON', () => {
    expect(formatFields({ a: 'x', b: 'two words', c: 3, d: { e: 1 }, f: undefined })).toBe('a=x b="two words" c=3 d="{\\"e\\":1}"');
  });

  it('pretty lines carry the time and the level; JSON lines keep time, level and msg whatever the fields say', () => {
    const rec = { time: now().toISOString(), level: 'warn' as const, msg: 'disconnected', fields: { code: 1006, level: 'x' } };
    expect(prettyLine(rec)).toBe('2026-03-01T10:00:00.000Z WARN  disconnected code=1006 level=x\n');
    expect(JSON.parse(jsonLine(rec))).toEqual({ time: '2026-03-01T10:00:00.000Z', level: 'warn', msg: 'disconnected', code: 1006 });
  });

  it('drops records below the level', () => {
    const lines: string[] = [];
    const log = createLogger({ sinks: [createLineSink((l) => lines.push(l))], level: 'warn', now });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d', { id: 'r-1' });
    expect(lines).toEqual(['2026-03-01T10:00:00.000Z WARN  c\n', '2026-03-01T10:00:00.000Z ERROR d id=r-1\n']);
  });
});
