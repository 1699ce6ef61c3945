import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LyncdrError, type ErrorCode } from './index';

describe('ERROR_CODES', () => {
  it('names every code E_UPPER_CASE, with a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^E_[A-Z0-9]+(_[A-Z0-9]+)*$/);
      expect(meaning).toMatch(/^[A-Z"'`(a-z].*\.$/);
      expect(meaning).not.toMatch(/\n/);
      expect(meaning.length).toBeLessThanOrEqual(110);
    }
  });

  it('is the type of the code a LyncdrError takes', () => {
    const code: ErrorCode = 'E_TOPOLOGY_PARSE';
    expect(new LyncdrError(code, 'x').code).toBe('E_TOPOLOGY_PARSE');
    // @ts-expect-error a code that is not in the table does not typecheck
    expect(new LyncdrError('E_NOT_A_CODE', 'x').code).toBe('E_NOT_A_CODE');
    const free: string = 'E_INPUT';
    // @ts-expect-error nor does a plain string
    expect(new LyncdrError(free, 'x').code).toBe('E_INPUT');
  });
});
