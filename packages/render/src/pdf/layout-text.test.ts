import { describe, expect, it } from 'vitest';
import { layoutText, type Measure } from './layout-text';
import { wrapCodeLine } from './blocks/code';

/** Every character is 1 unit wide: easy to reason about. */
const measure: Measure = (text) => Array.from(text).length;
const text = (lines: ReturnType<typeof layoutText>): string[] => lines.map((l) => l.pieces.map((p) => (p.spaceBefore ? ' ' : '') + p.text).join(''));

describe('layoutText', () => {
  it('breaks at spaces and never exceeds the width', () => {
    const lines = layoutText([{ text: 'the quick brown fox jumps over the lazy dog', style: 'plain' }], 10, 10, 'words', measure);
    expect(text(lines)).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(10);
  });

  it('breaks FQDNs and UNC paths after . \\ / - with wrap anywhere', () => {
    const lines = layoutText([{ text: 'fe01.pool1.contoso.com \\\\fs01\\share\\path', style: 'plain' }], 12, 10, 'anywhere', measure);
    expect(text(lines)).toEqual(['fe01.pool1.', 'contoso.com', '\\\\fs01\\', 'share\\path']);
  });

  it('splits a word longer than the line rather than overflowing', () => {
    const lines = layoutText([{ text: 'abcdefghijklmnopqrstuvwxyz', style: 'plain' }], 8, 10, 'words', measure);
    expect(text(lines).join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(8);
  });

  it('honours explicit newlines and keeps styles apart', () => {
    const lines = layoutText([{ text: 'one\ntwo ', style: 'plain' }, { text: 'bold', style: 'bold' }], 40, 10, 'words', measure);
    expect(text(lines)).toEqual(['one', 'two bold']);
    expect(lines[1]!.pieces[1]!.font).toBe('bold');
  });
});

describe('wrapCodeLine', () => {
  const fits = (n: number) => (s: string) => s.length <= n;
  it('breaks only at spaces, with the marker, and keeps every token whole', () => {
    const line = 'Invoke-CsPoolFailOver -PoolFqdn pool1.contoso.com -DisasterMode -Verbose';
    const out = wrapCodeLine(line, ' `', fits(40));
    expect(out.length).toBeGreaterThan(1);
    out.slice(0, -1).forEach((l) => expect(l.endsWith(' `')).toBe(true));
    for (const l of out) expect(l.length).toBeLessThanOrEqual(40);
    expect(out.map((l) => l.replace(/ `$/, '').trim()).join(' ')).toBe(line);
  });

  it('never breaks inside a <placeholder> or a quoted string, so no continuation backtick lands in a value', () => {
    const line = 'Move-CsConferenceDirectory -Identity <TBD — owner: conference directory id of pool-a.fabrikam.test (Get-CsConferenceDirectory)> -TargetPool "pool c.fabrikam.test" -Force';
    const out = wrapCodeLine(line, ' `', fits(100));
    for (const l of out) expect(l.length).toBeLessThanOrEqual(100);
    expect(out.some((l) => l.trim().startsWith('<TBD — owner: conference directory id of pool-a.fabrikam.test (Get-CsConferenceDirectory)>'))).toBe(true);
    expect(out.some((l) => l.includes('"pool c.fabrikam.test"'))).toBe(true);
    expect(out.map((l) => l.replace(/ `$/, '').trim()).join(' ')).toBe(line);
    // A placeholder wider than the line breaks between its words, with no backtick inside it.
    const narrow = wrapCodeLine(line, ' `', fits(50));
    for (const l of narrow) expect(l.length).toBeLessThanOrEqual(50);
    const inside = narrow.join('\n').match(/<TBD[^>]*>/)![0];
    expect(inside).not.toContain('`');
  });

  it('leaves a line that fits alone', () => {
    expect(wrapCodeLine('Get-CsPool', ' `', fits(40))).toEqual(['Get-CsPool']);
  });
});
