/**
 * One shared copy of the header texts that repeat from file to file (names, versions, creation dates): a scan keeps
 * tens of thousands of headers. Bounded: the table starts over when full.
 */
const table = new Map<string, string>();
const LIMIT = 1024;

export function intern<T extends string | null>(s: T): T {
  if (s === null || s.length > 128) return s;
  const hit = table.get(s);
  if (hit !== undefined) return hit as T;
  if (table.size >= LIMIT) table.clear();
  table.set(s, s);
  return s;
}
