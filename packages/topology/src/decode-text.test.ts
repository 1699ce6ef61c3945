import { describe, expect, it } from 'vitest';
import type { LyncdrError } from '@lyncdr/errors';
import { decodeText, firstInvalidUtf8 } from './decode-text';

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

  it('names the byte offset and line of the first byte that is not UTF-8', () => {
    const text = Buffer.from('<?xml version="1.0"?>\n<Topology>\n  <Site Name="Lyon"/>\n</Topology>\n');
    const at = text.indexOf('Lyon') + 1;
    const bad = new Uint8Array(text);
    bad[at] = 0xe9; // Latin-1 "é" in a file that says nothing about its encoding
    const err = (() => {
      try {
        decodeText(bad, 'topology.xml');
      } catch (e) {
        return e as LyncdrError;
      }
      throw new Error('no error');
    })();
    expect(err.code).toBe('E_TOPOLOGY_ENCODING');
    expect(err.location).toEqual({ file: 'topology.xml', line: 3 });
    expect(err.message).toContain(`byte 0xE9 at byte offset ${at} (line 3) is not valid UTF-8`);
    // With a byte-order mark the offset still counts from the start of the file.
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bad]), 'f')).toThrow(`byte offset ${at + 3} (line 3)`);
  });

  it('finds the first invalid UTF-8 sequence: overlong forms, surrogates, cut-off and stray bytes', () => {
    const cases: [number[], number][] = [
      [[0x61, 0xc3, 0xa9, 0x62], 4],
      [[0x61, 0xc0, 0xaf], 1],
      [[0xed, 0xa0, 0x80], 0],
      [[0x61, 0x62, 0xe2, 0x82], 2],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0xf0, 0x9f, 0x98, 0x80, 0x80], 4],
      [[0xe2, 0x82, 0x41], 0],
    ];
    for (const [bytes, at] of cases) expect(firstInvalidUtf8(new Uint8Array(bytes)), bytes.join(' ')).toBe(at);
  });
});
