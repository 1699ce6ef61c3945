import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileSource } from '@lyncdr/sql-backup';
import { writeZip64 } from '@lyncdr/topology/testing';
import { checkZip, defaultZipLimits, isUnsafeEntryName } from './check-zip';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array) => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};
const good = () => zipSync({ 'DocItemSet.xml': strToU8('<DocItemSet>' + 'x'.repeat(5000) + '</DocItemSet>'), 'data/a.bin': new Uint8Array(3000).map((_, i) => i % 251) });

/** Offset of the central directory of a zip produced by fflate (no comment). */
const cdOffset = (z: Uint8Array) => Buffer.from(z).readUInt32LE(z.length - 22 + 16);

describe('checkZip (central directory + streamed inflate and CRC-32)', () => {
  it('accepts a good zip and keeps small XML documents', async () => {
    const r = await checkZip(write('good.zip', good()));
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.entries.map((e) => e.name)).toEqual(['DocItemSet.xml', 'data/a.bin']);
    expect(r.heads.get('DocItemSet.xml')!.toString()).toMatch(/^<DocItemSet>x+<\/DocItemSet>$/);
  });

  it('reads a ZIP64 archive (sizes and offsets in the ZIP64 record and extra fields), CRCs checked as it streams', async () => {
    const data = new Uint8Array(3000).map((_, i) => i % 251);
    const z = writeZip64([{ name: 'DocItemSet.xml', data: strToU8('<DocItemSet>' + 'x'.repeat(5000) + '</DocItemSet>'), deflate: true }, { name: 'data/a.bin', data }]);
    const r = await checkZip(write('zip64.zip', z));
    expect(r.findings).toEqual([]);
    expect(r.entries.map((e) => [e.name, e.size])).toEqual([['DocItemSet.xml', 5025], ['data/a.bin', 3000]]);
    expect(r.heads.get('DocItemSet.xml')!.toString()).toMatch(/^<DocItemSet>x+<\/DocItemSet>$/);
    // A changed byte in the stored entry is found through the ZIP64 offsets too.
    const bad = Buffer.from(z);
    const at = bad.indexOf(Buffer.from(data.subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    bad[at + 100] = bad[at + 100]! ^ 0xff;
    const rb = await checkZip(write('zip64-bad.zip', bad));
    expect(rb.ok).toBe(false);
    expect(rb.findings[0]).toMatchObject({ code: 'ZIP_CRC' });
  });

  it('reports a truncated zip', async () => {
    const z = good();
    const r = await checkZip(write('truncated.zip', z.subarray(0, Math.floor(z.length * 0.6))));
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ code: 'ZIP_TRUNCATED', path: path.join(dir, 'truncated.zip') });
  });

  it('reports a corrupted entry by name (CRC or inflate error)', async () => {
    const z = good();
    z[60] = z[60]! ^ 0xff;
    const r = await checkZip(write('corrupt.zip', z));
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.code).toMatch(/^ZIP_(CRC|CORRUPT)$/);
    expect(r.findings[0]!.message).toMatch(/DocItemSet\.xml/);
  });

  it('detects a stored entry whose bytes changed (CRC-32 mismatch)', async () => {
    const z = zipSync({ 'a.txt': strToU8('hello world, hello world') }, { level: 0 });
    const at = Buffer.from(z).indexOf('hello');
    z[at] = 'j'.charCodeAt(0);
    const r = await checkZip(write('crc.zip', z));
    expect(r.findings.map((f) => f.code)).toEqual(['ZIP_CRC']);
  });

  it('refuses a bomb whose header understates the size, and one over the size limit, without inflating it all', async () => {
    const z = zipSync({ 'bomb.bin': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    const lying = Uint8Array.from(z);
    Buffer.from(lying.buffer).writeUInt32LE(1000, cdOffset(z) + 24);
    const before = process.memoryUsage().rss;
    const r1 = await checkZip(write('lying.zip', lying));
    expect(r1.findings.map((f) => f.code)).toEqual(['ZIP_BOMB']);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    const r2 = await checkZip(write('big.zip', z), { ...defaultZipLimits, maxEntryBytes: 1024 * 1024 });
    expect(r2.findings.map((f) => f.code)).toEqual(['ZIP_BOMB']);
  });

  it('reports traversal names and non-zips', async () => {
    const r = await checkZip(write('evil.zip', zipSync({ '../../evil.ps1': strToU8('x'), 'C:/Windows/x.dll': strToU8('y'), 'ok.txt': strToU8('z') })));
    expect(r.findings.map((f) => f.code)).toEqual(['ZIP_UNSAFE_NAME', 'ZIP_UNSAFE_NAME']);
    expect((await checkZip(write('not.zip', strToU8('just text, no zip here at all')))).findings[0]!.code).toBe('ZIP_NOT_ZIP');
    expect((await checkZip(path.join(dir, 'absent.zip'))).findings[0]!.code).toBe('ZIP_UNREADABLE');
    expect(isUnsafeEntryName('a/../../b')).toBe(true);
    expect(isUnsafeEntryName('\\\\server\\share')).toBe(true);
    expect(isUnsafeEntryName('folder/file..txt')).toBe(false);
  });
});

describe('checkZip on a file that fails to read', () => {
  it('reports the entry whose read failed as ZIP_UNREADABLE and checks the others', async () => {
    const z = zipSync({ 'a.xml': strToU8('<a/>'), 'b.bin': new Uint8Array(5000).map((_, i) => i % 7), 'c.xml': strToU8('<c/>') }, { level: 0 });
    const f = write('eio.zip', z);
    const bOffset = Buffer.from(z).indexOf('b.bin');
    const openSource = async (file: string) => {
      const real = await openFileSource(file);
      return {
        ...real,
        read: (offset: number, length: number, into?: Uint8Array) =>
          offset > bOffset && offset < bOffset + 5000 ? Promise.reject(Object.assign(new Error('i/o error'), { code: 'EIO' })) : real.read(offset, length, into),
      };
    };
    const r = await checkZip(f, defaultZipLimits, { openSource });
    expect(r.entries.map((e) => [e.name, e.ok, e.code])).toEqual([
      ['a.xml', true, null],
      ['b.bin', false, 'ZIP_UNREADABLE'],
      ['c.xml', true, null],
    ]);
    expect(r.findings.map((x) => x.message)).toEqual([`${f}: entry b.bin: cannot read (EIO)`]);
  });
});
