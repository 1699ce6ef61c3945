import { LyncdrError } from '@lyncdr/errors';
import { backupServiceCollector } from './bridge/backup-service';
import { cmsReplicationCollector } from './bridge/cms-replication';
import { mirrorStateCollector } from './bridge/mirror-state';
import { exportsCollector } from './exports/index';
import { fileStoreCollector } from './file-store/index';
import { sqlCollectors } from './sql/index';
import type { Collector } from './types';

export interface Registry {
  get(id: string): Collector;
  has(id: string): boolean;
  ids(): string[];
  list(): Collector[];
}

/** Every built-in collector (plus the SQL ones); `extra` adds or replaces collectors by id (tests, plug-ins). */
export function builtinCollectors(): Collector[] {
  return [fileStoreCollector, exportsCollector, backupServiceCollector, cmsReplicationCollector, mirrorStateCollector, ...sqlCollectors];
}

export function createRegistry(extra: Collector[] = []): Registry {
  const map = new Map<string, Collector>();
  for (const c of [...builtinCollectors(), ...extra]) map.set(c.id, c);
  return {
    get(id) {
      const c = map.get(id);
      if (!c) throw new LyncdrError('E_COLLECTOR_UNKNOWN', `no collector named ${JSON.stringify(id)}; known: ${[...map.keys()].sort().join(', ')}`);
      return c;
    },
    has: (id) => map.has(id),
    ids: () => [...map.keys()].sort(),
    list: () => [...map.values()],
  };
}
