import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { LyncdrError } from '@lyncdr/errors';
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
