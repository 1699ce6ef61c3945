/** Code-point order of two strings: stable across locales and much cheaper than localeCompare on large lists. */
export const cmpText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
