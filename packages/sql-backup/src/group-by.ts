/** Appends `value` to the list under `key` (creating it): linear, unlike copying the list on every add. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
