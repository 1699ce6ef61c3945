import { storesOf, type Pool, type SqlStore, type Topology } from '@lyncdr/topology';
import type { InventoryItem } from './model';
import type { OverlayLookup } from './overlay-lookup';
import { backupFile } from './naming';

/** What every item builder receives. */
export interface InventoryContext {
  topology: Topology;
  lookup: OverlayLookup;
}

/** The SQL store of a kind used by a pool, if the topology says so. */
export function storeOf(t: Topology, pool: string, kinds: SqlStore['kind'][]): SqlStore | null {
  for (const kind of kinds) {
    const s = storesOf(t, kind, pool)[0];
    if (s) return s;
  }
  return null;
}

/** The server that holds a pool's back-end data: its Back End store's SQL server, or the Standard Edition server itself. */
export function backEndHost(t: Topology, pool: Pool): { server: string; instance: string | null } | null {
  const s = storeOf(t, pool.fqdn, ['BackEnd', 'Application']);
  if (s) return { server: s.server, instance: s.instance };
  if (pool.kind === 'StandardEdition') return { server: pool.machines[0] ?? pool.fqdn, instance: null };
  return null;
}

type Base = Omit<InventoryItem, 'schedule' | 'destination' | 'owner' | 'file'>;

/**
 * Completes an item with the overlay's schedule, destination and owner, looked up by item id, scope, category and
 * data kind group. The backup file is `fileName` in the destination (or `$Backup`), and `command` receives its path so
 * the exact command names the real file.
 */
export function withOverlay(
  ctx: InventoryContext,
  base: Omit<Base, 'command'>,
  group: string | string[],
  fileName: string | null,
  command: ((file: string) => string) | null,
): InventoryItem {
  const keys = [base.id, base.scopeRef, base.category ?? '', ...(Array.isArray(group) ? group : [group]), base.kind].filter(Boolean);
  const destination = ctx.lookup.destination(keys);
  const file = fileName ? backupFile(destination, fileName) : null;
  return {
    ...base,
    command: command && file ? command(file) : null,
    file,
    schedule: ctx.lookup.schedule(keys),
    destination,
    owner: ctx.lookup.owner(keys),
  };
}
