import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { LyncdrError } from '@lyncdr/errors';
import { writeZip64 } from '../testing/write-zip64';
import { readZip } from './read-zip';

const limits = { maxEntries: 10, maxTotalBytes: 1000, maxEntryBytes: 600, maxRatio: 1000 };
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof LyncdrError ? `${e.code}: ${e.message}` : String(e);
  }
}

describe('readZip', () => {
  it('returns the entries with their bytes, stored or deflated', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'dir/b.txt': [strToU8('b'.repeat(500)), { level: 0 }] });
    expect(readZip(zip, 'z.zip').map((e) => [e.name, e.data.length])).toEqual([
      ['a.xml', 4],
      ['dir/b.txt', 500],
    ]);
  });

  it('caps the total declared size over all entries', () => {
    const zip = zipSync({ a: strToU8('x'.repeat(400)), b: strToU8('x'.repeat(400)), c: strToU8('x'.repeat(400)) });
    expect(codeOf(() => readZip(zip, 'z.zip', limits))).toMatch(
      /^E_ZIP_LIMIT: the entries declare more than 1000 bytes/,
    );
  });

  it('caps one entry', () => {
    expect(codeOf(() => readZip(zipSync({ a: strToU8('x'.repeat(700)) }), 'z.zip', limits))).toMatch(
      /^E_ZIP_LIMIT: entry a declares 700 bytes/,
    );
  });

  it('refuses encrypted entries', () => {
    const zip = zipSync({ a: strToU8('<a/>') });
    const dv = new DataView(zip.buffer);
    const cd = dv.getUint32(zip.length - 22 + 16, true);
    dv.setUint16(cd + 8, dv.getUint16(cd + 8, true) | 1, true);
    expect(codeOf(() => readZip(zip, 'z.zip'))).toMatch(/^E_ZIP_UNSUPPORTED: entry a is encrypted/);
  });

  it('refuses something that is not a zip', () => {
    expect(codeOf(() => readZip(strToU8('PK\u0003\u0004 not really'), 'z.zip'))).toMatch(
      /^E_ZIP_CORRUPT: no end-of-central-directory/,
    );
  });
});

describe('readZip on ZIP64 archives', () => {
  const entries = [
    { name: 'DocItemSet.xml', data: strToU8('<DocItemSet>' + 'x'.repeat(3000) + '</DocItemSet>'), deflate: true },
    { name: 'dir/stored.bin', data: Uint8Array.from({ length: 777 }, (_, i) => i % 253) },
  ];

  it('reads sizes and offsets from the ZIP64 record and extra fields, and checks the CRCs', () => {
    const got = readZip(writeZip64(entries), 'z64.zip');
    expect(got.map((e) => [e.name, e.data.length])).toEqual([['DocItemSet.xml', 3025], ['dir/stored.bin', 777]]);
    expect(got[1]!.data).toEqual(entries[1]!.data);
  });

  it('applies the same limits to ZIP64 sizes', () => {
    expect(codeOf(() => readZip(writeZip64(entries), 'z64.zip', limits))).toMatch(/^E_ZIP_LIMIT: entry DocItemSet.xml declares 3025 bytes/);
  });

  it('a damaged ZIP64 record or locator is a corrupt zip, named as such', () => {
    const z = writeZip64(entries);
    const broken = z.slice();
    const dv = new DataView(broken.buffer);
    const locator = z.length - 22 - 20;
    dv.setUint32(dv.getUint32(locator + 8, true), 0xdeadbeef, true);
    expect(codeOf(() => readZip(broken, 'z64.zip'))).toMatch(/^E_ZIP_CORRUPT: the ZIP64 end-of-central-directory record is damaged/);
    const noLocator = z.slice();
    new DataView(noLocator.buffer).setUint32(locator, 0, true);
    expect(codeOf(() => readZip(noLocator, 'z64.zip'))).toMatch(/^E_ZIP_CORRUPT: the ZIP64 end-of-central-directory locator is missing/);
  });

  it('a ZIP64 entry whose extra field is missing is corrupt, not read at a wrong offset', () => {
    const z = writeZip64(entries.slice(1));
    const dv = new DataView(z.buffer);
    const cd = Number(dv.getBigUint64(z.length - 22 - 20 - 56 + 48, true));
    dv.setUint16(cd + 46 + 'dir/stored.bin'.length, 0x9999, true);
    expect(codeOf(() => readZip(z, 'z64.zip'))).toMatch(/^E_ZIP_CORRUPT: central directory entry 1 lacks its ZIP64 sizes/);
  });
});
