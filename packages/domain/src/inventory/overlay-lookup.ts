import type { Overlay } from '@lyncdr/topology';

/** Reads schedules, destinations and owners from the overlay, trying the most specific key first. */
export interface OverlayLookup {
  schedule(keys: string[]): string | null;
  destination(keys: string[]): string | null;
  owner(keys: string[]): string | null;
}

function first<T>(map: Record<string, T> | undefined, keys: string[]): T | null {
  if (!map) return null;
  for (const k of keys) {
    const v = map[k];
    if (v !== undefined && v !== null) return v;
  }
  return null;
}

/**
 * Keys are tried in the order given, then `default`. Callers pass item id, scope (pool FQDN, store id), category
 * (`userdata`, `filestore`…) and data kind group (`sql`, `settings`, `database`).
 */
export function createOverlayLookup(overlay: Overlay | null): OverlayLookup {
  const withDefault = (keys: string[]) => [...keys, 'default'];
  return {
    schedule: (keys) => first(overlay?.schedules, withDefault(keys)),
    destination: (keys) => first(overlay?.destinations, withDefault(keys)),
    owner: (keys) => {
      const o = first(overlay?.owners, withDefault(keys));
      if (!o) return null;
      return o.email ? `${o.name} <${o.email}>` : o.name;
    },
  };
}
