import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bench, RowSpec } from '../types';
import { checkSide, ENTRY_FILES, entryCmd, measurePair } from '../whole-process';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchFiles = readdirSync(here).filter((f) => f.endsWith('.bench.ts'));

/** Every bench's declared rows (importing a bench file runs nothing). */
async function registry(): Promise<{ bench: Bench; row: RowSpec }[]> {
  const out: { bench: Bench; row: RowSpec }[] = [];
  for (const f of benchFiles) {
    const bench = (await import(pathToFileURL(path.join(here, f)).href)).default as Bench;
    for (const row of bench.rows) out.push({ bench, row });
  }
  return out;
}

describe('the benchmark rows time what users run', () => {
  it('every row times a shipped entry point as a whole process against a whole-process peer', async () => {
    const rows = await registry();
    expect(rows.length).toBeGreaterThan(5);
    for (const { bench, row } of rows) {
      const where = `${bench.id}/${row.id}`;
      expect(row.subject.kind, where).toBe('process');
      expect(Object.keys(ENTRY_FILES), where).toContain(row.subject.entry);
      if (row.peer) expect(row.peer.kind, where).toBe('process');
      else expect(row.target?.msMax ?? row.target?.valueMin, `${where}: a row without a peer needs an absolute target`).toBeDefined();
    }
  });

  it('row ids are unique within a bench, and each bench lists its rows', async () => {
    for (const f of benchFiles) {
      const bench = (await import(pathToFileURL(path.join(here, f)).href)).default as Bench;
      const ids = bench.rows.map((r) => r.id);
      expect(new Set(ids).size, f).toBe(ids.length);
    }
  });

  it('refuses to time an in-process subject, or a command that is not the declared entry', () => {
    const row: RowSpec = { id: 'x', title: 'x', subject: { kind: 'in-process', entry: 'lyncdr-cli', label: 'x' }, peer: { kind: 'process', entry: 'tool', label: 'node -e 0' } };
    expect(() => measurePair(row, entryCmd('lyncdr-cli', ['--help']), { argv: [process.execPath, '-e', '0'] })).toThrow(/only whole-process/);
    // A script of the bench's own (an inner function bundled alone) is not the built CLI.
    expect(() => checkSide({ kind: 'process', entry: 'lyncdr-cli', label: 'x' }, { argv: [process.execPath, '/tmp/child.mjs'] })).toThrow(/declared as lyncdr-cli/);
    expect(() => checkSide({ kind: 'process', entry: 'tool', label: 'x' }, entryCmd('lyncdr-cli', ['--help']))).toThrow(/peer tool/);
    expect(() => checkSide({ kind: 'process', entry: 'agent-cli', label: 'x' }, entryCmd('agent-cli', ['--help']))).not.toThrow();
  });
});
