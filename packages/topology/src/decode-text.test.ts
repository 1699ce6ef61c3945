import { describe, expect, it } from 'vitest';
import type { LyncdrError } from '@lyncdr/errors';
import { decodeText } from './decode-text';

const xml = '<?xml version="1.0" encoding="utf-16"?><Topology Name="Lyon é"/>';

function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new Uint8Array(Buffer.from('<a>é</a>')), 'f')).toBe('<a>é</a>');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<a/>')]), 'f')).toBe('<a/>');
  });

  it('reads UTF-16 LE and BE, with a BOM or detected from the first character', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, 'utf16le')]), 'f')).toBe(xml);
    expect(decodeText(new Uint8Array(Buffer.from(xml, 'utf16le')), 'f')).toBe(xml);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be(xml)]), 'f')).toBe(xml);
    expect(decodeText(utf16be(xml), 'f')).toBe(xml);
  });

  it('reads a single-byte encoding named by the XML declaration', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
      0xe9,
      ...Buffer.from('</a>'),
    ]);
    expect(decodeText(bytes, 'f')).toContain('<a>é</a>');
  });

  it('refuses binary data and truncated UTF-16 with E_TOPOLOGY_ENCODING', () => {
    const codes = [
      new Uint8Array([0x50, 0x4b, 0xff, 0xfe, 0x00, 0x80]),
      new Uint8Array([0x3c, 0x00, 0x61]),
      new Uint8Array(Buffer.from('<a>\n\0</a>')),
    ].map((b) => {
      try {
        decodeText(b, 'bin.xml');
        return 'no error';
      } catch (e) {
        return (e as LyncdrError).code;
      }
    });
    expect(codes).toEqual(['E_TOPOLOGY_ENCODING', 'E_TOPOLOGY_ENCODING', 'E_TOPOLOGY_ENCODING']);
  });
});
