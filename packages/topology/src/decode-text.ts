import { LyncdrError } from '@lyncdr/errors';

/**
 * Turns the bytes of an XML document into text: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with a
 * BOM, or detected from `<` followed or preceded by a zero byte, as Windows PowerShell `Out-File` writes it), or the
 * single-byte encoding named in the XML declaration. Binary data is refused with E_TOPOLOGY_ENCODING.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8(bytes.subarray(3), file);
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

function utf8(bytes: Uint8Array, file: string): string {
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
      throw new LyncdrError(
        'E_TOPOLOGY_ENCODING',
        `the file is neither UTF-8 nor UTF-16 text (is it binary?); give a topology document (published XML, .tbxml or a CMS export zip)`,
        { location: { file } },
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
