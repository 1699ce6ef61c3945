import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { writeZip64 } from '../testing/write-zip64';
import { memorySource, runPlan, runPlanSync, type ByteSource, type ReadRequest } from './byte-source';
import { readCentralDirectory, type ZipDirectoryEntry } from './central-directory';
import { ZipError } from './zip-error';

/** An asynchronous source over bytes that records every read, as a file would be read. */
function recordingSource(bytes: Uint8Array): ByteSource & { reads: ReadRequest[] } {
  const mem = memorySource(bytes);
  const reads: ReadRequest[] = [];
  return {
    reads,
    size: async () => bytes.length,
    read: async (offset, length) => {
      reads.push({ offset, length });
      return mem.read(offset, length).slice();
    },
    close: async () => {},
  };
}

const opts = { file: 'z.zip', maxEntries: 100_000 };
const readSync = (zip: Uint8Array): ZipDirectoryEntry[] => runPlanSync(readCentralDirectory(zip.length, opts), memorySource(zip));
function problemOf(zip: Uint8Array, maxEntries = opts.maxEntries): string {
  try {
    runPlanSync(readCentralDirectory(zip.length, { ...opts, maxEntries }), memorySource(zip));
    return 'no error';
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    return `${e.problem} ${e.code}: ${e.message}`;
  }
}

describe('readCentralDirectory', () => {
  it('reads the same entries in memory and from an asynchronous source, without reading entry data', async () => {
    const big = Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 31) & 0xff);
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'big.bin': [big, { level: 0 }], 'dir/': new Uint8Array(0) });
    const inMemory = readSync(zip);
    expect(inMemory.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.xml', 8, 4],
      ['big.bin', 0, big.length],
      ['dir/', 8, 0],
    ]);
    const source = recordingSource(zip);
    expect(await runPlan(readCentralDirectory(zip.length, opts), source)).toEqual(inMemory);
    const bytesRead = source.reads.reduce((n, r) => n + r.length, 0);
    expect(bytesRead).toBeLessThan(70 * 1024);
  });

  it('reads a directory larger than one read in bounded pieces', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 700; i++) files[`${String(i).padStart(4, '0')}-${'n'.repeat(2000)}.xml`] = strToU8('<a/>');
    const zip = zipSync(files, { level: 0 });
    const source = recordingSource(zip);
    const entries = await runPlan(readCentralDirectory(zip.length, opts), source);
    expect(entries).toHaveLength(700);
    expect(entries[699]!.name.startsWith('0699-')).toBe(true);
    expect(source.reads.length).toBeGreaterThan(2);
    expect(Math.max(...source.reads.map((r) => r.length))).toBeLessThanOrEqual(1024 * 1024);
  });

  it('reads the ZIP64 record and extra fields', () => {
    const z = writeZip64([{ name: 'x/Topology.xml', data: strToU8('<Topology/>'), deflate: true }]);
    expect(readSync(z)).toEqual([
      { name: 'x/Topology.xml', method: 8, flags: 0x800, crc32: expect.any(Number), compressedSize: expect.any(Number), size: 11, localOffset: 0 },
    ]);
  });

  it('names what is wrong: empty, not a zip, truncated, damaged, too many entries', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') });
    expect(problemOf(new Uint8Array(0))).toMatch(/^truncated E_ZIP_CORRUPT: the file is empty/);
    expect(problemOf(strToU8('just text, no zip here at all'))).toMatch(/^not-zip E_ZIP_CORRUPT: no end-of-central-directory record: this is not a zip/);
    expect(problemOf(zip.subarray(0, zip.length - 25))).toMatch(/^truncated E_ZIP_CORRUPT: no end-of-central-directory record: the zip is truncated/);
    const moved = zip.slice();
    new DataView(moved.buffer).setUint32(zip.length - 22 + 16, zip.length, true);
    expect(problemOf(moved)).toMatch(/^truncated E_ZIP_CORRUPT: the central directory \(offset \d+, \d+ bytes\) lies beyond the end/);
    const bad = zip.slice();
    const dv = new DataView(bad.buffer);
    dv.setUint32(dv.getUint32(zip.length - 22 + 16, true), 0x12345678, true);
    expect(problemOf(bad)).toMatch(/^damaged E_ZIP_CORRUPT: central directory entry 1 is damaged/);
    expect(problemOf(zip, 1)).toMatch(/^too-many-entries E_ZIP_LIMIT: the zip holds 2 entries, over the limit of 1/);
  });
});
