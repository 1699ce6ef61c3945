import { describe, expect, it } from 'vitest';
import { readYaml } from './read-yaml';

describe('readYaml', () => {
  it('reads a document', () => {
    const r = readYaml('a: 1\nb: { c: [1, 2] }\n');
    expect(r.error).toBeNull();
    expect(r.doc.toJS()).toEqual({ a: 1, b: { c: [1, 2] } });
  });

  it('names a repeated key and its line, at any depth', () => {
    expect(readYaml('a: 1\nb: 2\na: 3\n').error).toEqual({ message: 'Map keys must be unique (a)', line: 3, column: 1 });
    expect(readYaml('owners:\n  x: 1\n  y: 2\n  x: 3\n').error).toMatchObject({ message: 'Map keys must be unique (x)', line: 4 });
    expect(readYaml('a: 1\nb: { a: 1 }\n').error).toBeNull();
  });

  it('gives the line of a syntax error', () => {
    expect(readYaml('a: 1\nb: [unclosed\n').error).toMatchObject({ line: 3 });
  });

  it('reads a map of 70 000 keys (the check is one pass, not a comparison of every pair)', () => {
    const r = readYaml(Array.from({ length: 70_000 }, (_, i) => `k${i}: ${i}`).join('\n'));
    expect(r.error).toBeNull();
    expect(Object.keys(r.doc.toJS() as object)).toHaveLength(70_000);
  });
});
