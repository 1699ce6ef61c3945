import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { observationKinds } from './observation-kinds';
import { builtinCollectors } from './registry';

describe('observation kinds per collector', () => {
  it('names every built-in collector, and each kind appears in its collector source', () => {
    expect(Object.keys(observationKinds).sort()).toEqual(builtinCollectors().map((c) => c.id).sort());
    const sources = ['file-store/index.ts', 'exports/index.ts', 'bridge/backup-service.ts', 'bridge/cms-replication.ts', 'bridge/mirror-state.ts', 'sql/sql-files.ts', 'sql/sql-history.ts']
      .map((f) => readFileSync(fileURLToPath(new URL(`./${f}`, import.meta.url)), 'utf8')).join('\n');
    for (const kind of Object.values(observationKinds).flat()) expect(sources).toContain(`kind: '${kind}'`);
  });
});
