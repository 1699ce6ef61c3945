const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file name; names that are not valid UTF-8 come back with `\xNN` escapes and `valid: false`. */
export function decodeName(name: Buffer): { text: string; valid: boolean } {
  if (isAscii(name)) return { text: name.toString('latin1'), valid: true };
  try {
    return { text: utf8.decode(name), valid: true };
  } catch {
    let text = '';
    for (const b of name) text += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    return { text, valid: false };
  }
}

/** Compares two relative paths given as component lists, component by component, bytewise (the walk order). */
export function comparePaths(a: readonly Buffer[], b: readonly Buffer[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = Buffer.compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** `a/b/c` for display and findings (forward slashes, whatever the platform). */
export function relText(parts: readonly Buffer[]): string {
  return parts.map((p) => decodeName(p).text).join('/');
}

/** True when every byte is 7-bit ASCII (the common case: no decoding needed). */
export function isAscii(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return false;
  return true;
}
