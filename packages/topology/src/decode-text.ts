import { LyncdrError } from '@lyncdr/errors';

/**
 * Turns the bytes of an XML document into text: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with a
 * BOM, or detected from `<` followed or preceded by a zero byte, as Windows PowerShell `Out-File` writes it), or the
 * single-byte encoding named in the XML declaration. Binary data is refused with E_TOPOLOGY_ENCODING.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8(bytes.subarray(3), file, 3);
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', file);
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes.subarray(2), 'utf-16be', file);
  if (b0 === 0x3c && b1 === 0x00) return utf16(bytes, 'utf-16le', file);
  if (b0 === 0x00 && b1 === 0x3c) return utf16(bytes, 'utf-16be', file);
  return utf8(bytes, file);
}

function utf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be', file: string): string {
  if (bytes.length % 2 !== 0) {
    throw new LyncdrError(
      'E_TOPOLOGY_ENCODING',
      `the file is UTF-16 but has an odd number of bytes: it looks truncated; export it again`,
      { location: { file } },
    );
  }
  return new TextDecoder(label).decode(bytes);
}

function utf8(bytes: Uint8Array, file: string, base = 0): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  let text: string;
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && !declared.startsWith('utf-16')) {
    try {
      text = new TextDecoder(declared).decode(bytes);
    } catch {
      throw new LyncdrError(
        'E_TOPOLOGY_ENCODING',
        `the XML declaration names encoding "${declared}", which lyncdr cannot read; save the file as UTF-8 or UTF-16`,
        { location: { file, line: 1 } },
      );
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      const line = lineAt(bytes, at);
      const offset = base + at;
      const byte = `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
      throw new LyncdrError(
        'E_TOPOLOGY_ENCODING',
        `the file is neither UTF-8 nor UTF-16 text: byte ${byte} at byte offset ${offset} (line ${line}) is not valid UTF-8; save the file as UTF-8, name its encoding in the XML declaration, or give a topology document (published XML, .tbxml or a CMS export zip) if it is binary`,
        { location: { file, line } },
      );
    }
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    throw new LyncdrError(
      'E_TOPOLOGY_ENCODING',
      `the file holds a NUL character (binary data?); give a topology document (published XML, .tbxml or a CMS export zip)`,
      { location: { file, line } },
    );
  }
  return text;
}

/** 1-based line of a byte offset: one more than the line feeds before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF); a sequence cut short by the end of the data is invalid at its first byte.
 * Returns `bytes.length` when all of it is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      // The first continuation byte has the tighter range; the others are 80..BF. The sequence is named by its lead byte.
      if (c === undefined || (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}
