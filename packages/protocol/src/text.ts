/** Bytes of one UTF-16 code unit sequence in UTF-8: 1–3 for a BMP unit (a lone surrogate becomes U+FFFD: 3). */
function unitBytes(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}

const ELLIPSIS = '…';
const ELLIPSIS_BYTES = 3;

/**
 * Cuts `text` to at most `maxBytes` bytes of UTF-8, on a character boundary (never inside a surrogate pair), ending
 * with "…" when it was cut. Reads at most about `maxBytes` code units whatever the length of `text`: O(maxBytes).
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text;
  const budget = Math.max(0, maxBytes - ELLIPSIS_BYTES);
  let bytes = 0;
  let cut = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const n = pair ? 4 : unitBytes(c);
    if (bytes + n > budget && cut < 0) cut = i;
    bytes += n;
    if (bytes > maxBytes) return (maxBytes >= ELLIPSIS_BYTES ? text.slice(0, cut) + ELLIPSIS : '');
    i += pair ? 2 : 1;
  }
  return text;
}

/** A short, printable view of a value someone else sent (for messages and logs): never longer than `maxBytes`. */
export function describeValue(value: unknown, maxBytes = 40): string {
  if (typeof value === 'string') return JSON.stringify(truncateUtf8(value, maxBytes));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
}
