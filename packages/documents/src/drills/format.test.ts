import { describe, expect, it } from 'vitest';
import { breakLine, EXCERPT_MAX_LINES, EXCERPT_WIDTH, excerptLines, printable } from './excerpt';
import { formatDuration, formatTime, formatTimeShort, upperBound } from './format';

describe('drill report formats', () => {
  it('prints durations in hours, minutes and seconds', () => {
    expect(formatDuration(750)).toBe('12 min 30 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(1800)).toBe('30 min');
    expect(formatDuration(3605)).toBe('1 h 0 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(4500)).toBe('1 h 15 min');
    expect(formatDuration(89.6)).toBe('1 min 30 s');
    expect(formatDuration(-130)).toBe('−2 min 10 s');
  });

  it('prints times in UTC, short in a table when on the run’s day', () => {
    expect(formatTime('2026-12-04T06:12:30.000Z')).toBe('2026-12-04 06:12:30 UTC');
    expect(formatTime('2026-12-04T07:12:30+01:00')).toBe('2026-12-04 06:12:30 UTC');
    expect(formatTime('not a date')).toBe('not a date');
    expect(formatTimeShort('2026-12-04T06:12:30Z', '2026-12-04T06:00:00Z')).toBe('06:12:30');
    expect(formatTimeShort('2026-12-05T00:02:10Z', '2026-12-04T23:55:00Z')).toBe('2026-12-05 00:02:10');
  });

  it('reads the upper bound of a range printed on a page', () => {
    expect(upperBound('15–20')).toBe(20);
    expect(upperBound('15-20')).toBe(20);
    expect(upperBound('5')).toBe(5);
    expect(upperBound('2,5')).toBe(2.5);
    expect(upperBound('n/a')).toBeNull();
  });
});

describe('evidence excerpts', () => {
  it('replaces control characters and what the monospace face cannot draw, and expands tabs', () => {
    expect(printable('a\u0007b')).toBe('a\ufffdb');
    expect(printable('ok 😀 中')).toBe('ok \ufffd \ufffd');
    expect(printable('Réplication — état │ 100 %')).toBe('Réplication — état │ 100 %');
    expect(printable('ab\tc')).toBe('ab  c');
    expect(printable('\tx')).toBe('    x');
  });

  it('breaks long lines at a space when one fits, else between characters, with a marker', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const lines = breakLine(words);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(0, -1)) {
      expect(l.endsWith(' \u21b5')).toBe(true);
      expect(Array.from(l).length).toBeLessThanOrEqual(EXCERPT_WIDTH + 2);
    }
    expect(lines.map((l) => l.replace(/ \u21b5$/, '')).join(' ')).toBe(words);
    const token = 'x'.repeat(200);
    expect(breakLine(token)).toEqual(['x'.repeat(90) + ' \u21b5', 'x'.repeat(90) + ' \u21b5', 'x'.repeat(20)]);
    expect(breakLine("It's a quote that never closes " + 'and goes on '.repeat(10)).length).toBe(2);
  });

  it('keeps at most EXCERPT_MAX_LINES lines and counts the rest', () => {
    const text = Array.from({ length: EXCERPT_MAX_LINES + 25 }, (_, i) => `line ${i}`).join('\r\n') + '\r\n';
    const { lines, omitted } = excerptLines(text);
    expect(lines).toHaveLength(EXCERPT_MAX_LINES);
    expect(lines[0]).toBe('line 0');
    expect(omitted).toBe(25);
    expect(excerptLines('one\ntwo\n')).toEqual({ lines: ['one', 'two'], omitted: 0 });
  });
});
