import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { memorySource, runPlanSync } from './byte-source';
import { readCentralDirectory } from './central-directory';
import { readEntryData } from './entry-data';
import { ZipError } from './zip-error';

const entryOf = (zip: Uint8Array) => runPlanSync(readCentralDirectory(zip.length, { file: 'z.zip', maxEntries: 10 }), memorySource(zip))[0]!;
function read(zip: Uint8Array, keep: number, patch: Partial<ReturnType<typeof entryOf>> = {}) {
  return runPlanSync(readEntryData({ ...entryOf(zip), ...patch }, zip.length, { file: 'z.zip', keep }), memorySource(zip));
}
function problemOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    return `${e.problem} ${e.code}: ${e.message}`;
  }
}

describe('readEntryData', () => {
  const text = 'hello zip '.repeat(100_000);
  const deflated = zipSync({ 'a.txt': strToU8(text) });

  it('inflates in pieces, checks size and CRC-32 and keeps the first bytes asked for', () => {
    const whole = read(deflated, Number.POSITIVE_INFINITY);
    expect(whole.bytes).toBe(text.length);
    expect(new TextDecoder().decode(whole.kept)).toBe(text);
    const head = read(deflated, 16);
    expect(head.bytes).toBe(text.length);
    expect(new TextDecoder().decode(head.kept)).toBe('hello zip hello ');
  });

  it('stops a header that understates the size, keeping no more than it declares', () => {
    expect(problemOf(() => read(deflated, 1e9, { size: 1000 }))).toMatch(/^overflow E_ZIP_CORRUPT: entry a.txt inflates past the 1000 bytes/);
  });

  it('refuses a wrong CRC-32, a short output, a cut file, encryption and other methods', () => {
    const e = entryOf(deflated);
    expect(problemOf(() => read(deflated, 0, { crc32: (e.crc32 + 1) >>> 0 }))).toMatch(/^crc E_ZIP_CORRUPT: entry a.txt fails its CRC-32 check/);
    expect(problemOf(() => read(deflated, 0, { size: text.length + 1 }))).toMatch(/^damaged E_ZIP_CORRUPT: entry a.txt inflates to 1000000 bytes/);
    expect(problemOf(() => read(deflated, 0, { compressedSize: e.compressedSize + deflated.length }))).toMatch(/^truncated E_ZIP_CORRUPT: the data of a.txt/);
    expect(problemOf(() => read(deflated, 0, { localOffset: 5 }))).toMatch(/^damaged E_ZIP_CORRUPT: the local header of a.txt is missing/);
    expect(problemOf(() => read(deflated, 0, { flags: 1 }))).toMatch(/^encrypted E_ZIP_UNSUPPORTED: entry a.txt is encrypted/);
    expect(problemOf(() => read(deflated, 0, { method: 12 }))).toMatch(/^method E_ZIP_UNSUPPORTED: entry a.txt uses compression method 12/);
    const damaged = deflated.slice();
    damaged.fill(0xff, 40, 60);
    expect(problemOf(() => read(damaged, 0))).toMatch(/^(damaged|crc|overflow) E_ZIP_CORRUPT: entry a.txt/);
  });
});
