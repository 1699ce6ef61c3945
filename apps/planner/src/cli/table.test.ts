import { describe, expect, it } from 'vitest';
import { formatTable } from './table';

describe('formatTable', () => {
  it('aligns columns on the widest cell, without trailing spaces; colours stay inside the padding', () => {
    const paint = (_tone: string, s: string) => `<${s}>`;
    const lines = formatTable(['NAME', 'STATE', 'NOTE'], [['fe01', { text: 'ok', tone: 'good' }, ''], ['backend-1', { text: 'revoked', tone: 'bad' }, 'old']], paint);
    expect(lines).toEqual(['NAME       STATE    NOTE', 'fe01       <ok>', 'backend-1  <revoked>  old']);
  });
});
